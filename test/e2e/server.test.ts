/** The loopback server the real-browser tests, the bench and `npm start` stand on (no browser needed here). */
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type FixtureServer } from '../../scripts/harness/server';

const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '../fixtures/pages');

/** A raw GET, so paths like /../ reach the server as written instead of being normalised by fetch. */
function get(server: FixtureServer, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: rawPath, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer({ pages: { '/given.html': '<p>given</p>' }, mounts: { '/': FIXTURE_PAGES_DIR } });
  });
  afterAll(() => server.close());

  it('listens on loopback only, on a port the OS picked', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url('/demo/article.html')).toBe(`${server.origin}/demo/article.html`);
  });

  it('serves the demo under /demo/ and a mounted folder (the fixture pages) at the root, with their types', async () => {
    const demo = await get(server, '/demo/article.html');
    expect(demo.status).toBe(200);
    expect(demo.type).toBe('text/html; charset=utf-8');
    expect(demo.body).toContain('The Harbour Ledger');
    expect((await get(server, '/demo/article.css')).type).toBe('text/css; charset=utf-8');
    expect((await get(server, '/traps.html')).body).toContain('Volt Typhoon');
  });

  it('serves pages registered up front and later, which win over files', async () => {
    expect((await get(server, '/given.html')).body).toBe('<p>given</p>');
    const url = server.page('<p>later</p>');
    expect((await get(server, new URL(url).pathname)).body).toBe('<p>later</p>');
    server.page('<p>override</p>', '/traps.html');
    expect((await get(server, '/traps.html')).body).toBe('<p>override</p>');
  });

  it('answers 404 for missing files and never serves outside its folders', async () => {
    expect((await get(server, '/no-such-page.html')).status).toBe(404);
    for (const escape of ['/../package.json', '/demo/../../package.json', '/%2e%2e/package.json', '/demo/..%2f..%2fpackage.json']) {
      const response = await get(server, escape);
      expect(response.status, escape).toBe(404);
      expect(response.body, escape).not.toContain('"devDependencies"');
    }
  });

  it('serves a favicon, so browsers log no 404 for it', async () => {
    const icon = await get(server, '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.type).toBe('image/png');
  });

  it('records the paths requested', async () => {
    await get(server, '/plain.html');
    expect(server.requests).toContain('/plain.html');
  });
});

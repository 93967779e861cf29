/**
 * The pages the real-browser tests, the bench and `npm start` visit, served from 127.0.0.1 on a
 * port the OS picks: there is no network here, and the content script runs only on http(s) pages.
 *
 * - /demo/…           the bundled demo news page (demo/)
 * - any directory a caller mounts (the e2e tests mount their fixture pages at /)
 * - any path a caller registers with `page(path, html)`, which wins over files
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_DIR = path.join(root, 'demo');
const FAVICON = path.join(root, 'icons', 'icon-32.png');

/** URL prefix → directory, served whatever else is mounted. */
const DEFAULT_MOUNTS: ReadonlyArray<readonly [string, string]> = [['/demo/', DEMO_DIR]];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

interface RegisteredRoute {
  body: string;
  contentType: string;
}

export interface FixtureServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Absolute URL of a path on this server: url('/demo/article.html'). */
  url(pathname: string): string;
  /** Serves `html` at `pathname` (default: a fresh unique path) and returns its URL. */
  page(html: string, pathname?: string): string;
  /** Serves any text body at `pathname`. */
  route(pathname: string, body: string, contentType?: string): string;
  /** Paths requested so far, in order (to prove, say, that nothing extra was fetched). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Pages to register up front: pathname → HTML. */
  pages?: Record<string, string>;
  /** Extra directories to serve: URL prefix (ending in '/') → directory. */
  mounts?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}): Promise<FixtureServer> {
  const routes = new Map<string, RegisteredRoute>();
  const requests: string[] = [];
  // Longest prefix first, so /demo/ wins over a mount at /.
  const mounts = [...Object.entries(options.mounts ?? {}), ...DEFAULT_MOUNTS].sort(
    ([a], [b]) => b.length - a.length,
  );
  let anonymousPages = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(pathname);
    const registered = routes.get(pathname);
    if (registered) return send(response, 200, registered.contentType, registered.body);
    // Browsers ask for it unprompted; a 404 would show up as a console error on every page.
    if (pathname === '/favicon.ico') return send(response, 200, 'image/png', await readFile(FAVICON));
    const file = await resolveFile(mounts, pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', `not found: ${pathname}`);
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return send(response, 200, type, await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const url = (pathname: string) => new URL(pathname, origin).href;

  const route = (pathname: string, body: string, contentType = 'text/plain; charset=utf-8') => {
    routes.set(pathname, { body, contentType });
    return url(pathname);
  };
  const page = (html: string, pathname = `/registered/page-${++anonymousPages}.html`) =>
    route(pathname, html, CONTENT_TYPES['.html']);

  for (const [pathname, html] of Object.entries(options.pages ?? {})) page(html, pathname);

  return {
    origin,
    url,
    page,
    route,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The file a path names under its mount, never outside it; a directory serves its index.html. */
async function resolveFile(
  mounts: ReadonlyArray<readonly [string, string]>,
  pathname: string,
): Promise<string | null> {
  const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
  if (!mount) return null;
  const [prefix, dir] = mount;
  const candidate = path.resolve(dir, '.' + path.posix.normalize('/' + pathname.slice(prefix.length)));
  if (candidate !== dir && !candidate.startsWith(dir + path.sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer) {
  // Fixtures change between runs; a cached copy would test yesterday's page.
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

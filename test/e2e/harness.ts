/**
 * Real-browser harness: launches headless Chromium (CDP) or Firefox ESR (WebDriver BiDi) with
 * the built extension loaded, opens pages that may talk only to 127.0.0.1, and runs one test
 * body in both browsers. Recipes: /work/shared/docs/browser-testing.md.
 *
 *   describeBrowsers((b) => {
 *     it('highlights the demo page', async () => {
 *       await b.page.goto(b.server.url('/demo/article.html'));
 *       expect(await waitForMarks(b.page)).not.toHaveLength(0);
 *     });
 *   });
 *
 * Launching and the loopback server live in scripts/harness/ (shared with the bench and
 * `npm start`), page-side helpers (marks, domSnapshot, cardState, …) there and in ./page-helpers;
 * all are re-exported here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { launchBrowser, type BrowserHandle, type BrowserName } from '../../scripts/harness/browsers';
import { startServer as startLoopbackServer, type FixtureServer, type ServerOptions } from '../../scripts/harness/server';

export * from '../../scripts/harness/browsers';
export * from '../../scripts/harness/page-helpers';
export * from './page-helpers';
export type { FixtureServer } from '../../scripts/harness/server';

const FIXTURE_PAGES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

/** The loopback server with the fixture pages (test/fixtures/pages/) at its root, beside the demo under /demo/. */
export function startServer(options: ServerOptions = {}): Promise<FixtureServer> {
  return startLoopbackServer({ ...options, mounts: { '/': FIXTURE_PAGES_DIR, ...options.mounts } });
}

const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * Browsers to test: both, unless BACKSTORY_BROWSERS names some (comma-separated), which helps
 * when debugging one of them.
 */
export function selectedBrowsers(): BrowserName[] {
  const wanted = process.env.BACKSTORY_BROWSERS?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!wanted || wanted.length === 0) return [...ALL_BROWSERS];
  const unknown = wanted.filter((name) => !ALL_BROWSERS.includes(name as BrowserName));
  if (unknown.length > 0) throw new Error(`BACKSTORY_BROWSERS: unknown ${unknown.join(', ')}; use chromium, firefox`);
  return wanted as BrowserName[];
}

/** What a test body sees: the file's browser and server, and a fresh page per test. */
export interface BrowserTestContext {
  readonly name: BrowserName;
  readonly handle: BrowserHandle;
  readonly server: FixtureServer;
  /** A fresh tab for the current test, closed after it. */
  readonly page: Page;
}

/**
 * Runs `body` once per selected browser, inside `describe('<browser>')`. One browser and one
 * fixture server per file per browser; a fresh page per test.
 */
export function describeBrowsers(body: (context: BrowserTestContext) => void): void {
  for (const name of selectedBrowsers()) {
    describe(name, () => {
      let handle: BrowserHandle | undefined;
      let server: FixtureServer | undefined;
      let page: Page | undefined;

      beforeAll(async () => {
        server = await startServer();
        handle = await launchBrowser(name);
      });
      afterAll(async () => {
        await handle?.close();
        await server?.close();
      });
      beforeEach(async () => {
        page = await required(handle, 'browser').newPage();
      });
      afterEach(async () => {
        await page?.close().catch(() => undefined);
        page = undefined;
      });

      body({
        name,
        get handle() {
          return required(handle, 'browser');
        },
        get server() {
          return required(server, 'server');
        },
        get page() {
          return required(page, 'page');
        },
      });
    });
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what} yet: use it inside a test or hook of describeBrowsers`);
  return value;
}

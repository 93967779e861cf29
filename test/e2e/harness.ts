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
 * Launching lives in ./browsers, page-side helpers (marks, domSnapshot, cardState, …) in
 * ./page-helpers, the fixture server in ./server; all are re-exported here.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { launchBrowser, selectedBrowsers, type BrowserHandle, type BrowserName } from './browsers';
import { startServer, type FixtureServer } from './server';

export * from './browsers';
export * from './page-helpers';
export { startServer, type FixtureServer } from './server';

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

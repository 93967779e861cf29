/**
 * Chromium for the bench: the same launch with and without the extension, so the two differ in
 * nothing else. Every page may reach loopback only; anything else is aborted before it leaves.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath } from '../check-browsers';
import { CHROMIUM_ARGS, blockNonLoopback } from '../harness/browsers';

/** The e2e harness's flags (no reaching for Google's services), plus a second wall behind request interception: no name resolves except loopback. */
const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export interface BenchBrowser {
  browser: Browser;
  /** chrome-extension://<id>/ when the extension is loaded, else null. */
  extensionOrigin: string | null;
  newPage(): Promise<GuardedPage>;
  close(): Promise<void>;
}

export interface GuardedPage {
  page: Page;
  /** Non-loopback URLs the page tried to load (all aborted). */
  blocked: string[];
  errors: string[];
}

async function guard(page: Page): Promise<GuardedPage> {
  const guarded: GuardedPage = { page, blocked: [], errors: [] };
  page.on('pageerror', (error) => guarded.errors.push(error instanceof Error ? error.message : String(error)));
  await blockNonLoopback(page, (url) => guarded.blocked.push(url));
  return guarded;
}

/** Headless Chromium, with the unpacked extension at `extensionDir` loaded, or none. */
export async function launchChromium(extensionDir: string | null): Promise<BenchBrowser> {
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    pipe: true,
    enableExtensions: extensionDir !== null,
    args: BENCH_CHROMIUM_ARGS,
  });
  let extensionOrigin: string | null = null;
  try {
    if (extensionDir !== null) extensionOrigin = `chrome-extension://${await browser.installExtension(extensionDir)}/`;
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    extensionOrigin,
    newPage: async () => guard(await browser.newPage()),
    close: () => browser.close(),
  };
}

/**
 * Seeing the requests each extension context makes, for privacy.test.ts. Channels:
 * - request events of the pages the test opens (CDP in Chromium, WebDriver BiDi in Firefox),
 *   attached before the page navigates;
 * - Resource Timing inside a document, which lists the http(s) fetches it made even before a
 *   listener could be attached (the reader tab the background opens);
 * - Chromium's service worker, through a CDP session on its target with the Network domain on;
 * - Firefox's background, an event page WebDriver BiDi does not expose: reached through
 *   runtime.getBackgroundPage() from an extension page and read through its Resource Timing.
 * What each sees, as found on Chromium 156 and Firefox ESR 153:
 * - Chromium request events: the page's requests; extension pages' subresources (not the
 *   navigation to their own chrome-extension:// document); the worker's fetches, icons included.
 * - Firefox BiDi request events: the page's requests (with its built-in list-bullet font as a
 *   data: URL); for extension pages only http(s) requests, no moz-extension:// loads.
 * - Resource Timing (both): http(s) fetches only, never extension-scheme files; for Firefox's
 *   event page only since its last start (a suspended background forgets its entries), and no
 *   WebSocket or WebRTC traffic.
 * Every channel is proved by a canary: an http request to the test's own server, made on
 * purpose from that context, that the channel must report.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserHandle } from '../../scripts/harness/browsers';

/** Records the URL of every request `page` makes from now on. */
export function recordRequests(page: Page, into: string[]): void {
  page.on('request', (request) => into.push(request.url()));
}

/** The document's own address and everything it fetched, as Resource Timing lists them. */
export function resourceTimingUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    location.href,
    ...performance.getEntriesByType('resource').map((entry) => entry.name),
  ]);
}

/** Has `page` fetch `url` (a canary request its channel must see). */
export async function fetchFrom(page: Page, url: string): Promise<void> {
  await page.evaluate(async (address) => {
    await fetch(address, { mode: 'no-cors' });
  }, url);
}

/** Opens an extension page in a fresh tab with its requests recorded from before it loads. */
export async function openRecordedExtensionPage(handle: BrowserHandle, extensionPath: string, into: string[]): Promise<Page> {
  const page = await handle.newPage();
  recordRequests(page, into);
  // Firefox never reports 'load' for extension pages over BiDi, though they load (see browsers.ts).
  await page.goto(`${handle.extensionOrigin}/${extensionPath}`, { waitUntil: handle.name === 'firefox' ? 'networkidle2' : 'load' });
  return page;
}

export interface BackgroundWatch {
  /** What this channel can see, for the report when a check fails. */
  readonly channel: string;
  /** Request URLs seen so far. */
  urls(): Promise<string[]>;
  /**
   * Has the background fetch `url` (an http URL of the test's own server): a request that
   * leaves the extension, which the channel must see. It proves the channel is watching.
   */
  canary(url: string): Promise<void>;
  stop(): Promise<void>;
}

/** Firefox's extension API, as far as reaching the background page goes. */
interface RuntimeGlobal {
  browser?: { runtime: { getBackgroundPage(): Promise<Window> } };
}

/** Watches the background's network from now on. */
export async function watchBackground(handle: BrowserHandle): Promise<BackgroundWatch> {
  return handle.name === 'chromium' ? watchServiceWorker(handle) : watchEventPage(handle);
}

async function watchServiceWorker(handle: BrowserHandle): Promise<BackgroundWatch> {
  const target = await handle.backgroundTarget();
  const worker = await handle.backgroundWorker();
  if (!target || !worker) throw new Error('no service worker to watch');
  const session = await target.createCDPSession();
  const seen: string[] = [];
  session.on('Network.requestWillBeSent', (event) => seen.push(event.request.url));
  await session.send('Network.enable');
  return {
    channel: 'CDP Network domain of the service worker target',
    urls: async () => [...seen],
    async canary(url) {
      await worker.evaluate(async (address) => {
        await fetch(address, { mode: 'no-cors' });
      }, url);
    },
    stop: () => session.detach().catch(() => undefined),
  };
}

async function watchEventPage(handle: BrowserHandle): Promise<BackgroundWatch> {
  /** An options tab, to reach the background page's window from (same origin, so its objects are usable). */
  const fromOptionsPage = async <T>(read: (page: Page) => Promise<T>): Promise<T> => {
    const page = await handle.openExtensionPage('options/options.html');
    try {
      return await read(page);
    } finally {
      await page.close();
    }
  };
  return {
    channel: 'Resource Timing of the background event page (runtime.getBackgroundPage)',
    urls: () =>
      fromOptionsPage((page) =>
        page.evaluate(async () => {
          const global = globalThis as unknown as RuntimeGlobal;
          const background = await global.browser!.runtime.getBackgroundPage();
          return background.performance.getEntriesByType('resource').map((entry) => entry.name);
        }),
      ),
    canary: (url) =>
      fromOptionsPage((page) =>
        page.evaluate(async (address) => {
          const global = globalThis as unknown as RuntimeGlobal;
          const background = await global.browser!.runtime.getBackgroundPage();
          // The background's own fetch: the request is the background page's, not this tab's.
          await background.fetch(address, { mode: 'no-cors' });
        }, url),
      ),
    stop: async () => undefined,
  };
}

/**
 * What the library's real-browser tests share: the framed article built from real third-party
 * text, calls into the extension from one of its own pages, the popup opened for a tab, export
 * and import through the library page, and a browser launched on a profile that outlives it (for
 * the restart test).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath, type BrowserName } from '../../scripts/check-browsers';
import { ARTICLES } from '../../src/shared/library';
import type { BrowserHandle } from '../../scripts/harness/browsers';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/library');
export const DB_NAME = 'backstory-library';

/** CNews Live's article as bundled (their text, word for word), in a site frame whose nav, sidebar and footer name other catalog entities. */
export function framedCnewsPage(canonical: string): { html: string; paragraphs: readonly string[]; outsideIds: string[] } {
  const article = ARTICLES.find((candidate) => candidate.id === 'cnews-us-shelves-mss-sanctions');
  if (!article?.headline) throw new Error('the bundled CNews article is missing');
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escape(article.headline)} | CNews Live</title>
<meta property="og:site_name" content="CNews Live">
<meta property="article:published_time" content="2025-11-25T10:00:00Z">
<link rel="canonical" href="${canonical}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech: Nvidia earnings live</a></nav></header>
<div style="display:flex"><main><article><h1>${escape(article.headline)}</h1>
${article.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}
</article></main>
<aside><h3>Trending</h3><ul><li><a href="/a">Alibaba unveils a new cloud chip</a></li><li><a href="/b">H200 shipments resume</a></li></ul>
<p>Sponsored: Hudson Institute events this week.</p></aside></div>
<footer><p>© 2025 CNews Live. Nvidia, Alibaba and the Hudson Institute are mentioned here only in the footer.</p></footer>
</body></html>`;
  return { html, paragraphs: article.paragraphs, outsideIds: ['nvidia', 'alibaba', 'h200', 'hudson-institute'] };
}

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The extension API inside an extension page. */
type Api = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
};

/** Runs `body` in a fresh extension page (the options page) and closes it. */
export async function inExtensionPage<T, A>(handle: BrowserHandle, body: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const page = await handle.openExtensionPage('options/options.html');
  try {
    return (await page.evaluate(body as never, arg as never)) as T;
  } finally {
    await page.close();
  }
}

export interface QuoteSeen {
  text: string;
  publisher: string;
  url?: string;
  headline?: string;
}

/** What the background's get-entity answers: the one knowledge model cards show. */
export async function entityQuotes(handle: BrowserHandle, id: string): Promise<QuoteSeen[]> {
  const answer = await inExtensionPage(
    handle,
    async (entityId: string) => {
      const global = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (global.browser ?? global.chrome)!.runtime.sendMessage({ type: 'get-entity', id: entityId });
    },
    id,
  );
  const envelope = answer as { ok: boolean; value: { quotes: QuoteSeen[] } | null };
  if (!envelope.ok) throw new Error(`get-entity failed: ${JSON.stringify(answer)}`);
  return envelope.value?.quotes ?? [];
}

/** Empties the library by deleting its database (nothing holds it open between uses). */
export async function clearLibrary(handle: BrowserHandle): Promise<void> {
  await inExtensionPage(
    handle,
    (name: string) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('library database is held open'));
      }),
    DB_NAME,
  );
}

/**
 * The browser's id for the tab `target` shows (as popup.test.ts finds it): Chromium asks for the
 * active tab after bringing it to the front; Firefox shares page addresses, so it matches the URL.
 */
export async function tabIdOf(handle: BrowserHandle, target: Page): Promise<number> {
  if (handle.name === 'chromium') {
    await target.bringToFront();
    const worker = await handle.backgroundWorker();
    if (!worker) throw new Error('no service worker');
    const [active] = await worker.evaluate(async () =>
      (globalThis as unknown as { chrome: Api }).chrome.tabs.query({ active: true, lastFocusedWindow: true }),
    );
    if (active?.id === undefined) throw new Error('no active tab');
    return active.id;
  }
  const url = await target.evaluate(() => location.href);
  const ids = await inExtensionPage(
    handle,
    async (wanted: string) => {
      const global = globalThis as unknown as { browser?: Api; chrome?: Api };
      const tabs = await (global.browser ?? global.chrome)!.tabs.query({});
      return tabs.filter((tab) => tab.url === wanted).map((tab) => tab.id);
    },
    url,
  );
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return ids[0];
}

/**
 * The popup for the tab showing `target`, opened as a tab and told its target with `?tab=<id>`
 * (a hook only test builds have). In Firefox the toolbar popup cannot be opened by the driver;
 * this runs the very same popup code (startPopup → the background's save-page) for that tab.
 */
export async function openPopupFor(handle: BrowserHandle, target: Page): Promise<Page> {
  const tabId = await tabIdOf(handle, target);
  if (handle.name === 'chromium') await grantActiveTab(handle, target);
  const popup = await handle.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#save-page:not([disabled])');
  return popup;
}

/**
 * Chromium lets the capture script into a tab only under activeTab, which a click on the toolbar
 * button grants. Puppeteer's triggerExtensionAction is that click: it grants activeTab and opens
 * the real popup, which is closed again (the tests drive the popup opened as a tab).
 */
export async function grantActiveTab(handle: BrowserHandle, target: Page): Promise<void> {
  await target.bringToFront();
  const extension = (await handle.browser.extensions()).get(handle.extensionId);
  if (!extension) throw new Error('the extension is not installed');
  const opened = handle.browser.waitForTarget((candidate) => candidate.url().startsWith(`${handle.extensionOrigin}/popup/popup.html`) && !candidate.url().includes('?'), { timeout: 10_000 });
  await target.triggerExtensionAction(extension);
  const popupPage = await (await opened).asPage().catch(() => null);
  await popupPage?.close().catch(() => undefined);
}

/** Clicks a popup button and waits until its library status says something other than "Saving…". */
export async function clickAndReadStatus(popup: Page, selector: string): Promise<string> {
  await popup.click(selector);
  await popup.waitForFunction(
    () => {
      const text = document.getElementById('library-status')?.textContent ?? '';
      return text !== '' && !text.startsWith('Saving');
    },
    { polling: 'mutation' },
  );
  return popup.$eval('#library-status', (element) => element.textContent ?? '');
}

/** Launches `name` on `profileDir`, with the extension loaded from `extensionDir`: both survive the browser, so its library does too. */
export async function launchPersistent(name: BrowserName, profileDir: string, extensionDir: string, chromiumArgs: readonly string[]): Promise<{ browser: Browser; origin: string }> {
  if (name === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: browserPath('chromium'),
      headless: true,
      pipe: true,
      enableExtensions: true,
      userDataDir: profileDir,
      args: [...chromiumArgs],
    });
    // An unpacked extension's id comes from its path: the same folder gives the same origin, and the same IndexedDB.
    const id = await browser.installExtension(extensionDir);
    return { browser, origin: `chrome-extension://${id}` };
  }
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const uuid = '0b6f4c2e-3d1a-4f5b-9c8d-7e6a5b4c3d2e';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }),
      // A temporary add-on is uninstalled when Firefox closes; these keep its origin and its data for the next start.
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, origin: `moz-extension://${uuid}` };
}

/** Clicks "Export library" and returns the file it offers. The click's download is caught in the page: a test cannot reach the browser's downloads folder in both browsers alike. */
export async function exportLibrary(library: Page): Promise<{ name: string; text: string }> {
  await library.evaluate(() => {
    const scope = window as unknown as { __exported?: Promise<{ name: string; text: string }> };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) scope.__exported = fetch(this.href).then(async (response) => ({ name: this.download, text: await response.text() }));
    };
  });
  await library.click('#export');
  await library.waitForFunction(() => (window as unknown as { __exported?: unknown }).__exported !== undefined);
  const file = await library.evaluate(() => (window as unknown as { __exported: Promise<{ name: string; text: string }> }).__exported);
  await library.evaluate(() => delete (window as unknown as { __exported?: unknown }).__exported);
  return file;
}

/** Chooses a file with `text` as `name` in the library page's import field. */
export async function importLibraryFile(library: Page, name: string, text: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'backstory-import-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  const input = await library.$('#import-file');
  if (!input) throw new Error('no import field');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
}

/**
 * Your library, in Chromium and Firefox ESR: save an article from its site frame, and cards
 * quote it with its site (never the sidebar or footer); a page with no article saves nothing;
 * remove, export and import restore the library exactly; the library survives a restart.
 *
 * The popup is opened as a tab and told its tab with `?tab=<id>` (test builds only, as in
 * popup.test.ts), so this file builds its own copy of the extension with test hooks.
 */
import { cp, mkdir, mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/build';
import {
  clearLibrary,
  clickAndReadStatus,
  entityQuotes,
  exportLibrary,
  fixture,
  framedCnewsPage,
  importLibraryFile,
  launchPersistent,
  openPopupFor,
} from './library-helpers';

const testHooksDist = path.join(os.tmpdir(), `backstory-e2e-library-${process.pid}`);
await buildExtension({ testHooks: true, outDir: testHooksDist });
const previousDist = process.env.BACKSTORY_DIST_DIR;
process.env.BACKSTORY_DIST_DIR = testHooksDist;
const { CHROMIUM_ARGS, cardState, describeBrowsers, screenshot, selectedBrowsers, pageLog } = await import('./harness');
if (previousDist === undefined) delete process.env.BACKSTORY_DIST_DIR;
else process.env.BACKSTORY_DIST_DIR = previousDist;

afterAll(() => rm(testHooksDist, { recursive: true, force: true }));

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

describeBrowsers((b) => {
  beforeEach(async () => {
    await clearLibrary(b.handle);
  });

  /** Serves the framed CNews article at its own canonical address and saves it through the popup. */
  async function saveFramedArticle(page: Page, pathname = '/news/cnews-mss-sanctions.html') {
    const url = b.server.url(pathname);
    const framed = framedCnewsPage(url);
    b.server.page(framed.html, pathname);
    await page.goto(url);
    const popup = await openPopupFor(b.handle, page);
    const status = await clickAndReadStatus(popup, '#save-page');
    return { url, framed, popup, status };
  }

  it('saves an article from its site frame; cards quote it first, with its site, and never the sidebar or footer', async () => {
    const { url, framed, popup, status } = await saveFramedArticle(b.page);
    expect(status).toMatch(
      /^Saved: in your library\. “U\.S\. Shelves Sanctions Against Chinese Spy Agency to Protect Fragile Trade Truce”, \d+ names found\.( New names to keep or dismiss in your library: .+\.)?$/,
    );
    expect(status).toContain('in your library');

    const mss = await entityQuotes(b.handle, 'mss');
    const first = mss[0]!;
    expect(first).toMatchObject({ publisher: 'CNews Live', url });
    // Verbatim: a sentence of one of the article's paragraphs.
    expect(framed.paragraphs.some((paragraph) => paragraph.includes(first.text))).toBe(true);
    // Saved first, then the bundled knowledge.
    expect(mss.some((quote) => quote.url === undefined)).toBe(true);
    expect(mss.findIndex((quote) => quote.url === undefined)).toBeGreaterThan(mss.findLastIndex((quote) => quote.url === url));

    for (const id of framed.outsideIds) {
      expect((await entityQuotes(b.handle, id)).filter((quote) => quote.url === url), id).toEqual([]);
    }

    // Saving the same address again (a reopened popup) offers an update instead of a duplicate.
    await popup.reload({ waitUntil: b.name === 'firefox' ? 'networkidle2' : 'load' });
    await popup.waitForSelector('#save-page:not([disabled])');
    const again = await clickAndReadStatus(popup, '#save-page');
    expect(again).toMatch(/^This page is in your library/);
    expect(await popup.$eval('#update-page', (button) => (button as HTMLElement).hidden)).toBe(false);
    const updated = await clickAndReadStatus(popup, '#update-page');
    expect(updated).toMatch(/^Updated: in your library\./);
    expect((await entityQuotes(b.handle, 'mss')).filter((quote) => quote.url === url).length).toBe(mss.filter((quote) => quote.url === url).length);
    await popup.close();
    expect(pageLog(b.page).blockedRequests).toEqual([]);
  });

  it('the card for a name the saved article mentions quotes it, with its site and a link to the original, until the article is removed', async () => {
    const { popup } = await saveFramedArticle(b.page);
    await popup.close();
    const story = await b.handle.newPage();
    await story.goto(b.server.url('/demo/article.html'));
    const storyPopup = await openPopupFor(b.handle, story);
    const button = await storyPopup.waitForSelector('#entity-list .entity[data-entity-id="mss"]');
    await button!.click();
    await story.bringToFront();
    // The card's content is what this test is about; whether headless Firefox counts a card opened
    // in a tab just brought to the front as visible is the card's own tests' business.
    await expect.poll(async () => (await cardState(story))?.text ?? '', { timeout: 15_000 }).toContain('Original page');
    const card = (await cardState(story))!;
    expect(card.name).toBe('Ministry of State Security (MSS)');
    expect(card.text).toContain('Read in CNews Live');
    expect(card.text).toContain('Original page');
    await storyPopup.close();

    // Removed from the library page, the article leaves the card of this already open tab at once.
    const library = await b.handle.openExtensionPage('library/library.html');
    await library.waitForSelector('#articles button.remove');
    await library.click('#articles button.remove');
    await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 0, { polling: 'mutation' });
    await library.close();
    await story.bringToFront();
    await story.keyboard.press('Escape');
    const again = await openPopupFor(b.handle, story);
    await (await again.waitForSelector('#entity-list .entity[data-entity-id="mss"]'))!.click();
    await story.bringToFront();
    await expect.poll(async () => (await cardState(story))?.text ?? '', { timeout: 15_000 }).toContain('Read in CNews Live');
    expect((await cardState(story))!.text).not.toContain('Original page');
    await again.close();
    await story.close();
  });

  it('a page with no article saves nothing and says so', async () => {
    await b.page.goto(b.server.page(fixture('search-page.html'), '/search.html'));
    const popup = await openPopupFor(b.handle, b.page);
    const status = await clickAndReadStatus(popup, '#save-page');
    expect(status).toMatch(/^No article found on this page/);
    const library = await b.handle.openExtensionPage('library/library.html');
    await library.waitForSelector('#articles:not([aria-busy])');
    expect(await library.$$eval('#articles > li', (items) => items.length)).toBe(0);
    await library.close();
    await popup.close();
  });

  it('a 10 MB page is refused as too big, and the tab stays responsive', async () => {
    // Paragraphs of a few hundred characters, as long pages have: one 10 MB paragraph is a
    // line-breaking load for Chromium itself (seconds, before any extension code), not for us.
    const paragraph = `<p>${'quiet words without any catalog name in them, '.repeat(11)}</p>`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge</title></head><body><article><h1>Huge</h1>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}</article></body></html>`;
    await b.page.goto(b.server.page(html, '/huge.html'));
    const popup = await openPopupFor(b.handle, b.page);
    expect(await clickAndReadStatus(popup, '#save-page')).toMatch(/too big to save/);
    expect(await b.page.evaluate(() => document.title)).toBe('Huge');
    await popup.close();
  });

  it('lists, searches, removes, exports and imports: a round trip restores the library exactly, a bad file changes nothing', async () => {
    const { url: cnewsUrl } = await saveFramedArticle(b.page);
    const harbourUrl = 'https://harbour-ledger.example/tech/telecom-breach-inquiry';
    const other = await b.handle.newPage();
    await other.goto(b.server.page(fixture('framed-article.html'), '/harbour.html'));
    const popup = await openPopupFor(b.handle, other);
    expect(await clickAndReadStatus(popup, '#save-page')).toMatch(/^Saved: in your library/);
    await popup.close();
    await other.close();

    const library = await b.handle.openExtensionPage('library/library.html');
    const titles = () => library.$$eval('#articles > li .article-title', (items) => items.map((item) => item.textContent ?? ''));
    await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 2, { polling: 'mutation' });
    expect(await titles()).toEqual(['Telecom breach inquiry widens as carriers count the cost', 'U.S. Shelves Sanctions Against Chinese Spy Agency to Protect Fragile Trade Truce']);
    const removeNames = await library.$$eval('#articles button.remove', (buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    expect(removeNames.every((name) => name.startsWith('Remove '))).toBe(true);
    expect(await library.$eval('#articles > li', (item) => item.textContent ?? '')).toMatch(/The Harbour Ledger.*published .*2025.*words.*Names found: .*Salt Typhoon/);
    await library.waitForFunction(() => (document.getElementById('storage-used')?.textContent ?? '').startsWith('Storage used'), { polling: 'mutation' });
    await readmeScreenshot(library, 'library', { width: 900, height: 700 });

    // Search: MiniSearch finds, mark.js marks the matched words in the results.
    await library.type('#search', 'carriers');
    await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 1 && document.querySelector('#articles mark') !== null, { polling: 'mutation' });
    expect(await library.$eval('#articles mark', (mark) => mark.textContent?.toLowerCase())).toBe('carriers');
    await library.$eval('#search', (input) => {
      (input as HTMLInputElement).value = '';
      input.dispatchEvent(new Event('input'));
    });

    const exported = await exportLibrary(library);
    expect(exported.name).toMatch(/^backstory-library-\d{4}-\d{2}-\d{2}\.json$/);
    const first = JSON.parse(exported.text) as { format: string; version: number; articles: Array<{ url: string }>; names: unknown[] };
    expect(first).toMatchObject({ format: 'backstory-library', version: 2 });
    // The names found in both articles travel with them, with the reader's decisions.
    expect(first.names.length).toBeGreaterThan(0);
    expect(first.articles.map((article) => article.url)).toEqual([harbourUrl, cnewsUrl]);

    // Remove one: its quotes leave the cards at once.
    expect((await entityQuotes(b.handle, 'salt-typhoon')).some((quote) => quote.url === harbourUrl)).toBe(true);
    await library.click(`#articles li:first-child button.remove`);
    await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 1, { polling: 'mutation' });
    expect(await library.$eval('#undo', (element) => (element as HTMLElement).hidden)).toBe(false);
    expect((await entityQuotes(b.handle, 'salt-typhoon')).some((quote) => quote.url === harbourUrl)).toBe(false);

    // A file that is not an export, and a hostile one, change nothing.
    for (const [name, text] of [
      ['notes.json', '{"settings": {"version": 2}}'],
      ['broken.json', exported.text.slice(0, 200)],
      ['hostile.json', JSON.stringify({ ...first, articles: [{ ...first.articles[0], url: 'javascript:alert(1)' }] })],
    ] as const) {
      await importLibraryFile(library, name, text);
      await library.waitForSelector('#status.error');
      expect(await library.$eval('#status', (element) => element.textContent ?? '')).toMatch(/Nothing was changed\.$/);
      expect(await titles()).toEqual(['U.S. Shelves Sanctions Against Chinese Spy Agency to Protect Fragile Trade Truce']);
      await library.$eval('#status', (element) => element.classList.remove('error'));
    }

    await importLibraryFile(library, exported.name, exported.text);
    await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 2, { polling: 'mutation' });
    expect(await library.$eval('#status', (element) => element.textContent ?? '')).toBe('Imported: 1 new articles, 1 updated.');
    const again = JSON.parse((await exportLibrary(library)).text) as { articles: unknown[]; names: unknown[] };
    expect(again.articles).toEqual(first.articles);
    expect(again.names).toEqual(expect.arrayContaining(first.names));
    expect((await entityQuotes(b.handle, 'salt-typhoon')).some((quote) => quote.url === harbourUrl)).toBe(true);
    await library.close();
  });

  async function readmeScreenshot(page: Page, name: string, size: { width: number; height: number }) {
    await page.setViewport(size);
    const file = await screenshot(page, `${name}-${b.name}`);
    if (b.name === 'chromium' && process.env.UPDATE_SCREENSHOTS === '1') {
      await mkdir(SCREENSHOTS, { recursive: true });
      await copyFile(file, path.join(SCREENSHOTS, `${name}-chromium.png`));
    }
  }
});

/**
 * The library lives in IndexedDB in the extension's origin, on disk: a browser restarted on the
 * same profile, with the extension at the same place (Chromium derives an unpacked extension's
 * id from its folder; Firefox is told one UUID and to keep a temporary add-on's data), finds it.
 */
describe.each(selectedBrowsers())('%s restarted', (name) => {
  it('keeps the library across a browser restart', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'backstory-profile-'));
    const extension = await mkdtemp(path.join(os.tmpdir(), 'backstory-persistent-ext-'));
    await cp(path.join(testHooksDist, name === 'chromium' ? 'chrome' : 'firefox'), extension, { recursive: true });
    const exportText = JSON.stringify({
      format: 'backstory-library',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      articles: [
        {
          id: 'saved-restart-1',
          url: 'https://harbour-ledger.example/tech/telecom-breach-inquiry',
          title: 'Telecom breach inquiry widens as carriers count the cost',
          siteName: 'The Harbour Ledger',
          author: null,
          published: null,
          lang: 'en',
          savedAt: 1_700_000_000_000,
          paragraphs: ['Investigators looking into the Salt Typhoon intrusions said the campaign reached further than first thought.'],
        },
      ],
    });
    const importDir = await mkdtemp(path.join(os.tmpdir(), 'backstory-import-'));
    await writeFile(path.join(importDir, 'library.json'), exportText);
    const open = async (origin: string, browser: Browser, pathname: string) => {
      const page = await browser.newPage();
      await page.goto(`${origin}/${pathname}`, { waitUntil: name === 'firefox' ? 'networkidle2' : 'load' });
      return page;
    };
    try {
      const first = await launchPersistent(name, profile, extension, CHROMIUM_ARGS);
      try {
        const library = await open(first.origin, first.browser, 'library/library.html');
        const input = await library.waitForSelector('#import-file');
        await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path.join(importDir, 'library.json'));
        await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 1, { polling: 'mutation' });
      } finally {
        await first.browser.close();
      }

      const second = await launchPersistent(name, profile, extension, CHROMIUM_ARGS);
      try {
        const library = await open(second.origin, second.browser, 'library/library.html');
        await library.waitForSelector('#articles:not([aria-busy])');
        expect(await library.$$eval('#articles .article-title', (items) => items.map((item) => item.textContent))).toEqual([
          'Telecom breach inquiry widens as carriers count the cost',
        ]);
        const answer = (await library.evaluate(async () => {
          const global = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
          return (global.browser ?? global.chrome)!.runtime.sendMessage({ type: 'get-entity', id: 'salt-typhoon' });
        })) as { ok: boolean; value: { quotes: Array<{ articleId: string }> } };
        expect(answer.value.quotes[0]?.articleId).toBe('saved-restart-1');
      } finally {
        await second.browser.close();
      }
    } finally {
      await Promise.all([profile, extension, importDir].map((dir) => rm(dir, { recursive: true, force: true })));
    }
  });
});

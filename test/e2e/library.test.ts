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
import type { Page } from 'puppeteer-core';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/build';
import {
  clearLibrary,
  clickAndReadStatus,
  entityQuotes,
  fixture,
  framedCnewsPage,
  launchPersistent,
  openPopupFor,
} from './library-helpers';

const testHooksDist = path.join(os.tmpdir(), `backstory-e2e-library-${process.pid}`);
await buildExtension({ testHooks: true, outDir: testHooksDist });
const previousDist = process.env.BACKSTORY_DIST_DIR;
process.env.BACKSTORY_DIST_DIR = testHooksDist;
const { CHROMIUM_ARGS, describeBrowsers, screenshot, waitForCard, pageLog } = await import('./harness');
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
    expect(status).toMatch(/^Saved: in your library\. “U\.S\. Shelves Sanctions Against Chinese Spy Agency to Protect Fragile Trade Truce”, \d+ names found\.$/);
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

  it('the card for a name the saved article mentions quotes it, with its site and a link to the original', async () => {
    const { popup } = await saveFramedArticle(b.page);
    await popup.close();
    const story = await b.handle.newPage();
    await story.goto(b.server.url('/demo/article.html'));
    const storyPopup = await openPopupFor(b.handle, story);
    const button = await storyPopup.waitForSelector('#entity-list .entity[data-entity-id="mss"]');
    await button!.click();
    await story.bringToFront();
    const card = await waitForCard(story, 'Ministry of State Security (MSS)');
    expect(card.text).toContain('Read in CNews Live');
    expect(card.text).toContain('Original page');
    await storyPopup.close();
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
});

/**
 * Names found in your library, in Chromium and Firefox ESR: saving an article offers the names in
 * it; a kept name is highlighted on another page like any entity, and its card quotes the saved
 * article; a dismissed name goes and is never offered again; deleting a kept name takes its
 * highlights off open tabs at once; a library file brings its kept names with it; an update builds
 * the stored catalog again from them.
 */
import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/build';
import { buildReaderCatalog } from '../../src/shared/catalog/reader-catalog';
import { clearLibrary, clickAndReadStatus, entityQuotes, exportLibrary, framedCnewsPage, importLibraryFile, inExtensionPage, openPopupFor } from './library-helpers';

const testHooksDist = path.join(os.tmpdir(), `backstory-e2e-names-${process.pid}`);
await buildExtension({ testHooks: true, outDir: testHooksDist });
const previousDist = process.env.BACKSTORY_DIST_DIR;
process.env.BACKSTORY_DIST_DIR = testHooksDist;
const { describeBrowsers, isolatedWorld, marks } = await import('./harness');
if (previousDist === undefined) delete process.env.BACKSTORY_DIST_DIR;
else process.env.BACKSTORY_DIST_DIR = previousDist;

afterAll(() => rm(testHooksDist, { recursive: true, force: true }));

/** Polls on a timer: animation frames stop in a tab behind another, and the library page often is. */
const EVERY_100_MS = { polling: 100 } as const;

/** Offered in CNews Live's article (discovery on its text): a city to keep, another to dismiss. */
const KEEP = { id: 'name-beijing', name: 'Beijing' };
const DISMISS = { id: 'name-washington', name: 'Washington' };

describeBrowsers((b) => {
  /** Puts `catalog` in storage.local as the reader's catalog; null removes it. */
  async function storeReaderCatalog(catalog: unknown): Promise<void> {
    await inExtensionPage(
      b.handle,
      async (stored) => {
        type Api = { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };
        const global = globalThis as unknown as { browser?: Api; chrome?: Api };
        const local = (global.browser ?? global.chrome)!.storage.local;
        await (stored === null ? local.remove('readerCatalog') : local.set({ readerCatalog: stored }));
      },
      catalog,
    );
  }

  /** No library and no kept names (those live in storage.local), as on a fresh profile. */
  async function startAfresh(): Promise<void> {
    await clearLibrary(b.handle);
    await storeReaderCatalog(null);
  }

  beforeEach(startAfresh);

  async function saveArticle(): Promise<string> {
    const pathname = '/news/cnews-names.html';
    const url = b.server.url(pathname);
    b.server.page(framedCnewsPage(url).html, pathname);
    await b.page.goto(url);
    const popup = await openPopupFor(b.handle, b.page);
    const status = await clickAndReadStatus(popup, '#save-page');
    await popup.close();
    return status;
  }

  async function openLibrary(): Promise<Page> {
    const library = await b.handle.openExtensionPage('library/library.html');
    await library.waitForSelector('#articles:not([aria-busy])');
    return library;
  }

  const listedAsKept = (library: Page, id: string) =>
    library.waitForFunction((name: string) => document.querySelector(`#kept-names [data-name-id="${name}"]`) !== null, EVERY_100_MS, id);

  async function keep(library: Page, name: { id: string; name: string }): Promise<void> {
    await click(library, `Keep ${name.name}`);
    await listedAsKept(library, name.id);
  }

  /** Saves the article and keeps KEEP; returns the library page, still open. */
  async function saveAndKeep(): Promise<Page> {
    await saveArticle();
    const library = await openLibrary();
    await keep(library, KEEP);
    return library;
  }

  /** A page that names the kept city once, opened in a new tab. */
  async function openElsewhere(): Promise<Page> {
    const other = await b.handle.newPage();
    await other.goto(b.server.page('<!doctype html><title>Elsewhere</title><p>Officials in Beijing said nothing about the visit.</p>', '/elsewhere.html'));
    return other;
  }

  const highlighted = (page: Page, id: string) =>
    isolatedWorld(page).waitForFunction((entity: string) => (CSS.highlights.get(`backstory-entity-${entity}`)?.size ?? 0) > 0, { polling: 100 }, id);

  /** Button texts in a list of the library page. */
  const buttons = (library: Page, list: string) =>
    library.$$eval(`${list} button`, (found) => found.map((button) => button.textContent ?? ''));

  async function click(library: Page, text: string): Promise<void> {
    await library.waitForFunction((wanted: string) => [...document.querySelectorAll('button')].some((button) => button.textContent === wanted), EVERY_100_MS, text);
    await library.evaluate((wanted: string) => [...document.querySelectorAll('button')].find((button) => button.textContent === wanted)!.click(), text);
  }

  it('offers the names a saved article holds, keeps one to highlight everywhere with quotes, dismisses one for good', async () => {
    const status = await saveArticle();
    expect(status).toContain('in your library');
    expect(status).toContain(KEEP.name);

    const library = await openLibrary();
    const offered = await buttons(library, '#names');
    expect(offered).toEqual(expect.arrayContaining([`Keep ${KEEP.name}`, `Dismiss ${KEEP.name}`, `Keep ${DISMISS.name}`, `Dismiss ${DISMISS.name}`]));

    // Another page, open before the name is kept, names it: it is highlighted there live.
    const other = await openElsewhere();
    await library.bringToFront();
    await keep(library, KEEP);
    await highlighted(other, KEEP.id);
    expect((await marks(other)).filter((mark) => mark.entity === KEEP.id).map((mark) => mark.text)).toEqual(['Beijing']);
    const quotes = await entityQuotes(b.handle, KEEP.id);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]).toMatchObject({ publisher: 'CNews Live' });
    expect(quotes[0]!.text).toContain('Beijing');

    await library.bringToFront();
    await click(library, `Dismiss ${DISMISS.name}`);
    await library.waitForFunction(
      (text: string) => ![...document.querySelectorAll('#names button')].some((button) => button.textContent === text),
      EVERY_100_MS,
      `Keep ${DISMISS.name}`,
    );

    // Saved again (an update), the article offers neither the dismissed name nor the kept one.
    const popup = await openPopupFor(b.handle, b.page);
    await clickAndReadStatus(popup, '#save-page');
    const again = await clickAndReadStatus(popup, '#update-page');
    expect(again).toMatch(/^Updated: in your library/);
    expect(again).not.toContain(DISMISS.name);
    await popup.close();
    await library.reload({ waitUntil: b.name === 'firefox' ? 'networkidle2' : 'load' });
    await library.waitForSelector('#articles:not([aria-busy])');
    const after = await buttons(library, '#names');
    expect(after).not.toContain(`Keep ${DISMISS.name}`);
    expect(after).not.toContain(`Keep ${KEEP.name}`);

    // Deleting the kept name takes its highlights off the open tab at once.
    await click(library, `Delete ${KEEP.name}`);
    await isolatedWorld(other).waitForFunction((id: string) => (CSS.highlights.get(`backstory-entity-${id}`)?.size ?? 0) === 0, { polling: 100 }, KEEP.id);
    await other.close();
    await library.close();
  });

  it('a library file brings its kept names: imported on a fresh profile, they are highlighted on open pages and quoted on cards', async () => {
    let library = await saveAndKeep();
    const exported = await exportLibrary(library);
    await library.close();

    await startAfresh();
    const other = await openElsewhere();
    library = await openLibrary();
    await importLibraryFile(library, exported.name, exported.text);
    await listedAsKept(library, KEEP.id);
    await highlighted(other, KEEP.id);
    expect((await marks(other)).filter((mark) => mark.entity === KEEP.id).map((mark) => mark.text)).toEqual(['Beijing']);
    expect((await entityQuotes(b.handle, KEEP.id)).length).toBeGreaterThan(0);
    await other.close();
    await library.close();
  });

  it('after an update, the stored catalog is built again from the kept names', async () => {
    await (await saveAndKeep()).close();
    // What an older version left in storage: a catalog of its own, from before this name was kept.
    await storeReaderCatalog(buildReaderCatalog([]));

    // Installed again over itself, the extension is updated: runtime.onInstalled says "update".
    await b.handle.reinstallExtension();
    await expect
      .poll(async () => (await storedCatalogIds().catch((): string[] => [])).includes(KEEP.id), { timeout: 20_000, interval: 250 })
      .toBe(true);

    const other = await openElsewhere();
    await highlighted(other, KEEP.id);
    await other.close();
  });

  /** The entity ids of the reader's catalog in storage.local. */
  async function storedCatalogIds(): Promise<string[]> {
    return inExtensionPage(
      b.handle,
      async () => {
        type Api = { storage: { local: { get(key: string): Promise<Record<string, { entries?: Array<{ id: string }> } | undefined>> } } };
        const global = globalThis as unknown as { browser?: Api; chrome?: Api };
        const stored = await (global.browser ?? global.chrome)!.storage.local.get('readerCatalog');
        return (stored.readerCatalog?.entries ?? []).map((entry) => entry.id);
      },
      null,
    );
  }
});

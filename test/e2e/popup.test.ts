/**
 * The user is in charge, in Chromium and Firefox ESR: the popup's switches take every highlight
 * off an open tab (restoring its DOM node for node) and put them back, per site too; its list
 * matches the page and reveals a mention's card; the toolbar badge counts the entities; a
 * category switched off in the options disappears live; corrupted storage is survived.
 *
 * The popup is opened as a tab and told its target with `?tab=<id>`, a hook only test builds
 * have, so this file builds its own copy of the extension with test hooks and loads that.
 */
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/build';
import { CATALOG } from '../../src/shared/catalog/entities';

const testHooksDist = path.join(os.tmpdir(), `backstory-e2e-test-hooks-${process.pid}`);
await buildExtension({ testHooks: true, outDir: testHooksDist });
const previousDist = process.env.BACKSTORY_DIST_DIR;
process.env.BACKSTORY_DIST_DIR = testHooksDist;
const { ENTITY_HIGHLIGHT_PREFIX, PIECE_COUNT, countByEntity, describeBrowsers, domSnapshot, marks, pieceCount, screenshot, waitForCard, waitForMarks } = await import('./harness');
if (previousDist === undefined) delete process.env.BACKSTORY_DIST_DIR;
else process.env.BACKSTORY_DIST_DIR = previousDist;

afterAll(() => rm(testHooksDist, { recursive: true, force: true }));

const ARTICLE = '/demo/article.html';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * Photographs an extension page at the size the browser gives it, for the README; with
 * UPDATE_SCREENSHOTS=1 the Chromium shot replaces the committed one in docs/screenshots/.
 */
async function readmeScreenshot(page: Page, browserName: string, name: string, size: { width: number; height: number }) {
  await page.setViewport(size);
  const file = await screenshot(page, `${name}-${browserName}`);
  if (browserName === 'chromium' && process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(file, path.join(SCREENSHOTS, `${name}-chromium.png`));
  }
}
const PERSON_IDS = new Set(CATALOG.filter((entry) => entry.category === 'person').map((entry) => entry.id));

/** The extension API inside an extension page (Firefox: browser, Chromium: chrome; both promise-based in MV3). */
interface ExtensionGlobal {
  browser?: ExtensionApi;
  chrome?: ExtensionApi;
}
interface ExtensionApi {
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: { sync: StorageArea; local: StorageArea; onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}
interface StorageArea {
  set(items: object): Promise<void>;
  clear(): Promise<void>;
}

describeBrowsers((b) => {
  /** An extension page to call extension APIs from (the options page: it needs no tab). */
  async function extensionPage(): Promise<Page> {
    return b.handle.openExtensionPage('options/options.html');
  }

  async function setStorage(items: { sync?: object; local?: object; clear?: boolean }) {
    const page = await extensionPage();
    await page.evaluate(async (wanted) => {
      const global = globalThis as unknown as ExtensionGlobal;
      const api = (global.browser ?? global.chrome)!;
      if (wanted.clear) await Promise.all([api.storage.sync.clear(), api.storage.local.clear()]);
      if (wanted.sync) await api.storage.sync.set(wanted.sync);
      if (wanted.local) await api.storage.local.set(wanted.local);
    }, items);
    await page.close();
  }

  /**
   * The browser's id for the tab `target` shows. Firefox shares the addresses of pages the content
   * script runs on, so the tab is found by address; Chromium keeps them from extension pages
   * without activeTab, so there the tab is brought to the front and asked for as the active one.
   */
  async function tabIdOf(target: Page): Promise<number> {
    if (b.name === 'chromium') {
      await target.bringToFront();
      const worker = await b.handle.backgroundWorker();
      if (!worker) throw new Error('no service worker');
      const [active] = await worker.evaluate(async () => {
        const global = globalThis as unknown as ExtensionGlobal;
        return global.chrome!.tabs.query({ active: true, lastFocusedWindow: true });
      });
      if (active?.id === undefined) throw new Error('no active tab');
      return active.id;
    }
    const url = await target.evaluate(() => location.href);
    const page = await extensionPage();
    const ids = await page.evaluate(async (wanted) => {
      const global = globalThis as unknown as ExtensionGlobal;
      const api = (global.browser ?? global.chrome)!;
      const tabs = await api.tabs.query({});
      return tabs.filter((tab) => tab.url === wanted).map((tab) => tab.id);
    }, url);
    await page.close();
    const [id] = ids;
    if (ids.length !== 1 || id === undefined) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
    return id;
  }

  /** Opens the popup (as a tab) for the tab showing `target`, once both its switches are live. */
  async function openPopup(target: Page): Promise<Page> {
    const tabId = await tabIdOf(target);
    const popup = await b.handle.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    // The site switch comes alive only once the page has told the popup its hostname.
    await popup.waitForSelector('#switch-all:not([disabled])');
    await popup.waitForSelector('#switch-site:not([disabled])');
    return popup;
  }

  const markCount = pieceCount;

  /**
   * Checks on an interval: the default (animation frames) never fires in a tab behind the popup,
   * and painting highlights changes no DOM a mutation poll could wait for.
   */
  const ON_INTERVAL = { polling: 50 } as const;

  /** Like the harness's waitForMarks, for a page that sits behind the popup. */
  async function waitForSomeMarks(page: Page): Promise<void> {
    await page.waitForFunction(`${PIECE_COUNT} > 0`, ON_INTERVAL);
  }

  async function waitForNoMarks(page: Page): Promise<void> {
    await page.waitForFunction(`${PIECE_COUNT} === 0`, ON_INTERVAL);
  }

  async function openArticle(page: Page, origin?: string): Promise<void> {
    await page.goto(origin ? `${origin}${ARTICLE}` : b.server.url(ARTICLE));
  }

  beforeEach(async () => {
    await setStorage({ clear: true });
  });

  it('the global switch takes every highlight off an open tab, restores its DOM node for node, and brings them back', async () => {
    await setStorage({ sync: { settings: { version: 2, enabled: false } } });
    await openArticle(b.page);
    await b.page.waitForFunction(() => document.readyState === 'complete');
    const pristine = await domSnapshot(b.page);
    expect(await markCount(b.page)).toBe(0);

    const popup = await openPopup(b.page);
    expect(await popup.$eval('#switch-all', (input) => (input as HTMLInputElement).checked)).toBe(false);
    const label = await popup.$eval('label[for="switch-all"]', (element) => element.textContent);
    expect(label).toBe('Highlight on all sites');

    await popup.click('#switch-all');
    await waitForSomeMarks(b.page);
    await popup.click('#switch-all');
    await waitForNoMarks(b.page);
    expect(await domSnapshot(b.page)).toEqual(pristine);

    await popup.click('#switch-all');
    await waitForSomeMarks(b.page);
    await popup.close();
  });

  // Accessibility snapshots need CDP, which Firefox does not offer.
  it.runIf(b.name === 'chromium')('exposes both switches to assistive technology by their exact names', async () => {
    await openArticle(b.page);
    const popup = await openPopup(b.page);
    const tree = await popup.accessibility.snapshot({ interestingOnly: true });
    const switches: Array<{ name: string; checked: unknown }> = [];
    const visit = (node: typeof tree) => {
      if (!node) return;
      if (node.role === 'switch') switches.push({ name: node.name ?? '', checked: node.checked });
      node.children?.forEach(visit);
    };
    visit(tree);
    expect(switches).toEqual([
      { name: 'Highlight on all sites', checked: true },
      { name: 'Highlight on this site', checked: true },
    ]);
    await popup.close();
  });

  it('the site switch affects only that site', async () => {
    const other = await b.handle.newPage();
    const localhostOrigin = b.server.origin.replace('127.0.0.1', 'localhost');
    await openArticle(b.page);
    await openArticle(other, localhostOrigin);
    await waitForSomeMarks(b.page);
    await waitForSomeMarks(other);

    const popup = await openPopup(b.page);
    expect(await popup.$eval('label[for="switch-site"]', (element) => element.textContent)).toBe('Highlight on this site');
    await popup.click('#switch-site');
    await waitForNoMarks(b.page);
    expect(await markCount(other)).toBeGreaterThan(0);
    expect(await popup.$eval('#status', (element) => element.textContent)).toBe('Highlighting is off on this site.');

    await popup.click('#switch-site');
    await waitForSomeMarks(b.page);
    await popup.close();
    await other.close();
  });

  it('lists the entities the page highlights, and a click opens the first mention’s card', async () => {
    await openArticle(b.page);
    const found = await waitForMarks(b.page);
    const ids = [...countByEntity(found).keys()].sort();

    const popup = await openPopup(b.page);
    await popup.waitForFunction(
      (expected: string[]) => {
        const listed = Array.from(document.querySelectorAll<HTMLElement>('#entity-list .entity'), (button) => button.dataset.entityId ?? '');
        return JSON.stringify(listed.sort()) === JSON.stringify(expected);
      },
      ON_INTERVAL,
      ids,
    );
    await readmeScreenshot(popup, b.name, 'popup', { width: 360, height: 600 });
    const first = await popup.$eval('#entity-list .entity', (button) => ({
      id: (button as HTMLElement).dataset.entityId ?? '',
      name: button.querySelector('.name')?.textContent ?? '',
    }));
    await popup.click(`#entity-list .entity[data-entity-id="${first.id}"]`);
    await b.page.bringToFront();
    const card = await waitForCard(b.page, first.name);
    expect(card.role).toBe('dialog');
    await popup.close();
  });

  it('follows the page when it changes address without reloading (a single-page app), on or off', async () => {
    await openArticle(b.page);
    const ids = [...countByEntity(await waitForMarks(b.page)).keys()].sort();
    const popup = await openPopup(b.page);
    const listed = () => popup.$$eval('#entity-list .entity', (buttons) => buttons.map((button) => (button as HTMLElement).dataset.entityId ?? '').sort());
    const status = () => popup.$eval('#status', (element) => element.textContent);
    await expect.poll(listed).toEqual(ids);
    // Counts the page's reports as the popup sees them arrive (through the background's storage).
    await popup.evaluate(() => {
      const global = globalThis as unknown as ExtensionGlobal & { reports: number };
      global.reports = 0;
      (global.browser ?? global.chrome)!.storage.onChanged.addListener((changes) => {
        if (Object.entries(changes).some(([key, change]) => key.startsWith('page-report:') && change.newValue !== undefined)) global.reports += 1;
      });
    });
    const reportAfter = async (navigate: () => Promise<unknown>) => {
      await popup.evaluate(() => void ((globalThis as unknown as { reports: number }).reports = 0));
      await navigate();
      await popup.waitForFunction(() => (globalThis as unknown as { reports: number }).reports > 0, ON_INTERVAL);
    };

    // Chromium counts a same-document navigation as the tab loading, which forgets the tab's
    // report; the page reports again, and the popup lists its names again.
    await reportAfter(() => b.page.evaluate(() => history.pushState({}, '', `${location.pathname}?story=2`)));
    await expect.poll(listed).toEqual(ids);
    expect(await status()).toBe('');

    // Switched off here, the page still reports, so the popup says it is off rather than unreachable.
    await popup.click('#switch-site');
    await expect.poll(status).toBe('Highlighting is off on this site.');
    await reportAfter(() => b.page.evaluate(() => history.pushState({}, '', `${location.pathname}?story=3`)));
    await expect.poll(status).toBe('Highlighting is off on this site.');
    await popup.click('#switch-site');
    await popup.close();
  });

  // Firefox exposes no background target to evaluate in; its badge logic is the same code.
  it.runIf(b.name === 'chromium')('badges the toolbar button with the number of distinct entities', async () => {
    await openArticle(b.page);
    await waitForMarks(b.page);
    const tabId = await tabIdOf(b.page);
    const worker = await b.handle.backgroundWorker();
    if (!worker) throw new Error('no service worker');
    const readBadge = () =>
      worker.evaluate(async (id: number) => {
        const global = globalThis as unknown as ExtensionGlobal;
        return global.chrome!.action.getBadgeText({ tabId: id });
      }, tabId);
    // The page may still be highlighting: wait for its final report.
    await b.page.waitForFunction(() => document.readyState === 'complete');
    const distinct = () => marks(b.page).then((all) => String(countByEntity(all).size));
    await expect.poll(async () => (await readBadge()) === (await distinct())).toBe(true);
    expect(Number(await readBadge())).toBeGreaterThan(0);

    // Switched off, the tab shows no count.
    await setStorage({ sync: { settings: { version: 2, enabled: false } } });
    await waitForNoMarks(b.page);
    await expect.poll(readBadge).toBe('');
  });

  it('a category switched off in the options disappears live, from the page and the open popup', async () => {
    await openArticle(b.page);
    const before = await waitForMarks(b.page);
    expect(before.some((mark) => PERSON_IDS.has(mark.entity))).toBe(true);
    const popup = await openPopup(b.page);
    const listedIds = () =>
      popup.$$eval('#entity-list .entity', (buttons) => buttons.map((button) => (button as HTMLElement).dataset.entityId ?? ''));
    await popup.waitForSelector('#entity-list .entity');
    expect((await listedIds()).some((id) => PERSON_IDS.has(id))).toBe(true);

    const options = await extensionPage();
    await options.waitForSelector('#category-person:not([disabled])');
    await readmeScreenshot(options, b.name, 'options', { width: 800, height: 900 });
    await options.click('#category-person');
    await b.page.waitForFunction(
      (people: string[], prefix: string) => people.every((id) => (CSS.highlights.get(prefix + id)?.size ?? 0) === 0),
      ON_INTERVAL,
      [...PERSON_IDS],
      ENTITY_HIGHLIGHT_PREFIX,
    );
    const after = await marks(b.page);
    expect(after.length).toBeGreaterThan(0);
    // The page's report reaches the popup while it is open.
    await popup.waitForFunction(
      (people: string[]) =>
        Array.from(document.querySelectorAll<HTMLElement>('#entity-list .entity')).every((button) => !people.includes(button.dataset.entityId ?? '')),
      ON_INTERVAL,
      [...PERSON_IDS],
    );
    expect((await listedIds()).length).toBeGreaterThan(0);
    await options.close();
    await popup.close();
  });

  it('survives corrupted storage: highlights with the defaults and the popup works', async () => {
    await setStorage({ sync: { settings: '{{not settings' }, local: { settings: [1, 2, 3] } });
    await openArticle(b.page);
    expect((await waitForMarks(b.page)).length).toBeGreaterThan(0);
    const popup = await openPopup(b.page);
    expect(await popup.$eval('#switch-all', (input) => (input as HTMLInputElement).checked)).toBe(true);
    await popup.click('#switch-all');
    await waitForNoMarks(b.page);
    await popup.close();
  });
});

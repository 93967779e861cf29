/**
 * Painted-highlight helpers shared by the hostile-page tests (hostile-pages, painted-pages,
 * painted-interaction): ranges and adopted rules inside open shadow roots, the keyboard commands,
 * and hostileVisits(), the routine of opening a fixture snapshotted at load, watching every world
 * for errors, opening the card by hover and checking exact undo while on and after off.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { isolatedWorld, pageLog, type BrowserHandle } from './harness';
import {
  cardBox,
  compareWithLoadSnapshot,
  hoverMark,
  loadSnapshot,
  ourHighlightNames,
  setEnabled,
  snapshotAtLoad,
  startHostileServer,
  waitForCardNamed,
  waitForNoMarks,
  waitForSettledMarks,
  watchAllWorlds,
  type HostileServer,
  type WorldErrors,
} from './hostile-pages-helpers';

/** Our painted pieces inside the open shadow root of the element `hostSelector` names, in order. */
export function shadowMarks(page: Page, hostSelector: string): Promise<Array<{ entity: string; text: string }>> {
  return isolatedWorld(page).evaluate((selector: string) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    if (!root || !registry) return [];
    const found: Array<{ entity: string; range: Range }> = [];
    registry.forEach((highlight, name) => {
      if (!name.startsWith('backstory-entity-')) return;
      highlight.forEach((range) => {
        if (!range.collapsed && range.startContainer.getRootNode() === root) found.push({ entity: name.slice('backstory-entity-'.length), range });
      });
    });
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ entity, range }) => ({ entity, text: range.toString() }));
  }, hostSelector);
}

/**
 * Rules of ours adopted into the open shadow root of `hostSelector`: the `::highlight(backstory-…)`
 * selectors of its adopted sheets (empty when nothing of ours is adopted there).
 */
export function adoptedHighlightRules(page: Page, hostSelector: string): Promise<string[]> {
  return isolatedWorld(page).evaluate((selector: string) => {
    const root = document.querySelector(selector)?.shadowRoot;
    if (!root) return [];
    const found: string[] = [];
    const collect = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule && rule.selectorText.includes('::highlight(backstory-')) found.push(rule.selectorText);
        else if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of root.adoptedStyleSheets) collect(sheet.cssRules);
    return found;
  }, hostSelector);
}

/** Moves the mouse onto the first painted piece of `entity` inside the open shadow root of `hostSelector`. */
export async function hoverShadowMark(page: Page, hostSelector: string, entity: string): Promise<void> {
  const point = await isolatedWorld(page).evaluate(
    (selector: string, id: string) => {
      const root = document.querySelector(selector)?.shadowRoot;
      const highlight = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights?.get(`backstory-entity-${id}`);
      if (!root || !highlight) return null;
      // forEach, not for…of: Firefox's sandbox (puppeteer's isolated world) cannot iterate a page
      // object through its Xray wrapper ("Xray wrapping of iterators not supported").
      let point: { x: number; y: number } | null = null;
      highlight.forEach((range) => {
        if (point || range.startContainer.getRootNode() !== root) return;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0];
        if (box) point = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      });
      return point as { x: number; y: number } | null;
    },
    hostSelector,
    entity,
  );
  if (!point) throw new Error(`no painted ${entity} in the shadow root of ${hostSelector}`);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** The extension API inside an extension page, for the keyboard commands. */
interface TabsGlobal {
  browser?: TabsApi;
  chrome?: TabsApi;
}
interface TabsApi {
  tabs: { query(query: object): Promise<Array<{ id?: number }>>; sendMessage(tabId: number, message: object): Promise<unknown> };
}

/**
 * Sends the next/previous mention command the way the background relays the keyboard shortcut
 * (to every tab: only the page under test has a content script to answer), then brings `page`
 * back to the front. Returns how many tabs answered.
 */
export async function sendCommand(handle: BrowserHandle, page: Page, name: 'next-mention' | 'previous-mention'): Promise<number> {
  const extensionPage = await handle.openExtensionPage('options/options.html');
  try {
    return await extensionPage.evaluate(async (commandName) => {
      const global = globalThis as unknown as TabsGlobal;
      const api = (global.browser ?? global.chrome)!;
      const tabs = await api.tabs.query({});
      const sent = await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined
            ? false
            : api.tabs.sendMessage(tab.id, { type: 'command', name: commandName }).then(
                () => true,
                () => false,
              ),
        ),
      );
      return sent.filter(Boolean).length;
    }, name);
  } finally {
    await extensionPage.close();
    await page.bringToFront();
  }
}

/** The card's own font size (card.css): the page's fonts must not reach it. */
export const CARD_FONT_SIZE = '14px';

export interface HostileVisits {
  /** The fixture server, and a second origin for the cross-origin frame. */
  readonly server: HostileServer;
  readonly otherOrigin: HostileServer;
  /**
   * Opens a fixture with the extension on, snapshotted at DOMContentLoaded (before the content
   * script runs), and waits until at least `atLeast` pieces have settled (unless `settle` is false).
   */
  visit(file: string, atLeast: number, settle?: boolean): Promise<void>;
  /** No uncaught error anywhere, the content script's world included where the browser shows it. */
  expectNoErrors(pagesOwn?: RegExp): void;
  /**
   * While on, the page is node for node what it was at load (nothing of ours is in it); switched
   * off, no highlight of ours is left and the page is still node for node its own.
   */
  expectExactUndo(pagesOwnErrors?: RegExp): Promise<void>;
  /** Hovers the first piece of `entity`; the card must open, visible, in the viewport, in its own font. */
  expectCardOnHover(entity: string, name: string, within?: string | null): Promise<void>;
}

/**
 * Wires the hostile-page routine into one describeBrowsers body: a fixture server per browser,
 * error watching over every world (Chromium), exact undo.
 */
export function hostileVisits(b: { readonly name: string; readonly handle: BrowserHandle; readonly page: Page }): HostileVisits {
  let server: HostileServer | undefined;
  let otherOrigin: HostileServer | undefined;
  let worlds: WorldErrors | null = null;
  beforeAll(async () => {
    server = await startHostileServer();
    otherOrigin = await startHostileServer();
  });
  afterAll(async () => {
    await server?.close();
    await otherOrigin?.close();
  });
  afterEach(async () => {
    await worlds?.stop();
    worlds = null;
  });

  const expectNoErrors = (pagesOwn?: RegExp): void => {
    expect(pageLog(b.page).pageErrors.filter((error) => !pagesOwn?.test(error))).toEqual([]);
    if (worlds) {
      expect(worlds.exceptions).toEqual([]);
      expect(worlds.consoleProblems.filter((problem) => problem.startsWith('isolated'))).toEqual([]);
    }
  };

  return {
    get server() {
      if (!server) throw new Error('no hostile server yet');
      return server;
    },
    get otherOrigin() {
      if (!otherOrigin) throw new Error('no second origin yet');
      return otherOrigin;
    },
    async visit(file, atLeast, settle = true) {
      await setEnabled(b.handle, true);
      await b.page.bringToFront();
      if (b.name === 'chromium') worlds = await watchAllWorlds(b.page);
      await snapshotAtLoad(b.page);
      await b.page.goto(server!.url(file), { waitUntil: 'load' });
      const snapshot = await loadSnapshot(b.page);
      expect(snapshot.taken).toBe(true);
      expect(snapshot.marksAtSnapshot).toBe(0);
      if (settle) await waitForSettledMarks(b.page, atLeast);
    },
    expectNoErrors,
    async expectExactUndo(pagesOwnErrors) {
      // Painted, never written: while on, the page is already node for node its own.
      const whileOn = await compareWithLoadSnapshot(b.page);
      expect(whileOn.same, `while on, node ${whileOn.at} of ${whileOn.nodes}: was ${whileOn.was}, is ${whileOn.is}`).toBe(true);
      await setEnabled(b.handle, false);
      await b.page.bringToFront();
      await waitForNoMarks(b.page);
      expect(await ourHighlightNames(b.page)).toEqual([]);
      const comparison = await compareWithLoadSnapshot(b.page);
      expect(comparison.same, `node ${comparison.at} of ${comparison.nodes}: was ${comparison.was}, is ${comparison.is}`).toBe(true);
      expectNoErrors(pagesOwnErrors);
      if (worlds) {
        // The content script's world was there to be watched.
        expect(worlds.isolatedWorlds.length).toBeGreaterThan(0);
        await worlds.stop();
        worlds = null;
      }
    },
    async expectCardOnHover(entity, name, within = null) {
      await hoverMark(b.page, entity, within);
      await waitForCardNamed(b.page, name);
      const box = await cardBox(b.page);
      expect(box).not.toBeNull();
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.height).toBeGreaterThan(0);
      expect(box!.left).toBeGreaterThanOrEqual(0);
      expect(box!.top).toBeGreaterThanOrEqual(0);
      expect(box!.right).toBeLessThanOrEqual(box!.viewportWidth);
      expect(box!.bottom).toBeLessThanOrEqual(box!.viewportHeight);
      expect(box!.fontSize).toBe(CARD_FONT_SIZE);
      await b.page.mouse.move(0, 0);
    },
  };
}

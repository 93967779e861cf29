/**
 * Hostile pages (test/fixtures/hostile/) in Chromium and Firefox ESR with the extension loaded.
 * On every page: the page's own self-check holds (its script ran, its editor kept its text and
 * caret, its counter advanced, its own marks stayed…); nothing of ours lands where it must not;
 * no uncaught error, in the page or (Chromium, over CDP) in the content script's isolated world;
 * and switching off gives back the page node for node, compared with a snapshot taken at
 * DOMContentLoaded, before the content script ran.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOSTILE_BUSY_WATCH_MS, HOSTILE_SETTLE_POLL_MS, HOSTILE_SETTLE_TIMEOUT_MS } from '../../src/shared/constants';
import { describeBrowsers, pageLog, type MarkInfo } from './harness';
import {
  cardBox,
  compareWithLoadSnapshot,
  fixtureCheck,
  hoverMark,
  loadSnapshot,
  markCount,
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

/** The card's own font size (card.css): the page's fonts must not reach it. */
const CARD_FONT_SIZE = '14px';

function entities(found: readonly MarkInfo[]): string[] {
  return [...new Set(found.map((mark) => mark.entity))].sort();
}

/**
 * Our marks in document order. Unlike the harness's marks(), it never calls Array methods on the
 * page's side, which the built-ins page has replaced with traps.
 */
function marks(page: Page): Promise<MarkInfo[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('mark[data-entity]'), (mark) => ({
      entity: mark.dataset.entity ?? '',
      text: mark.textContent ?? '',
    })),
  );
}

interface ShadowMark {
  entity: string;
  text: string;
  /** Computed background colour: the look must reach into the shadow tree. */
  background: string;
}

/** Our marks inside the open shadow root of the element `hostSelector` names. */
function shadowMarks(page: Page, hostSelector: string): Promise<ShadowMark[]> {
  return page.evaluate((selector: string) => {
    const root = document.querySelector(selector)?.shadowRoot;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>('mark[data-entity]'), (mark) => ({
      entity: mark.dataset.entity ?? '',
      text: mark.textContent ?? '',
      background: getComputedStyle(mark).backgroundColor,
    }));
  }, hostSelector);
}

async function waitForShadowMarks(page: Page, hostSelector: string, atLeast: number): Promise<ShadowMark[]> {
  const deadline = Date.now() + HOSTILE_SETTLE_TIMEOUT_MS;
  for (;;) {
    const found = await shadowMarks(page, hostSelector);
    if (found.length >= atLeast) return found;
    if (Date.now() > deadline) throw new Error(`${found.length} marks in the shadow root of ${hostSelector}, expected ${atLeast}`);
    await pause(HOSTILE_SETTLE_POLL_MS);
  }
}

/** Rests the mouse on the first mark of `entity` inside the open shadow root of `hostSelector`. */
async function hoverShadowMark(page: Page, hostSelector: string, entity: string): Promise<void> {
  const point = await page.evaluate(
    (selector: string, id: string) => {
      const mark = document.querySelector(selector)?.shadowRoot?.querySelector(`mark[data-entity="${id}"]`);
      if (!mark) return null;
      mark.scrollIntoView({ block: 'center' });
      const box = mark.getClientRects()[0];
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    },
    hostSelector,
    entity,
  );
  if (!point) throw new Error(`no visible mark of ${entity} in ${hostSelector}`);
  await page.mouse.move(point.x, point.y);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describeBrowsers((b) => {
  let server: HostileServer;
  /** A second origin, for the cross-origin frame. */
  let otherOrigin: HostileServer;
  let worlds: WorldErrors | null = null;

  beforeAll(async () => {
    server = await startHostileServer();
    otherOrigin = await startHostileServer();
  });
  afterAll(async () => {
    await server?.close();
    await otherOrigin?.close();
  });

  /**
   * Opens a fixture with the extension on, snapshotted at DOMContentLoaded, and waits until at
   * least `atLeast` marks have settled. Returns the marks.
   */
  async function visit(file: string, atLeast: number, settle = true): Promise<MarkInfo[]> {
    await setEnabled(b.handle, true);
    await b.page.bringToFront();
    if (b.name === 'chromium') worlds = await watchAllWorlds(b.page);
    await snapshotAtLoad(b.page);
    await b.page.goto(server.url(file), { waitUntil: 'load' });
    const snapshot = await loadSnapshot(b.page);
    expect(snapshot.taken).toBe(true);
    expect(snapshot.marksAtSnapshot).toBe(0);
    if (settle) await waitForSettledMarks(b.page, atLeast);
    return marks(b.page);
  }

  /**
   * No uncaught error anywhere, the content script's world included where the browser shows it.
   * `pagesOwn` matches errors the page causes on purpose (Firefox reports a refused eval as one).
   */
  function expectNoErrors(pagesOwn?: RegExp): void {
    expect(pageLog(b.page).pageErrors.filter((error) => !pagesOwn?.test(error))).toEqual([]);
    if (worlds) {
      expect(worlds.exceptions).toEqual([]);
      expect(worlds.consoleProblems.filter((problem) => problem.startsWith('isolated'))).toEqual([]);
    }
  }

  /** Switches off; the page must be node for node what it was at load. (visit() switches on again.) */
  async function expectExactUndo(pagesOwnErrors?: RegExp): Promise<void> {
    if ((await markCount(b.page)) > 0) expect(await compareWithLoadSnapshot(b.page)).toMatchObject({ same: false });
    await setEnabled(b.handle, false);
    await b.page.bringToFront();
    await waitForNoMarks(b.page);
    const comparison = await compareWithLoadSnapshot(b.page);
    expect(comparison.same, `node ${comparison.at} of ${comparison.nodes}: was ${comparison.was}, is ${comparison.is}`).toBe(true);
    expectNoErrors(pagesOwnErrors);
    if (worlds) {
      // The content script's world was there to be watched.
      expect(worlds.isolatedWorlds.length).toBeGreaterThan(0);
      await worlds.stop();
      worlds = null;
    }
  }

  /** Hovers the first mark of `entity`; the card must open, visible, in the viewport, in its own font. */
  async function expectCardOnHover(entity: string, name: string): Promise<void> {
    await hoverMark(b.page, entity);
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
  }

  it('strict CSP (default-src self, no inline, no eval): highlights, the card opens and is styled, no violation of ours', async () => {
    const found = await visit('/csp.html', 4);
    expect(entities(found)).toEqual(expect.arrayContaining(['h200', 'mss', 'nvidia', 'salt-typhoon']));
    await expectCardOnHover('salt-typhoon', 'Salt Typhoon');
    type Violation = { directive: string; blocked: string; source: string };
    const check = await fixtureCheck<{ scriptRan: boolean; evalRefused: boolean; violations: Violation[] }>(b.page);
    // The policy is in force (eval refused), the page's own script ran, and the only violation
    // is the page's own eval probe: nothing of ours (an inline style, a script, a request) was
    // refused, in the page's events or in the reports the browser posted.
    expect(check.evalRefused).toBe(true);
    expect(check.scriptRan).toBe(true);
    const pageProbe = (blocked: string, source: string) => blocked === 'eval' && source.endsWith('/csp.js');
    expect(check.violations.filter((violation) => !pageProbe(violation.blocked, violation.source))).toEqual([]);
    expect(check.violations).toHaveLength(1);
    const reports = server.cspReports.map(
      (body) => (JSON.parse(body) as { 'csp-report': Record<string, string> })['csp-report'],
    );
    expect(reports.filter((report) => !pageProbe(report['blocked-uri'] ?? '', report['source-file'] ?? ''))).toEqual([]);
    expect(server.cspReports.join('\n')).not.toContain(b.handle.extensionOrigin);
    await expectExactUndo(/blocked a JavaScript eval/);
  });

  it('a 10,000-deep DOM: the name split at the bottom is found, the page keeps its depth', async () => {
    await visit('/deep.html', 4);
    const bottom = await b.page.evaluate(() =>
      Array.from(document.querySelectorAll('#bottom mark[data-entity]'), (mark) => `${mark.getAttribute('data-entity')}:${mark.textContent}`),
    );
    expect(bottom).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon', 'mss:Ministry of State Security']);
    // Placing the card walks the mark's ancestors (clipping, scrolling): 10,000 of them here.
    await expectCardOnHover('mss', 'Ministry of State Security (MSS)');
    await expectExactUndo();
    expect(await fixtureCheck(b.page)).toEqual({
      depth: 10_000,
      bottomText: 'At the bottom: Salt Typhoon and the Ministry of State Security.',
    });
  });

  it('200,000 text nodes: every name split across two of them is found, the nodes come back', async () => {
    // 40 paragraphs each split "Salt Ty|phoon" across two adjacent text nodes: two marks each.
    const found = await visit('/many-text-nodes.html', 80);
    expect(found).toHaveLength(80);
    expect(entities(found)).toEqual(['salt-typhoon']);
    await expectExactUndo();
    expect(await fixtureCheck(b.page)).toEqual({ textNodes: 200_000, paragraphs: 2_000 });
  });

  it("open and closed shadow roots: open ones highlighted and styled, the card opens there, closed ones untouched, the page's custom element works", async () => {
    const found = await visit('/shadow.html', 1);
    expect(found).toEqual([{ entity: 'salt-typhoon', text: 'Salt Typhoon' }]);
    const inOpenRoot = await waitForShadowMarks(b.page, '#open-host', 2);
    expect(inOpenRoot.map(({ entity, text }) => ({ entity, text }))).toEqual([
      { entity: 'nvidia', text: 'Nvidia' },
      { entity: 'h200', text: 'H200' },
    ]);
    // highlights.css does not reach into a shadow tree: the marks carry the look themselves.
    for (const mark of inOpenRoot) expect(mark.background).toBe('rgba(255, 196, 0, 0.24)');
    // The custom element's open root is read too (the name in its label).
    expect(await waitForShadowMarks(b.page, '#counter', 1)).toMatchObject([{ entity: 'salt-typhoon', text: 'Salt Typhoon' }]);

    // Hover reaches the document retargeted to the host; the card still finds the mark.
    await hoverShadowMark(b.page, '#open-host', 'nvidia');
    await waitForCardNamed(b.page, 'Nvidia');
    await b.page.mouse.move(0, 0);

    const check = await fixtureCheck<Record<string, unknown>>(b.page);
    expect(check).toEqual({
      openText: 'In an open shadow root: Nvidia and the H200.',
      // "In an open shadow root: ", Nvidia, " and the ", H200, "."
      openChildren: 5,
      closedText: "In a closed shadow root: China's Ministry of State Security.",
      closedChildren: 1,
      counterAdvanced: true,
    });
    await expectExactUndo();
    expect(await shadowMarks(b.page, '#open-host')).toEqual([]);
    expect(await fixtureCheck(b.page)).toMatchObject({ openChildren: 1, closedChildren: 1, counterAdvanced: true });
  });

  it('same-origin and cross-origin iframes: the top page is highlighted, the frames are left alone (all_frames is false)', async () => {
    const found = await visit(`/frames.html?cross=${encodeURIComponent(otherOrigin.origin)}`, 2);
    expect(entities(found)).toEqual(['nvidia', 'salt-typhoon']);

    const frameNamed = (file: string): Frame => {
      const frame = b.page.frames().find((candidate) => candidate.url().endsWith(file));
      if (!frame) throw new Error(`no frame ${file}`);
      return frame;
    };
    const inFrame = (frame: Frame) =>
      frame.evaluate(() => ({ marks: document.querySelectorAll('mark').length, text: document.querySelector('p')?.textContent }));
    expect(await inFrame(frameNamed('/frame-same.html'))).toEqual({
      marks: 0,
      text: 'Inside a same-origin frame: Salt Typhoon and the Ministry of State Security.',
    });
    const cross = frameNamed('/frame-cross.html');
    expect(new URL(cross.url()).origin).toBe(otherOrigin.origin);
    expect(await inFrame(cross)).toEqual({ marks: 0, text: "Inside a cross-origin frame: Salt Typhoon and Nvidia's H200." });
    const check = await fixtureCheck<{ sameMarks: number; crossReported: string[] }>(b.page);
    expect(check.sameMarks).toBe(0);
    expect(check.crossReported).toEqual(['cross-frame loaded, marks: 0']);
    await expectExactUndo();
  });

  it('editors: the caret inside "Salt Ty|phoon" stays put, typing lands there, nothing in an editor is marked', async () => {
    const found = await visit('/editor.html', 4);
    // Only the paragraphs around the editors.
    expect(found.map((mark) => mark.text)).toEqual(['Salt Typhoon', 'Ministry of State Security', 'Nvidia', 'H200']);
    const check = await fixtureCheck<Record<string, unknown>>(b.page);
    expect(check).toMatchObject({ caretInPlace: true, editorFocused: true, marksInEditors: 0 });
    await b.page.keyboard.type('X');
    expect(await fixtureCheck(b.page)).toMatchObject({
      plainText: 'Salt TyXphoon is being written about here.',
      marksInEditors: 0,
    });
    await expectExactUndo();
  });

  it('inputs, textareas, selects and buttons: values and behaviour unchanged, nothing inside marked', async () => {
    const found = await visit('/forms.html', 3);
    expect(found.map((mark) => `${mark.entity}:${mark.text}`)).toEqual([
      'salt-typhoon:Salt Typhoon', // the label's text, outside the input
      'nvidia:Nvidia',
      'h200:H200',
    ]);
    await b.page.click('#go');
    await b.page.click('#search');
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' hack');
    expect(await fixtureCheck(b.page)).toEqual({
      search: 'Salt Typhoon hack',
      notes: 'Notes on the Ministry of State Security and Nvidia.',
      pick: 'H200',
      button: 'Ask about Salt Typhoon',
      clicks: 1,
      marksInForm: 0,
    });
    await expectExactUndo();
  });

  it("the page's own <mark>s: never nested in ours or ours in them, all still there", async () => {
    const pristine = { pageMarks: 6, stillInPlace: true, ourMarksInsidePageMarks: 0, pageMarksInsideOurs: 0 };
    const found = await visit('/page-marks.html', 4);
    expect(found.map((mark) => `${mark.entity}:${mark.text}`)).toEqual([
      'nvidia:Nvidia',
      'h200:H200',
      'salt-typhoon:Salt Typhoon',
      'nvidia:Nvidia',
    ]);
    expect(await fixtureCheck(b.page)).toMatchObject(pristine);
    await expectExactUndo();
    expect(await fixtureCheck(b.page)).toMatchObject({
      ...pristine,
      texts: ['Typhoon', 'Salt Typhoon', 'typhoon', 'Nvidia H200', 'H200', 'Ministry'],
    });
  });

  it('a page that rewrites itself every frame: at most one mark per name it writes, no feedback loop, its animation keeps running', async () => {
    await visit('/busy.html', 2, false);
    // A ticker mark lives only until the page's next write (a frame or two): check on every DOM
    // change, not once a frame, or the check can keep landing just after the page wiped it.
    await b.page.waitForFunction(() => document.querySelectorAll('#ticker mark[data-entity]').length > 0, { polling: 'mutation' });
    const start = await fixtureCheck<{ frames: number }>(b.page);
    await pause(HOSTILE_BUSY_WATCH_MS);
    const frames = await b.page.evaluate(() => (window as unknown as { stopBusy(): number }).stopBusy());
    await waitForSettledMarks(b.page, 1);
    type BusyCounts = { frames: number; tickerWrites: number; markInsertions: number; markInsertionsInClock: number };
    const stopped = await fixtureCheck<BusyCounts>(b.page);
    expect(frames).toBeGreaterThan(start.frames);
    expect(stopped.markInsertionsInClock).toBe(0);
    // Two standing names, one in the first ticker text, then at most one mark per name per
    // ticker write (two names each): anything more is us reacting to ourselves.
    expect(stopped.markInsertions).toBeLessThanOrEqual(2 + 1 + 2 * stopped.tickerWrites);
    // Once the page is still, so are we.
    await pause(HOSTILE_BUSY_WATCH_MS);
    expect((await fixtureCheck<BusyCounts>(b.page)).markInsertions).toBe(stopped.markInsertions);
    const ticker = await b.page.evaluate(() => Array.from(document.querySelectorAll('#ticker mark'), (mark) => mark.textContent));
    expect(ticker).toEqual(['Salt Typhoon', 'Nvidia']);

    await expectExactUndo();
    // The moving parts hold exactly what the page last wrote, as one text node each.
    const last = await b.page.evaluate(() =>
      Array.from(document.querySelectorAll('#clock, #ticker'), (element) => ({
        nodes: element.childNodes.length,
        text: element.textContent,
      })),
    );
    const lastTickerWrite = stopped.frames - (stopped.frames % 2);
    expect(last).toEqual([
      { nodes: 1, text: `Frame ${stopped.frames}` },
      { nodes: 1, text: `Update ${lastTickerWrite}: Salt Typhoon and Nvidia in the news.` },
    ]);
  });

  it('hostile global CSS (all: unset, mark/popover/host hidden, huge fonts): the card opens, visible, in the viewport, in its own font', async () => {
    await b.page.setViewport({ width: 1280, height: 800 });
    await visit('/hostile-css.html', 1);
    await expectCardOnHover('salt-typhoon', 'Salt Typhoon');
    expect(await fixtureCheck(b.page)).toEqual({
      bodyFontSize: '96px',
      storyText: 'The breach was the work of Salt Typhoon, officials said.',
    });
    await expectExactUndo();
  });

  it('a page that replaces built-ins with traps: the isolated content script never trips one; highlights, card and undo work', async () => {
    const found = await visit('/builtins.html', 4);
    expect(entities(found)).toEqual(['h200', 'mss', 'nvidia', 'salt-typhoon']);
    await expectCardOnHover('mss', 'Ministry of State Security (MSS)');
    await expectExactUndo();
    const check = await fixtureCheck<{ trapsIntact: boolean; trapCalls: Record<string, number>; ownParagraph: string }>(b.page);
    expect(check.trapsIntact).toBe(true);
    expect(check.ownParagraph).toBe('The page added this.');
    expect(Object.values(check.trapCalls).every((calls) => calls === 0)).toBe(true);
  });

  it('right-to-left Arabic and Hebrew mentioning names in English: exact names marked, card in the viewport', async () => {
    const found = await visit('/rtl.html', 8);
    expect(found.map((mark) => `${mark.entity}:${mark.text}`)).toEqual([
      'salt-typhoon:Salt Typhoon',
      'nvidia:Nvidia',
      'h200:H200',
      'salt-typhoon:Salt Typhoon',
      'nvidia:Nvidia',
      'h200:H200',
      'mss:Ministry of State Security',
      'salt-typhoon:Salt Typhoon',
    ]);
    await expectCardOnHover('nvidia', 'Nvidia');
    expect(await fixtureCheck(b.page)).toMatchObject({ direction: 'rtl' });
    await expectExactUndo();
  });

  it('quirks mode (no doctype, tables, <font>): names split across <b> and <font> are found, card and undo work', async () => {
    const found = await visit('/quirks.html', 6);
    expect(found.map((mark) => `${mark.entity}:${mark.text}`)).toEqual([
      'salt-typhoon:Salt',
      'salt-typhoon:Typhoon',
      'nvidia:Nvidia',
      'h200:H200',
      'mss:Ministry of State Security',
      'scott-bessent:Scott Bessent',
    ]);
    expect(await fixtureCheck(b.page)).toEqual({ compatMode: 'BackCompat', cells: 2 });
    await expectCardOnHover('nvidia', 'Nvidia');
    await expectExactUndo();
  });

  it('XHTML served as application/xhtml+xml: marks are XHTML elements, card and undo work', async () => {
    const found = await visit('/xhtml.xhtml', 5);
    expect(found.map((mark) => `${mark.entity}:${mark.text}`)).toEqual([
      'salt-typhoon:Salt ',
      'salt-typhoon:Typhoon',
      'nvidia:Nvidia',
      'h200:H200',
      'mss:Ministry of State Security',
    ]);
    const namespaces = await b.page.evaluate(() =>
      Array.from(document.querySelectorAll('mark[data-entity]'), (mark) => mark.namespaceURI),
    );
    expect(new Set(namespaces)).toEqual(new Set(['http://www.w3.org/1999/xhtml']));
    expect(await fixtureCheck(b.page)).toMatchObject({ contentType: 'application/xhtml+xml' });
    await expectCardOnHover('nvidia', 'Nvidia');
    await expectExactUndo();
  });

  it('one 10 MB text node: its names are marked, and it comes back as the same single node', async () => {
    const found = await visit('/long-text-node.html', 6);
    expect(found.map((mark) => mark.text)).toEqual(['Salt Typhoon', 'Nvidia', 'Ministry of State Security', 'Nvidia', 'H200', 'Scott Bessent']);
    await expectExactUndo();
    expect(await fixtureCheck<{ single: boolean; length: number }>(b.page)).toMatchObject({ single: true });
  }, 120_000);
});

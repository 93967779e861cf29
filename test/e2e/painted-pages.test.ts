/**
 * The hostile cases of issue #10 that wrapping names in <mark> elements broke, as fixtures in
 * test/fixtures/hostile/ with their own self-checks, in Chromium and Firefox ESR: a page writing
 * through node references it holds, a virtualised list recycling its rows, copying a paragraph,
 * structural CSS and @layer rules, an innerHTML round trip. Highlights are painted ranges, so
 * the page's DOM, layout and clipboard stay its own, and the highlights follow what it writes,
 * while on and after switching off.
 */
import { expect, it } from 'vitest';
import { describeBrowsers, isolatedWorld } from './harness';
import {
  fixtureCheck,
  ourHighlightNames,
  setEnabled,
  waitForNoMarks,
  waitForSettledMarks,
} from './hostile-pages-helpers';
import { hostileVisits } from './hostile-visits';

/** Ranges in our entity highlights, collapsed ones included (a dropped mention leaves none). */
function allRanges(page: Parameters<typeof isolatedWorld>[0]): Promise<{ total: number; collapsed: number }> {
  return isolatedWorld(page).evaluate(() => {
    let total = 0;
    let collapsed = 0;
    (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-entity-')) return;
      highlight.forEach((range) => {
        total++;
        if (range.collapsed) collapsed++;
      });
    });
    return { total, collapsed };
  });
}

/** What each recycled row's headline names (the fixture's five headlines, in turn). */
const HEADLINE_NAMES = [
  ['salt-typhoon:Salt Typhoon'],
  ['nvidia:Nvidia', 'h200:H200'],
  ['mss:Ministry of State Security'],
  ['scott-bessent:Scott Bessent'],
  [],
];
const ROWS = 30;
function listNames(offset: number): string[] {
  return Array.from({ length: ROWS }, (_, index) => HEADLINE_NAMES[(offset + index) % HEADLINE_NAMES.length]!).flat();
}

describeBrowsers((b) => {
  const h = hostileVisits(b);

  /** Switches off and waits until no highlight of ours is left. */
  async function switchOff(): Promise<void> {
    await setEnabled(b.handle, false);
    await b.page.bringToFront();
    await waitForNoMarks(b.page);
    expect(await ourHighlightNames(b.page)).toEqual([]);
  }

  it('a page writing through text nodes it holds: it shows exactly its new text, and the highlights follow, on and after off', async () => {
    await h.visit('/rewrite.html', 5);
    type Rewrite = { nodesInPlace: boolean; texts: Record<string, string>; painted: Record<string, string[]> };
    const asWritten = { first: 'as written', last: 'as written', split: 'as written' };
    expect(await fixtureCheck<Rewrite>(b.page)).toEqual({
      nodesInPlace: true,
      texts: asWritten,
      painted: {
        first: ['salt-typhoon:Salt Typhoon'],
        last: ['nvidia:Nvidia', 'h200:H200'],
        split: ['scott-bessent:Scott Bessent', 'nvidia:Nvidia'],
      },
    });
    await b.page.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
    await waitForSettledMarks(b.page, 4);
    expect(await fixtureCheck<Rewrite>(b.page)).toEqual({
      nodesInPlace: true,
      texts: asWritten,
      painted: {
        // The rewritten node names no one now; the new text names two.
        first: [],
        last: ['nvidia:Nvidia', 'mss:Ministry of State Security', 'salt-typhoon:Salt Typhoon'],
        split: ['nvidia:Nvidia'],
      },
    });
    // The mentions whose text went are dropped, not kept as empty ranges.
    expect(await allRanges(b.page)).toEqual({ total: 4, collapsed: 0 });
    h.expectNoErrors();

    await switchOff();
    expect(await fixtureCheck<Rewrite>(b.page)).toEqual({ nodesInPlace: true, texts: asWritten, painted: { first: [], last: [], split: [] } });
  });

  it('a virtualised list recycling 30 rows through firstChild/lastChild: no row corrupted, highlights follow, on and after off', async () => {
    await h.visit('/recycled-list.html', listNames(0).length);
    type Feed = { offset: number; rows: number; corrupted: string[]; painted: string[] };
    expect(await fixtureCheck<Feed>(b.page)).toEqual({ offset: 0, rows: ROWS, corrupted: [], painted: listNames(0) });
    for (const by of [1, 7, 121]) {
      const offset = await b.page.evaluate((step: number) => (window as unknown as { recycle(by: number): number }).recycle(step), by);
      await waitForSettledMarks(b.page, listNames(offset).length);
      expect(await fixtureCheck<Feed>(b.page)).toEqual({ offset, rows: ROWS, corrupted: [], painted: listNames(offset) });
    }
    h.expectNoErrors();

    await switchOff();
    const offset = await b.page.evaluate(() => (window as unknown as { recycle(by: number): number }).recycle(3));
    expect(await fixtureCheck<Feed>(b.page)).toEqual({ offset, rows: ROWS, corrupted: [], painted: [] });
  });

  it('copying a paragraph with painted names: text and HTML are what the page gives without the extension', async () => {
    await h.visit('/copy.html', 3);
    type Copy = { text: string; html: string };
    type Copies = { expected: Copy; copies: Copy[]; allAsExpected: boolean; ofOurs: number };
    expect(await b.page.evaluate(() => (window as unknown as { copyParagraph(): boolean }).copyParagraph())).toBe(true);
    const on = await fixtureCheck<Copies>(b.page);
    expect(on.copies).toHaveLength(1);
    expect(on.copies[0]).toEqual(on.expected);
    expect(on.expected.html).toBe('Investigators say <b>Salt Typhoon</b> reached several carriers, and Nvidia asked to sell the H200 abroad.');
    expect(on).toMatchObject({ allAsExpected: true, ofOurs: 0 });
    await h.expectExactUndo();
    expect(await b.page.evaluate(() => (window as unknown as { copyParagraph(): boolean }).copyParagraph())).toBe(true);
    const off = await fixtureCheck<Copies>(b.page);
    // The same copy, with the extension switched off, holds the very same text and HTML.
    expect(off.copies).toHaveLength(2);
    expect(off.copies[1]).toEqual(off.copies[0]);
    expect(off).toMatchObject({ allAsExpected: true, ofOurs: 0 });
  });

  it('structural CSS (a + a, :first-child, :only-child, :nth-child, :has(mark)) and an @layer rule on mark: every box as before, on and after off', async () => {
    await b.page.setViewport({ width: 1280, height: 800 });
    await h.visit('/structural-css.html', 12);
    type Layout = { elements: number; moved: string[]; matches: Record<string, number>; matchesAtLoad: Record<string, number>; painted: number };
    const on = await fixtureCheck<Layout>(b.page);
    expect(on.painted).toBeGreaterThanOrEqual(12);
    expect(on.moved).toEqual([]);
    expect(on.matches).toEqual(on.matchesAtLoad);
    // The page's own mark is the only one, and only its paragraph matches :has(mark).
    expect(on.matches).toMatchObject({ mark: 1, 'p:has(mark)': 1 });
    await h.expectExactUndo();
    const off = await fixtureCheck<Layout>(b.page);
    expect(off).toMatchObject({ moved: [], matches: on.matchesAtLoad, painted: 0 });
  });

  it('an innerHTML round trip after highlighting: no markup of ours, text identical, names painted again', async () => {
    await h.visit('/innerhtml.html', 4);
    type RoundTrip = { rounds: number; sameMarkup: boolean; sameText: boolean; markupOfOurs: boolean; painted: string[] };
    const names = ['salt-typhoon:Salt Typhoon', 'nvidia:Nvidia', 'h200:H200', 'mss:Ministry of State Security'];
    expect(await fixtureCheck<RoundTrip>(b.page)).toEqual({ rounds: 0, sameMarkup: true, sameText: true, markupOfOurs: false, painted: names });
    await b.page.evaluate(() => (window as unknown as { roundTrip(): void }).roundTrip());
    await waitForSettledMarks(b.page, 4);
    expect(await fixtureCheck<RoundTrip>(b.page)).toEqual({ rounds: 1, sameMarkup: true, sameText: true, markupOfOurs: false, painted: names });
    // The old nodes' ranges went with them.
    expect(await allRanges(b.page)).toEqual({ total: 4, collapsed: 0 });
    h.expectNoErrors();

    await switchOff();
    await b.page.evaluate(() => (window as unknown as { roundTrip(): void }).roundTrip());
    expect(await fixtureCheck<RoundTrip>(b.page)).toEqual({ rounds: 2, sameMarkup: true, sameText: true, markupOfOurs: false, painted: [] });
  });
});

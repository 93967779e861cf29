// @vitest-environment happy-dom
/**
 * The sieve: with `mayName`, a deep walk skips a block whose whole text cannot name anything.
 * It must change what is read, never what is painted.
 */
import { registeredHighlights } from '../support/highlight-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighlighter } from '../../../src/content/highlighter';
import { RunWalker } from '../../../src/content/highlighter/text-runs';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { SIEVE_MAX_ELEMENTS, SIEVE_READS_PER_CHAR } from '../../../src/shared/constants';
import { compileMatcher } from '../../../src/shared/matcher';
import { expectRegistryAgrees, highlighterFor, markTexts, page, registeredTexts, TEST_NAMES, trackHighlighters } from './helpers';
import { buildTree, pageSpec as richPageSpec, propertySeed } from './undo-property-trees';

const track = trackHighlighters();

/**
 * happy-dom's Range.toString takes seconds past a few hundred nodes (browsers' is native). The
 * sieve reads ranges between siblings of one parent; for those this gives the same text: that of
 * the text nodes inside, comments left out.
 */
const rangeText = Range.prototype.toString;
beforeAll(() => {
  Range.prototype.toString = function (this: Range) {
    const parent = this.startContainer;
    if (parent !== this.endContainer || parent.nodeType !== Node.ELEMENT_NODE) return rangeText.call(this);
    const inside = [...parent.childNodes].slice(this.startOffset, this.endOffset);
    return inside.map((node) => (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE ? (node.textContent ?? '') : '')).join('');
  };
});
afterAll(() => {
  Range.prototype.toString = rangeText;
});

/** A sieve for the test matcher's names: true wherever any of them occurs, boundaries ignored. */
function testSieve() {
  const sieved: string[] = [];
  const mayName = (text: string) => {
    sieved.push(text);
    return Object.keys(TEST_NAMES).some((name) => text.includes(name.split(' ')[0] ?? name));
  };
  return { mayName, sieved };
}

/** A nameless paragraph of PARAGRAPH_ELEMENTS elements: few of them make a block too big to read whole. */
const PARAGRAPH_ELEMENTS = 31;
const nameless = (index: number) => `<p>Weather report ${index}: ${'<b>rain</b> and <i>wind</i>, '.repeat(15)}.</p>`;

/** Children for a block of about 2.5 × SIEVE_MAX_ELEMENTS elements: nameless paragraphs, with `extra` after each. */
function bigBlock(extra: (index: number) => string[] = () => []): string[] {
  const children: string[] = [];
  for (let index = 0; children.length * PARAGRAPH_ELEMENTS < SIEVE_MAX_ELEMENTS * 2.5; index++) children.push(nameless(index), ...extra(index));
  return children;
}

describe('sieve', () => {
  it('never reads the runs of a block that cannot name anything, and still paints the others', async () => {
    const root = page(
      '<section id="nameless"><p>Weather <em>today</em>.</p><p>Harvest news.</p></section>' +
        '<section><p>Salt <em>Typhoon</em> struck.</p><p>Rain.</p><p>Wind.</p><p>Snow.</p></section>',
    );
    const sieve = testSieve();
    const { highlighter, seen } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon']);
    // Only the paragraph with the name was read run by run; the rest went whole.
    expect(seen).toEqual(['Salt Typhoon struck.']);
    expect(sieve.sieved).toEqual(expect.arrayContaining(['Weather today.Harvest news.', 'Rain.']));
  });

  it('never reads a block holding inline scripts or styles whole: its other children are sieved one by one', async () => {
    const root = page(
      '<div id="app"><p>Weather.</p><p>Rain.</p><p>Wind.</p><p>Snow.</p>' +
        '<script type="application/json">{"headline":"Salt Typhoon"}</script><style>.x{}</style></div>',
    );
    const sieve = testSieve();
    const { highlighter, seen } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    expect(sieve.sieved.some((text) => text.includes('headline'))).toBe(false);
    expect(sieve.sieved).toEqual(expect.arrayContaining(['Weather.', 'Rain.', 'Wind.', 'Snow.']));
    expect(seen).toEqual([]);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('stops sieving a walk where most blocks may name something (it would read them twice), painting the same', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, index) => `<p>Salt Typhoon, item ${index}.</p>`).join('');
    const root = page(`<div>${paragraphs}</div><div>${paragraphs}</div>`);
    const sieve = testSieve();
    const { highlighter } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    expect(highlighter.mentions()).toHaveLength(120);
    // The two wrappers and the trial's paragraphs, then no more.
    expect(sieve.sieved.length).toBeLessThan(40);
  });

  it('presumes the few children of a block that may name something do too, without reading them again', async () => {
    const root = page('<div id="app"><main><article><p>MSS said.</p><p>Rain.</p></article></main><footer>Nothing.</footer></div>');
    const sieve = testSieve();
    const { highlighter, seen } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    // #app alone was read: main, article and footer are wrappers among few siblings.
    expect(sieve.sieved).toEqual(['MSS said.Rain.Nothing.']);
    expect(seen).toEqual(['MSS said.', 'Rain.', 'Nothing.']);
  });

  it('still finds open shadow roots inside a skipped block, but not under what is never read', async () => {
    const root = page('<div id="skipped"><p>Nothing here.</p><span id="host"></span><div contenteditable><span id="editor-host"></span></div></div>');
    const open = root.querySelector('#host')?.attachShadow({ mode: 'open' });
    open?.append(Object.assign(document.createElement('p'), { textContent: 'MSS said' }));
    const editable = root.querySelector('#editor-host')?.attachShadow({ mode: 'open' });
    editable?.append(Object.assign(document.createElement('p'), { textContent: 'MSS said' }));
    const sieve = testSieve();
    const { highlighter, seen } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    expect(seen).not.toContain('Nothing here.');
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    expect(highlighter.mentions()[0]!.ranges[0]!.startContainer.getRootNode()).toBe(open);
    expect(highlighter.counts()).toEqual(new Map([['mss', 1]]));
  });

  it('finds open shadow roots on every kind of element that can host one, inside skipped blocks', async () => {
    // The DOM standard's list for attachShadow(), and a custom element.
    const hosts = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span', 'news-card'];
    const root = page('<div><p>Nothing here.</p><ul></ul></div>');
    for (const tag of hosts) {
      // Made, not parsed: a parser drops a <body> inside a list item.
      const host = document.createElement(tag);
      host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: 'MSS said' }));
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('a'), { textContent: 'Link' }), host);
      root.querySelector('ul')?.append(item);
    }
    const sieve = testSieve();
    const { highlighter, seen } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    expect(seen).not.toContain('Nothing here.');
    expect(highlighter.counts()).toEqual(new Map([['mss', hosts.length]]));
  });

  it('drops what it painted in a block the sieve now skips (its text can no longer name anything)', async () => {
    const root = page('<div><p>Nvidia chips.</p></div><div><p>Other.</p></div>');
    let names = true;
    const sieve = testSieve();
    const { highlighter } = highlighterFor(root, {
      mayName: (text) => names && sieve.mayName(text),
      findMentions: (text) => (names && text.startsWith('Nvidia') ? [{ start: 0, end: 6, entityId: 'nvidia' }] : []),
    });
    await track(highlighter).start();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);

    expectRegistryAgrees(highlighter);
    names = false;
    await highlighter.rescan();
    expect(markTexts(highlighter)).toEqual([]);
    expect(registeredHighlights()).toEqual(new Map());
    expect(root.textContent).toBe('Nvidia chips.Other.');
  });

  it(`reads at most ${SIEVE_READS_PER_CHAR} times the text of the top-level blocks, however deep blocks nest`, async () => {
    // Every level holds a name and a deeper level, among too many siblings to be presumed:
    // sieving each level would read the text below it once per level.
    let html = '';
    for (let level = 0; level < 40; level++) html += '<div><p>Nvidia rose.</p><p>Rain.</p><p>Wind.</p><p>Snow.</p><section>';
    html += '<p>End.</p>' + '</section></div>'.repeat(40);
    const root = page(`<main>${html}</main>`);
    const sieve = testSieve();
    const { highlighter } = highlighterFor(root, { mayName: sieve.mayName });
    await track(highlighter).start();

    const main = root.querySelector('main');
    const whole = main?.textContent?.length ?? 0;
    const read = sieve.sieved.reduce((sum, text) => sum + text.length, 0);
    expect(highlighter.mentions()).toHaveLength(40);
    // The last read may overshoot the allowance by at most one block's text.
    expect(read).toBeLessThanOrEqual((SIEVE_READS_PER_CHAR + 1) * whole);
    // What sieving every block would read: the bound is what keeps the figure above low.
    const unbounded = [...(main?.querySelectorAll('div, section, p') ?? [])].reduce((sum, block) => sum + (block.textContent?.length ?? 0), whole);
    expect(unbounded).toBeGreaterThan(10 * whole);
  });

  it('reads a block too big to read at once in stretches of its children, painting exactly what the unsieved walk paints', async () => {
    // Far more elements than one read may take, with names here and there: some inside paragraphs,
    // some split across loose inline elements between them (a stretch must never end inside their run).
    // Paragraphs of many elements keep the page small enough for a simulated DOM.
    const children = bigBlock((index) => [
      // Names in the first stretches only, so that later ones have none to find.
      ...(index % 7 === 0 && index < 70 ? ['<span>Salt</span> <b>Typhoon</b> struck'] : []),
      ...(index === 120 ? ['<p>The <span id="host"></span> said.</p>'] : []),
    ]);
    const root = page(`<main>${children.join('')}</main>`);
    const matcher = compileMatcher(CATALOG);
    const open = root.querySelector('#host')?.attachShadow({ mode: 'open' });
    open?.append(Object.assign(document.createElement('p'), { textContent: 'China’s Ministry of State Security said' }));
    const paint = async (sieve: boolean) => {
      const reads: string[] = [];
      const seen: string[] = [];
      const page = matcher.newPage();
      const mayName = (text: string) => (reads.push(text), matcher.mayName(text));
      const findMentions = (block: string) => (seen.push(block), page.scanBlock(block));
      const { highlighter } = highlighterFor(root, { findMentions, ...(sieve ? { mayName } : {}) });
      await track(highlighter).start();
      const painted = markTexts(highlighter);
      highlighter.stop();
      return { painted, reads, seen };
    };
    const unsieved = await paint(false);
    const sieved = await paint(true);

    expect(sieved.painted).toEqual(unsieved.painted);
    expect(sieved.painted.filter((text) => text.startsWith('mss:'))).toHaveLength(1);
    expect(sieved.painted.filter((text) => text.startsWith('salt-typhoon:Salt'))).toHaveLength(unsieved.painted.filter((text) => text.startsWith('salt-typhoon:Salt')).length);
    const whole = root.textContent?.length ?? 0;
    // No read takes the whole block, and nameless stretches are never read run by run.
    expect(Math.max(...sieved.reads.map((text) => text.length))).toBeLessThan(whole / 2);
    expect(sieved.reads.length).toBeLessThan(children.length);
    expect(sieved.seen.length).toBeLessThan(unsieved.seen.length / 2);
  }, 30_000);

  it('starts a big block with a small stretch, so a page with names throughout is never read in big pieces', async () => {
    const root = page(`<main>${bigBlock(() => ['<p>Salt Typhoon struck again.</p>']).join('')}</main>`);
    const matcher = compileMatcher(CATALOG);
    const page_ = matcher.newPage();
    const reads: string[] = [];
    const mayName = (text: string) => (reads.push(text), matcher.mayName(text));
    const { highlighter } = highlighterFor(root, { findMentions: (block) => page_.scanBlock(block), mayName });
    await track(highlighter).start();
    expect(markTexts(highlighter).length).toBeGreaterThan(50);
    expect(Math.max(...reads.map((text) => text.length))).toBeLessThan((root.textContent?.length ?? 0) / 8);
  }, 30_000);

  it('reads a big nameless block in a few stretches, and still finds the open shadow roots inside them', () => {
    const children = bigBlock((index) => (index === 120 ? ['<p>The <span id="host"></span> said.</p>'] : []));
    const root = page(`<main>${children.join('')}</main>`);
    const shadow = root.querySelector('#host')?.attachShadow({ mode: 'open' });
    const reads: string[] = [];
    const found: ShadowRoot[] = [];
    const walker = new RunWalker(root, true, { mayName: (text) => (reads.push(text), false), foundShadowRoot: (root) => found.push(root) });
    while (!walker.done) expect(walker.nextRun()).toBeNull();
    expect(found).toEqual([shadow]);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.length).toBeLessThan(children.length / 10);
  });

  it('finds the open shadow roots of a few skipped stretches, on hosts among the stretched children too', () => {
    // About 21 children of 100 elements: a block too big to sieve whole, read in a few stretches.
    // Some hosts are children themselves.
    const child = (index: number) => `<div id="child-${index}">${'<p><b>calm</b> <i>sea</i></p>'.repeat(33)}</div>`;
    const count = Math.ceil((SIEVE_MAX_ELEMENTS + 50) / 100);
    const root = page(`<main>${Array.from({ length: count }, (_, index) => child(index)).join('')}</main>`);
    const hosts = [1, 4, 8, 15].map((index) => root.querySelector(`#child-${index}`)!.attachShadow({ mode: 'open' }));
    const inner = root.querySelector('#child-6 p')!.attachShadow({ mode: 'open' });
    const found: ShadowRoot[] = [];
    const walker = new RunWalker(root, true, { mayName: () => false, foundShadowRoot: (shadow) => found.push(shadow) });
    while (!walker.done) expect(walker.nextRun()).toBeNull();
    expect(new Set(found)).toEqual(new Set([...hosts, inner]));
  });

  it('searches what it skipped for open shadow roots one part per call once the walk ends, never the whole page at once', () => {
    // Far more nameless paragraphs than one search should take in a step, a host in the last.
    const root = page(`<main>${Array.from({ length: 200 }, (_, index) => nameless(index)).join('')}</main>`);
    const shadow = root.querySelectorAll('p')[199]?.querySelector('b')?.parentElement?.appendChild(document.createElement('span')).attachShadow({ mode: 'open' });
    const found: ShadowRoot[] = [];
    const searched: Element[][] = [];
    const search = Element.prototype.querySelectorAll;
    Element.prototype.querySelectorAll = function (this: Element, selectors: string) {
      // The host search's own selector: every element but those that can never host a shadow root.
      if (selectors.startsWith(':not(')) searched.at(-1)?.push(this);
      return search.call(this, selectors);
    } as typeof search;
    try {
      const walker = new RunWalker(root, true, { mayName: () => false, foundShadowRoot: (root) => found.push(root) });
      while (!walker.done) {
        searched.push([]);
        expect(walker.nextRun()).toBeNull();
      }
    } finally {
      Element.prototype.querySelectorAll = search;
    }
    expect(found).toEqual([shadow]);
    // Each call searches one skipped part: a block, or a stretch of at most about SIEVE_MAX_ELEMENTS elements.
    const elementsSearched = searched.map((calls) => calls.reduce((sum, element) => sum + element.getElementsByTagName('*').length + 1, 0));
    expect(Math.max(...elementsSearched)).toBeLessThanOrEqual(SIEVE_MAX_ELEMENTS + PARAGRAPH_ELEMENTS);
    expect(searched.flat()).not.toContain(root);
  });

  it('counts a chain of single-child wrappers around a big block once, not once per level', () => {
    // Counting a big block walks all of it: counted afresh at each level, a deep chain costs depth × size.
    const depth = 200;
    const root = page(`<main>${'<div>'.repeat(depth)}${bigBlock().join('')}<p>Salt Typhoon struck.</p>${'</div>'.repeat(depth)}</main>`);
    const counted: Element[] = [];
    const count = Element.prototype.getElementsByTagName;
    Element.prototype.getElementsByTagName = function (this: Element, name: string) {
      if (name === '*') counted.push(this);
      return count.call(this, name);
    } as typeof count;
    const reads: string[] = [];
    try {
      const walker = new RunWalker(root, true, { mayName: (text) => (reads.push(text), text.includes('Salt')), foundShadowRoot: () => {} });
      const runs: string[] = [];
      while (!walker.done) {
        const run = walker.nextRun();
        if (run) runs.push(run.texts.join(''));
      }
      expect(runs.some((text) => text.includes('Salt Typhoon struck.'))).toBe(true);
    } finally {
      Element.prototype.getElementsByTagName = count;
    }
    const wrappers = counted.filter((element) => element.tagName === 'DIV');
    expect(wrappers.length).toBeLessThanOrEqual(1);
    expect(counted.length).toBeLessThan(depth);
  });

  it('never ends a stretch inside a run: a name split by an inline element at its edge is still found', async () => {
    // Nameless paragraphs, then "Salt" in an inline element, " Typhoon" beside it, and one more
    // inline element with the rest of the block's elements: past the limit by one. Stretches grow
    // as they name nothing, so the number of paragraphs before the name puts some stretch's end
    // right after "Salt" (and " Typhoon" outside it) for one of these pages or another.
    const matcher = compileMatcher(CATALOG);
    const most = Math.floor((SIEVE_MAX_ELEMENTS - 1) / PARAGRAPH_ELEMENTS);
    for (let paragraphs = most - 24; paragraphs <= most; paragraphs++) {
      const room = SIEVE_MAX_ELEMENTS - paragraphs * PARAGRAPH_ELEMENTS - 1;
      const filled = Array.from({ length: paragraphs }, (_, index) => nameless(index)).join('');
      const root = page(`<main>${filled}<span>Salt</span> Typhoon struck<em>${'<i>x</i>'.repeat(room)}</em></main>`);
      const page_ = matcher.newPage();
      const { highlighter } = highlighterFor(root, { findMentions: (block) => page_.scanBlock(block), mayName: matcher.mayName });
      await track(highlighter).start();
      expect(markTexts(highlighter), `${paragraphs} paragraphs`).toEqual(['salt-typhoon:Salt', 'salt-typhoon: Typhoon']);
      highlighter.stop();
    }
  }, 60_000);

  it('paints exactly what the unsieved walk paints, with the real matcher, on random rich pages', async () => {
    fc.configureGlobal({ seed: propertySeed() });
    const matcher = compileMatcher(CATALOG);
    const marksOf = async (root: HTMLElement, sieve: boolean) => {
      const page = matcher.newPage();
      const highlighter = createHighlighter({ root, findMentions: (block) => page.scanBlock(block), ...(sieve ? { mayName: matcher.mayName } : {}) });
      await track(highlighter).start();
      const painted = markTexts(highlighter);
      // What the page sees painted is what the highlighter reports.
      expect(registeredTexts()).toEqual([...painted].sort());
      highlighter.stop();
      return painted;
    };
    let pagesWithMarks = 0;
    await fc.assert(
      fc.asyncProperty(richPageSpec, async (spec) => {
        document.body.replaceChildren();
        const root = document.createElement('article');
        for (const child of spec) root.append(...buildTree(child, document));
        document.body.append(root);
        const unsieved = await marksOf(root, false);
        expect(await marksOf(root, true)).toEqual(unsieved);
        if (unsieved.length > 0) pagesWithMarks++;
      }),
      { numRuns: 300 },
    );
    expect(pagesWithMarks).toBeGreaterThan(100);
  }, 60_000);
});

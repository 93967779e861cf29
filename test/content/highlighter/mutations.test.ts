// @vitest-environment happy-dom
import { registeredHighlights } from '../support/highlight-api';
import { afterEach, describe, expect, it } from 'vitest';
import { MUTATION_DEBOUNCE_MS } from '../../../src/shared/constants';
import type { Highlighter } from '../../../src/content/highlighter';
import { expectRegistryAgrees, highlighterFor, markTexts, page, recordMutations, sameTree, snapshot } from './helpers';

let current: Highlighter | undefined;
async function started(root: Element | Document) {
  const made = highlighterFor(root);
  current = made.highlighter;
  await made.highlighter.start();
  return made;
}

afterEach(() => {
  current?.stop();
  current = undefined;
  const left = [...registeredHighlights().keys()];
  CSS.highlights.clear();
  document.body.innerHTML = '';
  expect(left).toEqual([]);
});

/** Lets a few batch periods pass, so a feedback loop (if there were one) would show. */
function severalBatchPeriods(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, MUTATION_DEBOUNCE_MS * 4));
}

describe('the page rewrites text under a mention', () => {
  it('follows the page setting data on the text node a mention is painted over (as React does)', async () => {
    const body = page('<p>Hello MSS world</p>');
    const p = body.querySelector('p')!;
    const original = p.firstChild as Text;
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);

    original.data = 'Now Nvidia here';
    await highlighter.idle();
    expect(p.textContent).toBe('Now Nvidia here');
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(highlighter.mentions()[0]!.ranges[0]!.startContainer).toBe(original);
    expectRegistryAgrees(highlighter);
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);

    highlighter.stop();
    expect(registeredHighlights()).toEqual(new Map());
    expect(original.data).toBe('Now Nvidia here');
  });

  it('drops the mention when the page writes text that no longer names it', async () => {
    const body = page('<p>Hello MSS world</p>');
    const original = body.querySelector('p')!.firstChild as Text;
    const { highlighter } = await started(body);
    original.data = 'Hello ';
    await highlighter.idle();
    expect(body.querySelector('p')!.textContent).toBe('Hello ');
    expect(highlighter.mentions()).toHaveLength(0);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('drops the mention when the page empties its text node', async () => {
    const body = page('<p>Salt Typhoon</p><p>Hello <b>MSS</b></p>');
    const { highlighter } = await started(body);
    expect(highlighter.counts()).toEqual(new Map([['salt-typhoon', 1], ['mss', 1]]));
    (body.querySelector('p')!.firstChild as Text).data = '';
    (body.querySelector('b')!.firstChild as Text).data = '';
    await highlighter.idle();
    expect(highlighter.mentions()).toEqual([]);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('repaints a mention the page moved within its text node (text inserted before it)', async () => {
    const body = page('<p>Hello MSS world</p>');
    const original = body.querySelector('p')!.firstChild as Text;
    const { highlighter } = await started(body);
    original.insertData(0, 'Breaking: ');
    await highlighter.idle();
    expect(original.data).toBe('Breaking: Hello MSS world');
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    const range = highlighter.mentions()[0]!.ranges[0]!;
    expect([range.startContainer, range.startOffset, range.endOffset]).toEqual([original, 16, 19]);
    expectRegistryAgrees(highlighter);
  });

  it('drops the mention when the page removes its text node, and reads what replaces it', async () => {
    const body = page('<p>Hello MSS world</p>');
    const p = body.querySelector('p')!;
    const original = p.firstChild as Text;
    const { highlighter } = await started(body);

    p.removeChild(original);
    await highlighter.idle();
    expect(p.childNodes).toHaveLength(0);
    expect(highlighter.mentions()).toHaveLength(0);
    expect(registeredHighlights()).toEqual(new Map());

    p.append(document.createTextNode('Fresh news on Nvidia'));
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
    expect(p.textContent).toBe('Fresh news on Nvidia');
  });

  it('follows the page replacing all text in a paragraph holding mentions', async () => {
    const body = page('<p>Salt Typhoon and <b>MSS</b></p>');
    const p = body.querySelector('p')!;
    const { highlighter } = await started(body);
    expect(highlighter.mentions()).toHaveLength(2);

    p.textContent = 'Only Nvidia now';
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(p.textContent).toBe('Only Nvidia now');
    expect(highlighter.counts()).toEqual(new Map([['nvidia', 1]]));
    expectRegistryAgrees(highlighter);
  });

  it('keeps what a page writes through p.lastChild after highlighting: its text stands, the mention there is repainted or dropped', async () => {
    const body = page('<p>Intro on <b>Nvidia</b>, then more on MSS</p>');
    const p = body.querySelector('p')!;
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia', 'mss:MSS']);
    // The page's own reference to its last text node is still that node: nothing was split.
    const last = p.lastChild as Text;
    expect(last.data).toBe(', then more on MSS');

    last.data = ', then MSS and Salt Typhoon';
    await highlighter.idle();
    expect(p.textContent).toBe('Intro on Nvidia, then MSS and Salt Typhoon');
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia', 'mss:MSS', 'salt-typhoon:Salt Typhoon']);
    expectRegistryAgrees(highlighter);

    last.data = ', and nothing else.';
    await highlighter.idle();
    expect(p.textContent).toBe('Intro on Nvidia, and nothing else.');
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
  });

  it('completes a name when the page changes half of it', async () => {
    const body = page('<p>Salt <em>Cyclone</em> again</p>');
    const { highlighter } = await started(body);
    expect(highlighter.mentions()).toHaveLength(0);

    (body.querySelector('em')!.firstChild as Text).data = 'Typhoon';
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon']);
    expect(highlighter.counts().get('salt-typhoon')).toBe(1);
    expectRegistryAgrees(highlighter);
  });

  it('drops a whole split mention when the page rewrites one of its halves', async () => {
    const body = page('<p>Salt <em>Typhoon</em> again</p>');
    const em = body.querySelector('em')!;
    const { highlighter } = await started(body);
    expect(highlighter.mentions()).toHaveLength(1);
    expect(highlighter.mentions()[0]!.ranges).toHaveLength(2);

    (em.firstChild as Text).data = 'Cyclone';
    await highlighter.idle();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(registeredHighlights()).toEqual(new Map());
    expect(body.querySelector('p')!.textContent).toBe('Salt Cyclone again');
  });

  it('drops a whole split mention when the page removes one of its halves', async () => {
    const body = page('<p>Salt <em>Typhoon</em> and MSS</p>');
    const em = body.querySelector('em')!;
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon', 'mss:MSS']);

    em.remove();
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    expectRegistryAgrees(highlighter);
  });
});

describe('new content', () => {
  it('highlights paragraphs the page appends, reading only what changed', async () => {
    const body = page('<article><p>First about MSS.</p></article>');
    const { highlighter, seen } = await started(body);
    const readBefore = seen.length;

    const article = body.querySelector('article')!;
    for (const text of ['Then Nvidia.', 'And Salt Typhoon.']) {
      article.append(Object.assign(document.createElement('p'), { textContent: text }));
    }
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia', 'salt-typhoon:Salt Typhoon']);
    // The two new paragraphs, plus the article's own (empty) runs: not the first paragraph.
    expect(seen.slice(readBefore)).toEqual(['Then Nvidia.', 'And Salt Typhoon.']);
  });

  it("leaves the container's own text unread when the page only adds blocks", async () => {
    const body = page('<article>Intro on MSS<p>First.</p></article>');
    const { highlighter, seen } = await started(body);
    const readBefore = seen.length;
    const article = body.querySelector('article')!;
    article.append(Object.assign(document.createElement('p'), { textContent: 'Then Nvidia.' }));
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
    expect(seen.slice(readBefore)).toEqual(['Then Nvidia.']);
  });

  it('reads the text around a block the page puts into or takes out of a sentence', async () => {
    const body = page('<div>Salt Typhoon</div>');
    const div = body.querySelector('div')!;
    const typhoon = document.createTextNode('Typhoon');
    div.firstChild!.replaceWith('Salt ', typhoon);
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon']);

    const divider = document.createElement('p');
    div.insertBefore(divider, typhoon);
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual([]);

    divider.remove();
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon']);
  });

  it("leaves the container's own text unread when a block goes or comes between line breaks", async () => {
    const body = page('<article>Intro on MSS\n<p>One.</p>\n<p>Two.</p>\n</article>');
    const { highlighter, seen } = await started(body);
    const readBefore = seen.length;
    const article = body.querySelector('article')!;
    article.querySelectorAll('p')[1]!.remove();
    await highlighter.idle();
    article.insertBefore(Object.assign(document.createElement('p'), { textContent: 'Then Nvidia.' }), article.lastChild);
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
    expect(seen.slice(readBefore)).toEqual(['Then Nvidia.']);
  });

  it('reads a name that a block taken out joins, across line breaks and a comment', async () => {
    const body = page('<div>Salt <!-- c -->\n<p>Then.</p>\nTyphoon</div>');
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual([]);
    body.querySelector('p')!.remove();
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:\nTyphoon']);
  });

  it('reads the sentence around an inline element when a block lands inside it', async () => {
    const body = page('<p>Salt <span>Typhoon</span></p>');
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon']);
    const span = body.querySelector('span')!;
    span.prepend(document.createElement('div'));
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual([]);
  });

  it('reads each of many paragraphs appended in one burst once, and their container not at all', async () => {
    const body = page('<article>Intro on MSS</article>');
    const { highlighter, seen } = await started(body);
    const readBefore = seen.length;
    const article = body.querySelector('article')!;
    const texts = Array.from({ length: 300 }, (_, index) => `Item ${index} on Nvidia.`);
    for (const text of texts) {
      const item = Object.assign(document.createElement('p'), { textContent: text });
      article.append(item);
      // A second record naming the same paragraph must not queue it twice.
      item.setAttribute('hidden', '');
      item.removeAttribute('hidden');
    }
    await highlighter.idle();
    expect(seen.slice(readBefore)).toEqual(texts);
    expect(highlighter.counts().get('nvidia')).toBe(300);
  });

  it('reads blocks inside an inline element the page inserts', async () => {
    const body = page('<div id="feed"></div>');
    const { highlighter } = await started(body);
    const wrapper = document.createElement('span');
    wrapper.append(Object.assign(document.createElement('p'), { textContent: 'Story on MSS' }));
    body.querySelector('#feed')!.append(wrapper);
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
  });

  it('follows an SPA navigation that swaps the whole content', async () => {
    const body = page('<main><p>Old story on MSS</p></main>');
    const { highlighter } = await started(body);
    const fresh = document.createElement('main');
    fresh.append(Object.assign(document.createElement('p'), { textContent: 'New story on Nvidia' }));
    body.replaceChildren(fresh);
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    await highlighter.rescan();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
  });

  it('keeps the mention painted, writing nothing, when the page moves a highlighted paragraph', async () => {
    const body = page('<p id="a">About MSS</p><p>Other Nvidia</p>');
    const moved = body.querySelector('#a')!;
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
    const mutations = recordMutations(body);
    body.append(moved);
    await highlighter.idle();
    // Now after the other paragraph, and still over the moved paragraph's own text node.
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia', 'mss:MSS']);
    expect(highlighter.mentions()[1]!.ranges[0]!.startContainer).toBe(moved.firstChild);
    expectRegistryAgrees(highlighter);
    expect(mutations.take()).toHaveLength(2); // the page's own removal and insertion
    mutations.stop();
  });
});

describe('own writes', () => {
  it('never reacts to its own mutations', async () => {
    const body = page('<p>MSS and Nvidia</p><p>Salt <em>Typhoon</em></p>');
    const { highlighter, seen } = await started(body);
    const reads = seen.length;
    await severalBatchPeriods();
    await highlighter.idle();
    expect(seen.length).toBe(reads);
  });

  it('does not loop on a page that changes every frame, and settles when it stops', async () => {
    const body = page('<p>Live: <span id="clock">0</span> on MSS</p><p>Nvidia</p>');
    const { highlighter, seen } = await started(body);
    const clock = body.querySelector('#clock')!;
    const mentions = highlighter.mentions();
    const readsBefore = seen.length;

    for (let tick = 1; tick <= 10; tick++) {
      clock.firstChild!.textContent = String(tick);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await highlighter.idle();
    const readsDuringTicks = seen.length - readsBefore;
    // At most one read of the changed paragraph per tick; usually far fewer (batched).
    expect(readsDuringTicks).toBeGreaterThan(0);
    expect(readsDuringTicks).toBeLessThanOrEqual(10);
    expect(seen.slice(readsBefore).every((text) => text.startsWith('Live: '))).toBe(true);
    // Unchanged mentions keep their very objects: nothing is repainted.
    const after = highlighter.mentions();
    expect(after).toHaveLength(mentions.length);
    after.forEach((mention, index) => expect(mention).toBe(mentions[index]));

    const readsSettled = seen.length;
    await severalBatchPeriods();
    await highlighter.idle();
    expect(seen.length).toBe(readsSettled);
  });

  it('leaves the page exactly as the page made it after a session of page changes', async () => {
    const body = page('<div><p>One MSS</p><p>Two <i>Salt</i> Typhoon</p></div>');
    const mutations = recordMutations(body);
    const { highlighter } = await started(body);
    const div = body.querySelector('div')!;
    div.append(Object.assign(document.createElement('p'), { textContent: 'Three Nvidia' }));
    (div.firstChild!.firstChild as Text).appendData(' and Xi Jinping');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'xi-jinping:Xi Jinping', 'salt-typhoon:Salt', 'salt-typhoon: Typhoon', 'nvidia:Nvidia']);
    const asThePageLeftIt = snapshot(body);
    highlighter.stop();
    expect(sameTree(asThePageLeftIt, snapshot(body))).toBe(true);
    expect(registeredHighlights()).toEqual(new Map());
    // Every record is one of the page's two edits.
    expect(mutations.take().map((record) => record.type)).toEqual(['childList', 'characterData']);
    mutations.stop();
  });
});

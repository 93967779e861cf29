// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MUTATION_DEBOUNCE_MS } from '../../../src/shared/constants';
import type { Highlighter } from '../../../src/content/highlighter';
import { highlighterFor, markTexts, page, recordMutations, sameTree, snapshot } from './helpers';

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
  document.body.innerHTML = '';
});

/** Lets a few batch periods pass, so a feedback loop (if there were one) would show. */
function severalBatchPeriods(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, MUTATION_DEBOUNCE_MS * 4));
}

describe('the page rewrites text we split', () => {
  it('lets the page win when it sets data on the split node (as React does)', async () => {
    const body = page('<p>Hello MSS world</p>');
    const p = body.querySelector('p')!;
    const original = p.firstChild as Text;
    const { highlighter } = await started(body);
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);

    original.data = 'Now Nvidia here';
    await highlighter.idle();
    expect(p.textContent).toBe('Now Nvidia here');
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(p.firstChild).toBe(original);

    highlighter.stop();
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);
    expect(original.data).toBe('Now Nvidia here');
  });

  it('lets the page win even when it writes back the very text our split left', async () => {
    const body = page('<p>Hello MSS world</p>');
    const original = body.querySelector('p')!.firstChild as Text;
    const { highlighter } = await started(body);
    original.data = 'Hello ';
    await highlighter.idle();
    expect(body.querySelector('p')!.textContent).toBe('Hello ');
    expect(highlighter.marks()).toHaveLength(0);
  });

  it('removes our pieces when the page removes the split node, and reads what replaces it', async () => {
    const body = page('<p>Hello MSS world</p>');
    const p = body.querySelector('p')!;
    const original = p.firstChild as Text;
    const { highlighter } = await started(body);

    p.removeChild(original);
    await highlighter.idle();
    expect(p.childNodes).toHaveLength(0);
    expect(highlighter.marks()).toHaveLength(0);

    p.append(document.createTextNode('Fresh news on Nvidia'));
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(p.textContent).toBe('Fresh news on Nvidia');
  });

  it("follows the page replacing all text in a mark's parent", async () => {
    const body = page('<p>Salt Typhoon and <b>MSS</b></p>');
    const p = body.querySelector('p')!;
    const { highlighter } = await started(body);
    expect(highlighter.marks()).toHaveLength(2);

    p.textContent = 'Only Nvidia now';
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(p.textContent).toBe('Only Nvidia now');
    expect(highlighter.counts()).toEqual(new Map([['nvidia', 1]]));
  });

  it('keeps the whole text when a page script writes into the text inside our mark', async () => {
    const body = page('<p>Hello MSS world</p>');
    const p = body.querySelector('p')!;
    const { highlighter } = await started(body);
    const mark = highlighter.marks()[0]!;

    (mark.firstChild as Text).data = 'M.S.S.';
    await highlighter.idle();
    expect(p.textContent).toBe('Hello MSS world');
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
  });

  it('completes a name when the page changes half of it', async () => {
    const body = page('<p>Salt <em>Cyclone</em> again</p>');
    const { highlighter } = await started(body);
    expect(highlighter.marks()).toHaveLength(0);

    (body.querySelector('em')!.firstChild as Text).data = 'Typhoon';
    await highlighter.idle();
    expect(highlighter.marks().map((mark) => mark.textContent)).toEqual(['Salt ', 'Typhoon']);
    expect(highlighter.counts().get('salt-typhoon')).toBe(1);
  });

  it('undoes a whole split mention when the page rewrites one of its halves', async () => {
    const body = page('<p>Salt <em>Typhoon</em> again</p>');
    const em = body.querySelector('em')!;
    const { highlighter } = await started(body);
    expect(highlighter.marks()).toHaveLength(2);

    (em.firstChild as Text).data = 'Cyclone';
    await highlighter.idle();
    expect(highlighter.marks()).toHaveLength(0);
    expect(body.querySelector('p')!.textContent).toBe('Salt Cyclone again');
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

  it('keeps marks (same elements, no writes) when the page moves a highlighted paragraph', async () => {
    const body = page('<p id="a">About MSS</p><p>Other</p>');
    const { highlighter } = await started(body);
    const mark = highlighter.marks()[0]!;
    const mutations = recordMutations(body);
    body.append(body.querySelector('#a')!);
    await highlighter.idle();
    expect(highlighter.marks()).toEqual([mark]);
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
    const marks = highlighter.marks();
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
    // Unchanged mentions keep their marks: nothing is rewritten.
    expect(highlighter.marks()).toEqual(marks);

    const readsSettled = seen.length;
    await severalBatchPeriods();
    await highlighter.idle();
    expect(seen.length).toBe(readsSettled);
  });

  it('restores the page exactly after a session of page changes', async () => {
    const body = page('<div><p>One MSS</p><p>Two <i>Salt</i> Typhoon</p></div>');
    const { highlighter } = await started(body);
    const div = body.querySelector('div')!;
    div.append(Object.assign(document.createElement('p'), { textContent: 'Three Nvidia' }));
    await highlighter.idle();
    const before = snapshotWithoutOurs(body, highlighter);
    highlighter.stop();
    expect(sameTree(before, snapshot(body))).toBe(true);
  });
});

/** What the page's tree will be once our marks are gone: the page's nodes with their own text. */
function snapshotWithoutOurs(root: Node, highlighter: Highlighter) {
  const ours = new Set<Node>();
  for (const mark of highlighter.marks()) {
    ours.add(mark);
    let next = mark.nextSibling;
    // Each mark is followed by the remainder text node splitting created.
    if (next) ours.add(next);
    for (const child of mark.childNodes) ours.add(child);
    next = null;
  }
  const all = snapshot(root).filter((entry) => !ours.has(entry.node));
  return all.map((entry) => ({ ...entry, data: entry.node.nodeType === Node.TEXT_NODE ? pageTextOf(entry.node as Text, ours) : entry.data }));
}

/** A split page node's own text: its text plus the text of our nodes after it. */
function pageTextOf(node: Text, ours: Set<Node>): string {
  let text = node.data;
  for (let next = node.nextSibling; next && ours.has(next); next = next.nextSibling) text += next.textContent ?? '';
  return text;
}

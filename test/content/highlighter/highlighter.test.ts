// @vitest-environment happy-dom
import { registeredHighlights } from '../support/highlight-api';
import { describe, expect, it } from 'vitest';
import { createHighlighter } from '../../../src/content/highlighter';
import { WALK_STEP_NODES } from '../../../src/shared/constants';
import {
  expectRegistryAgrees,
  highlighterFor,
  markTexts,
  page,
  phraseMatcher,
  recordMutations,
  registeredTexts,
  snapshot,
  trackHighlighters,
  watchPage,
} from './helpers';

const track = trackHighlighters();

describe('painting', () => {
  it("paints a mention as a range over the page's own text node, in its entity's highlight and the style highlight, writing nothing", async () => {
    const body = page('<p>Hackers known as Salt Typhoon struck.</p>');
    const text = body.querySelector('p')!.firstChild as Text;
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();

    const mentions = highlighter.mentions();
    expect(mentions).toHaveLength(1);
    const mention = mentions[0]!;
    expect(mention.entityId).toBe('salt-typhoon');
    expect(mention.ranges).toHaveLength(1);
    const range = mention.ranges[0]!;
    expect([range.startContainer, range.startOffset, range.endContainer, range.endOffset]).toEqual([text, 17, text, 29]);
    expect(range.toString()).toBe('Salt Typhoon');
    expect(registeredHighlights()).toEqual(
      new Map([
        ['backstory-entity-salt-typhoon', [range]],
        ['backstory-look-background', [range]],
      ]),
    );
    watch.unwritten();
    watch.stop();
  });

  it('paints several mentions in one text node and keeps them in document order', async () => {
    const body = page('<p>MSS and Nvidia, then MSS again.</p>');
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia', 'mss:MSS']);
    expect(highlighter.counts()).toEqual(new Map([['mss', 2], ['nvidia', 1]]));
    expect(registeredTexts()).toEqual(['mss:MSS', 'mss:MSS', 'nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
  });

  it.each([
    ['em', '<p>Salt <em>Typhoon</em> hit.</p>', ['Salt ', 'Typhoon']],
    ['a', '<p><a href="#x">Salt</a> Typhoon hit.</p>', ['Salt', ' Typhoon']],
    ['span', '<p>Sa<span>lt Ty</span>phoon hit.</p>', ['Sa', 'lt Ty', 'phoon']],
    ['nested inline', '<p><b>Salt <i>Typh</i></b>oon hit.</p>', ['Salt ', 'Typh', 'oon']],
  ])('paints a mention split across %s as one mention with a range per text node', async (_name, html, pieces) => {
    const body = page(html);
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();

    const mentions = highlighter.mentions();
    expect(mentions).toHaveLength(1);
    const mention = mentions[0]!;
    expect(mention.entityId).toBe('salt-typhoon');
    expect(mention.ranges.map((range) => range.toString())).toEqual(pieces);
    // Each piece lies within one of the page's text nodes, each node a different one.
    const containers = mention.ranges.map((range) => range.startContainer);
    expect(mention.ranges.every((range) => range.startContainer === range.endContainer && range.startContainer.nodeType === Node.TEXT_NODE)).toBe(true);
    expect(new Set(containers).size).toBe(pieces.length);
    expect(highlighter.counts().get('salt-typhoon')).toBe(1);
    // The hit test finds the one mention from any of its pieces.
    for (const range of mention.ranges) expect(highlighter.mentionAt(range.startContainer, range.startOffset + 1)).toBe(mention);
    expectRegistryAgrees(highlighter);
    watch.unwritten();
    watch.stop();
  });

  it('never paints a whitespace-only piece of a split mention', async () => {
    const body = page('<table><tr><td>Salt<span> </span>Typhoon</td></tr></table>');
    const blank = body.querySelector('span')!.firstChild!;
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt', 'salt-typhoon:Typhoon']);
    const mention = highlighter.mentions()[0]!;
    expect(mention.ranges.some((range) => range.startContainer === blank)).toBe(false);
    // The blank node still belongs to the mention (a change to it is a change to the name).
    expect(mention.nodes).toContain(blank);
    expect(registeredTexts()).toEqual(['salt-typhoon:Salt', 'salt-typhoon:Typhoon']);
  });

  it('never paints whitespace-only mentions handed over by the matcher', async () => {
    const body = page('<p>a   b</p>');
    const highlighter = track(
      createHighlighter({ root: body, findMentions: () => [{ start: 1, end: 4, entityId: 'mss' }] }),
    );
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('ignores malformed mentions (out of range, overlapping, empty) instead of breaking the page', async () => {
    const body = page('<p>MSS Nvidia</p>');
    const findMentions = () => [
      { start: 0, end: 3, entityId: 'mss' },
      { start: 2, end: 6, entityId: 'overlap' },
      { start: 4, end: 4, entityId: 'empty' },
      { start: 4, end: 10, entityId: 'nvidia' },
      { start: 9, end: 40, entityId: 'beyond' },
    ];
    const highlighter = track(createHighlighter({ root: body, findMentions }));
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
    expect(body.textContent).toBe('MSS Nvidia');
  });

  it('mentionAt finds the mention at a caret position inside it, and nothing beside it', async () => {
    const body = page('<p>The MSS and Nvidia.</p>');
    const text = body.querySelector('p')!.firstChild as Text;
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    const [mss, nvidia] = highlighter.mentions();
    expect(highlighter.mentionAt(text, 5)).toBe(mss);
    expect(highlighter.mentionAt(text, 14)).toBe(nvidia);
    expect(highlighter.mentionAt(text, 9)).toBeUndefined();
    expect(highlighter.mentionAt(text, 1)).toBeUndefined();
    expect(highlighter.mentionAt(body.querySelector('p')!, 0)).toBeUndefined();
  });
});

describe('blocks', () => {
  it('hands runs over in document order, one per block', async () => {
    const body = page(
      '<h1>Title MSS</h1><div>lead <p>first <em>para</em></p> tail</div><ul><li>one</li><li>two</li></ul><p>Salt<br>Typhoon</p>',
    );
    const { highlighter, seen } = highlighterFor(body);
    track(highlighter);
    await highlighter.start();
    expect(seen).toEqual(['Title MSS', 'lead ', 'first para', ' tail', 'one', 'two', 'Salt', 'Typhoon']);
  });

  it.each([
    ['paragraphs', '<p>Salt</p><p>Typhoon</p>'],
    ['list items', '<ul><li>Salt</li><li> Typhoon</li></ul>'],
    ['table cells', '<table><tr><td>Salt </td><td>Typhoon</td></tr></table>'],
    ['a nested block', '<div>Salt <div>Typhoon</div></div>'],
    ['a line break', '<p>Salt <br>Typhoon</p>'],
    ['a custom element', '<p>Salt <story-card>Typhoon</story-card></p>'],
    ['a button', '<p>Salt <button>x</button>Typhoon</p>'],
  ])('does not join a name across %s', async (_name, html) => {
    const body = page(html);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('reads comments and empty text nodes as nothing, joining the text around them', async () => {
    const body = page('<p>Salt <!-- ad slot -->Typhoon</p>');
    const p = body.querySelector('p')!;
    p.insertBefore(document.createTextNode(''), p.lastChild);
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt ', 'salt-typhoon:Typhoon']);
    expect(highlighter.mentions()).toHaveLength(1);
    highlighter.stop();
    watch.unwritten();
    watch.stop();
  });
});

describe('never touched', () => {
  const untouchable: Array<[string, string]> = [
    ['input', '<input value="Salt Typhoon">'],
    ['textarea', '<textarea>Salt Typhoon</textarea>'],
    ['select/option', '<select><option>Salt Typhoon</option></select>'],
    ['button', '<button>Salt Typhoon</button>'],
    ['contenteditable', '<div contenteditable="true"><p>Salt <b>Typhoon</b></p></div>'],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only">MSS</div>'],
    ['code', '<p>run <code>Salt Typhoon</code></p>'],
    ['pre', '<pre>Salt Typhoon</pre>'],
    ['kbd', '<kbd>MSS</kbd>'],
    ['samp', '<samp>MSS</samp>'],
    ['script', '<script>var a = "Salt Typhoon";</script>'],
    ['style', '<style>/* Salt Typhoon */</style>'],
    ['noscript', '<noscript>Salt Typhoon</noscript>'],
    ['template', '<template><p>Salt Typhoon</p></template>'],
    ['object', '<object><p>Salt Typhoon</p></object>'],
    ['svg', '<svg><text>Salt Typhoon</text></svg>'],
    ['math', '<math><mi>MSS</mi></math>'],
    ['hidden', '<p hidden>Salt Typhoon</p>'],
    ["the page's own mark", '<p>The <mark>Salt Typhoon</mark> story</p>'],
    ['our UI host', '<backstory-ui><p>Salt Typhoon</p></backstory-ui>'],
  ];

  it.each(untouchable)('leaves %s alone', async (_name, html) => {
    const body = page(`<p>Before.</p>${html}<p>After.</p>`);
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
    watch.unwritten();
    watch.stop();
  });

  it('reads aria-hidden and inert content: visible, and toggled on whole pages by modals', async () => {
    const body = page('<div aria-hidden="true"><p>Salt Typhoon</p></div><div inert><p>MSS</p></div>');
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt Typhoon', 'mss:MSS']);
    const painted = highlighter.mentions();
    const mutations = recordMutations(body);
    body.querySelector('div')!.setAttribute('aria-hidden', 'false');
    await highlighter.idle();
    // Only the page's own attribute change; what was painted stands, the same mentions.
    expect(mutations.take()).toHaveLength(1);
    expect(highlighter.mentions()).toEqual(painted);
    mutations.stop();
  });

  it('follows hidden content being revealed and hidden again', async () => {
    const body = page('<details><summary>More</summary><div hidden>On MSS</div></details>');
    const section = body.querySelector('div')!;
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(0);
    section.removeAttribute('hidden');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    expectRegistryAgrees(highlighter);
    section.setAttribute('hidden', 'until-found');
    await highlighter.idle();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('leaves the UI named by isOwnUi alone', async () => {
    const body = page('<div id="ours"><p>Salt Typhoon</p></div><p>MSS</p>');
    const ours = body.querySelector('#ours')!;
    const highlighter = track(highlighterFor(body, { isOwnUi: (node) => node === ours }).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
  });

  it('leaves a designMode document alone', async () => {
    const body = page('<p>Salt Typhoon</p>');
    document.designMode = 'on';
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(registeredHighlights()).toEqual(new Map());
    expect(body.textContent).toBe('Salt Typhoon');
  });

  it('drops every mention once the document turns into a designMode editor and is edited', async () => {
    const body = page('<p>Salt Typhoon</p><p id="typed">MSS</p>');
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(2);

    document.designMode = 'on';
    // The reader types: the page changes under the editor.
    (body.querySelector('#typed')!.firstChild as Text).appendData(' and Nvidia');
    await highlighter.idle();
    expect(highlighter.mentions()).toEqual([]);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('takes its marks out of a region that becomes editable', async () => {
    const body = page('<div id="editor"><p>Salt Typhoon and MSS</p></div><p>Nvidia</p>');
    const editor = body.querySelector('#editor')!;
    const originalText = editor.querySelector('p')!.firstChild!;
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toHaveLength(3);

    editor.setAttribute('contenteditable', 'true');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
    expect(registeredHighlights('backstory-entity-mss').size).toBe(0);
    expect(editor.querySelector('p')!.childNodes).toHaveLength(1);
    expect(editor.querySelector('p')!.firstChild).toBe(originalText);

    editor.removeAttribute('contenteditable');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt Typhoon', 'mss:MSS', 'nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
  });
});

describe('no names, no writes', () => {
  it('makes no DOM writes on a page without any of the names', async () => {
    const body = page('<article><h1>Weather</h1><p>A typhoon made <em>landfall</em>.</p><p>  </p></article>');
    const before = snapshot(body);
    const mutations = recordMutations(document);
    const { highlighter, seen } = highlighterFor(document);
    track(highlighter);
    await highlighter.start();
    body.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'More rain.' }));
    await highlighter.idle();
    highlighter.stop();
    // Only the test's own append is seen.
    expect(mutations.take()).toHaveLength(1);
    expect(seen).toContain('More rain.');
    expect(highlighter.mentions()).toHaveLength(0);
    mutations.stop();
    expect(before.every((entry) => entry.node.isConnected)).toBe(true);
  });
});

describe('never written, and stop deletes every highlight', () => {
  it('keeps the same node objects with the same text before, during and after, adjacent page text nodes unmerged', async () => {
    const body = page('<p id="p"></p><p>MSS, <em>Salt</em> Typhoon and Nvidia.</p>');
    const p = body.querySelector('#p')!;
    // The page's own adjacent text nodes: they must stay three nodes.
    p.append(document.createTextNode('Reports on Salt '), document.createTextNode('Typhoon'), document.createTextNode(' and MSS.'));
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.counts()).toEqual(new Map([['salt-typhoon', 2], ['mss', 2], ['nvidia', 1]]));
    expect(markTexts(highlighter)).toEqual([
      'salt-typhoon:Salt ',
      'salt-typhoon:Typhoon',
      'mss:MSS',
      'mss:MSS',
      'salt-typhoon:Salt',
      'salt-typhoon: Typhoon',
      'nvidia:Nvidia',
    ]);
    expectRegistryAgrees(highlighter);
    watch.unwritten();

    highlighter.stop();
    watch.unwritten();
    watch.stop();
    expect(p.childNodes).toHaveLength(3);
    expect(highlighter.mentions()).toHaveLength(0);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('deletes only its own names from the registry, leaving the page\'s highlights alone', async () => {
    const body = page('<p>MSS and Nvidia</p>');
    const pages = new Highlight();
    CSS.highlights.set('search-results', pages);
    try {
      const highlighter = track(highlighterFor(body).highlighter);
      await highlighter.start();
      expect([...registeredHighlights().keys()].sort()).toEqual(['backstory-entity-mss', 'backstory-entity-nvidia', 'backstory-look-background']);
      highlighter.stop();
      expect(registeredHighlights()).toEqual(new Map());
      expect(CSS.highlights.get('search-results')).toBe(pages);
    } finally {
      CSS.highlights.delete('search-results');
    }
  });

  it('is idempotent and can start again', async () => {
    const body = page('<p>MSS</p>');
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    highlighter.stop();
    highlighter.stop();
    expect(registeredHighlights()).toEqual(new Map());
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    expectRegistryAgrees(highlighter);
    watch.unwritten();
    watch.stop();
  });

  it('stops cleanly in the middle of a sliced pass', async () => {
    const body = page(Array.from({ length: 200 }, (_, index) => `<p>Paragraph ${index} on MSS.</p>`).join(''));
    const watch = watchPage(body);
    const highlighter = track(highlighterFor(body).highlighter);
    const clock = fastClock();
    const pass = highlighter.start();
    await Promise.resolve();
    highlighter.stop();
    await pass;
    clock.restore();
    watch.unwritten();
    watch.stop();
    expect(highlighter.mentions()).toHaveLength(0);
    expect(registeredHighlights()).toEqual(new Map());
  });
});

describe('slicing', () => {
  it('yields to the page between slices of the first pass and still reaches the end', async () => {
    const body = page(Array.from({ length: 50 }, (_, index) => `<p>Paragraph ${index} on MSS.</p>`).join(''));
    const highlighter = track(highlighterFor(body).highlighter);
    const clock = fastClock();
    let pageRan = 0;
    const paintedWhenPageRan: number[] = [];
    const pageWork = setInterval(() => {
      pageRan++;
      // What the page would see painted: the registry.
      paintedWhenPageRan.push(registeredHighlights('backstory-entity-mss').get('backstory-entity-mss')?.length ?? 0);
    }, 0);
    await highlighter.start();
    clearInterval(pageWork);
    clock.restore();
    expect(highlighter.mentions()).toHaveLength(50);
    expect(pageRan).toBeGreaterThan(0);
    expect(paintedWhenPageRan.some((count) => count > 0 && count < 50)).toBe(true);
  });

  it('lets the page run before reading again the runs that held a name back, when the first pass has just ended', async () => {
    const body = page('<p>Xi spoke.</p><p>Xi left.</p>');
    const { highlighter, seen } = highlighterFor(body, { heldBack: () => true });
    await track(highlighter).start();
    const readFirst = seen.length;
    // Still in the task the first pass ended in: reading on here would make the two one long task.
    const again = highlighter.rereadHeldBack();
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    expect(seen).toHaveLength(readFirst);
    await again;
    expect(seen).toHaveLength(readFirst + 2);
  });
});

describe('a run too long to walk in one step', () => {
  /** One paragraph of `count` bold words, MSS every tenth: over WALK_STEP_NODES nodes in one run. */
  const longParagraph = (count: number) => `<p>${Array.from({ length: count }, (_, index) => `<b>${index % 10 === 0 ? 'MSS' : 'word'}</b>`).join(' ')}</p>`;

  it('is walked in steps, the page running between them, and painted whole', async () => {
    const body = page(longParagraph(WALK_STEP_NODES));
    let pageRan = 0;
    /** How often the page had run when the run was read: never, had it been walked in one step. */
    let pageRanBeforeRead: number | null = null;
    const { findMentions } = phraseMatcher();
    const highlighter = track(
      highlighterFor(body, {
        findMentions(text) {
          pageRanBeforeRead ??= pageRan;
          return findMentions(text);
        },
      }).highlighter,
    );
    const clock = fastClock();
    const pageWork = setInterval(() => pageRan++, 0);
    await highlighter.start();
    clearInterval(pageWork);
    clock.restore();
    expect(pageRanBeforeRead).toBeGreaterThan(0);
    expect(markTexts(highlighter)).toEqual(Array.from({ length: WALK_STEP_NODES / 10 }, () => 'mss:MSS'));
    expectRegistryAgrees(highlighter);
  });

  it('paints nothing over text the page changed while it was walked, and then what the text says', async () => {
    const body = page(longParagraph(WALK_STEP_NODES));
    const first = body.querySelector('b')!.firstChild as Text;
    const highlighter = track(highlighterFor(body).highlighter);
    const clock = fastClock();
    const paintedWhenPageRan: string[][] = [];
    let changed = false;
    const pageWork = setInterval(() => {
      paintedWhenPageRan.push(registeredTexts());
      if (changed) return;
      // The page runs between the steps: the run's first name is already walked, not yet read.
      first.data = 'x';
      changed = true;
    }, 0);
    await highlighter.start();
    await highlighter.idle();
    clearInterval(pageWork);
    clock.restore();
    expect(paintedWhenPageRan.flat()).not.toContain('mss:x');
    expect(markTexts(highlighter)).toEqual(Array.from({ length: WALK_STEP_NODES / 10 - 1 }, () => 'mss:MSS'));
    expectRegistryAgrees(highlighter);
  });
});

describe('style', () => {
  it('moves every range to the other style highlight at runtime, entity highlights unchanged', async () => {
    const body = page('<p>MSS and <em>Salt</em> Typhoon</p>');
    const highlighter = track(highlighterFor(body, { style: 'underline' }).highlighter);
    await highlighter.start();
    const ranges = highlighter.mentions().flatMap((mention) => mention.ranges);
    expect(ranges).toHaveLength(3);
    expect(registeredHighlights('backstory-look-')).toEqual(new Map([['backstory-look-underline', ranges]]));
    expectRegistryAgrees(highlighter, 'underline');

    highlighter.setStyle('background');
    expect(registeredHighlights('backstory-look-')).toEqual(new Map([['backstory-look-background', ranges]]));
    expectRegistryAgrees(highlighter, 'background');
  });

  it('paints in a style set before anything was painted', async () => {
    const body = page('<p>Nothing yet</p>');
    const highlighter = track(highlighterFor(body, { style: 'background' }).highlighter);
    await highlighter.start();
    highlighter.setStyle('underline');
    expect(registeredHighlights()).toEqual(new Map());
    body.querySelector('p')!.append(' on MSS');
    await highlighter.idle();
    expectRegistryAgrees(highlighter, 'underline');
    expect(registeredHighlights('backstory-look-background').size).toBe(0);
  });
});

describe('rescan', () => {
  it('rewrites only the runs whose mentions changed', async () => {
    const body = page('<p>MSS here.</p><p>Nvidia there.</p>');
    let skipMss = false;
    const matcher = phraseMatcher();
    const highlighter = track(
      createHighlighter({
        root: body,
        findMentions: (text) => matcher.findMentions(text).filter((mention) => !(skipMss && mention.entityId === 'mss')),
      }),
    );
    await highlighter.start();
    const nvidia = highlighter.mentions()[1]!;
    const nvidiaRange = nvidia.ranges[0]!;
    skipMss = true;
    await highlighter.rescan();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    // The unchanged run keeps its mention and its very range; MSS left the registry.
    expect(highlighter.mentions()[0]).toBe(nvidia);
    expect(registeredHighlights()).toEqual(
      new Map([
        ['backstory-entity-nvidia', [nvidiaRange]],
        ['backstory-look-background', [nvidiaRange]],
      ]),
    );
  });

  it('notifies listeners when mentions are painted or removed, not otherwise', async () => {
    const body = page('<p>MSS here.</p>');
    const highlighter = track(highlighterFor(body).highlighter);
    let changes = 0;
    const unsubscribe = highlighter.onChange(() => changes++);
    await highlighter.start();
    expect(changes).toBe(1);
    await highlighter.rescan();
    expect(changes).toBe(1);
    highlighter.stop();
    expect(changes).toBe(2);
    unsubscribe();
    await highlighter.start();
    expect(changes).toBe(2);
  });
});

/** Makes performance.now() race ahead, so every slice ends after about one run. */
function fastClock() {
  const realNow = performance.now.bind(performance);
  let offset = 0;
  performance.now = () => {
    offset += 5;
    return realNow() + offset;
  };
  return {
    restore() {
      performance.now = realNow;
    },
  };
}

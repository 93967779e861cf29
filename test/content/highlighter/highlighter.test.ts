// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHighlighter, STYLE_ATTRIBUTE } from '../../../src/content/highlighter';
import { highlighterFor, markTexts, page, phraseMatcher, recordMutations, sameTree, snapshot, trackHighlighters } from './helpers';

const track = trackHighlighters();

describe('wrapping', () => {
  it('wraps a mention in a mark carrying only our attributes', async () => {
    const body = page('<p>Hackers known as Salt Typhoon struck.</p>');
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();

    const marks = highlighter.marks();
    expect(marks).toHaveLength(1);
    const mark = marks[0]!;
    expect(mark.localName).toBe('mark');
    expect(mark.textContent).toBe('Salt Typhoon');
    expect(mark.getAttribute('data-entity')).toBe('salt-typhoon');
    expect(mark.getAttribute('tabindex')).toBe('-1');
    expect(mark.getAttribute(STYLE_ATTRIBUTE)).toBe('background');
    expect(mark.hasAttribute('data-markjs')).toBe(false);
    expect(mark.hasAttribute('class')).toBe(false);
    expect(body.querySelector('p')!.textContent).toBe('Hackers known as Salt Typhoon struck.');
    expect(body.querySelector('p')!.attributes).toHaveLength(0);
  });

  it('wraps several mentions in one text node and keeps them in document order', async () => {
    const body = page('<p>MSS and Nvidia, then MSS again.</p>');
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia', 'mss:MSS']);
    expect(highlighter.counts()).toEqual(new Map([['mss', 2], ['nvidia', 1]]));
  });

  it.each([
    ['em', '<p>Salt <em>Typhoon</em> hit.</p>', ['Salt ', 'Typhoon']],
    ['a', '<p><a href="#x">Salt</a> Typhoon hit.</p>', ['Salt', ' Typhoon']],
    ['span', '<p>Sa<span>lt Ty</span>phoon hit.</p>', ['Sa', 'lt Ty', 'phoon']],
    ['nested inline', '<p><b>Salt <i>Typh</i></b>oon hit.</p>', ['Salt ', 'Typh', 'oon']],
  ])('splits a mention across %s into marks of one mention', async (_name, html, pieces) => {
    const body = page(html);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();

    const marks = highlighter.marks();
    expect(marks.map((mark) => mark.textContent)).toEqual(pieces);
    expect(marks.every((mark) => mark.dataset.entity === 'salt-typhoon')).toBe(true);
    expect(highlighter.counts().get('salt-typhoon')).toBe(1);
    const mention = highlighter.mentionOf(marks[1]!);
    expect(mention?.marks).toEqual(marks);
    expect(highlighter.mentions()).toHaveLength(1);
  });

  it('never wraps a whitespace-only piece of a split mention', async () => {
    const body = page('<table><tr><td>Salt<span> </span>Typhoon</td></tr></table>');
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.marks().map((mark) => mark.textContent)).toEqual(['Salt', 'Typhoon']);
    expect(body.querySelector('span')!.childNodes).toHaveLength(1);
    expect(body.querySelector('span')!.firstChild!.nodeType).toBe(Node.TEXT_NODE);
  });

  it('never wraps whitespace-only mentions handed over by the matcher', async () => {
    const body = page('<p>a   b</p>');
    const highlighter = track(
      createHighlighter({ root: body, findMentions: () => [{ start: 1, end: 4, entityId: 'mss' }] }),
    );
    await highlighter.start();
    expect(highlighter.marks()).toHaveLength(0);
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
    expect(body.textContent).toBe('MSS Nvidia');
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
    expect(highlighter.marks()).toHaveLength(0);
  });

  it('reads comments and empty text nodes as nothing, joining the text around them', async () => {
    const body = page('<p>Salt <!-- ad slot -->Typhoon</p>');
    const p = body.querySelector('p')!;
    p.insertBefore(document.createTextNode(''), p.lastChild);
    const before = snapshot(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.marks().map((mark) => mark.textContent)).toEqual(['Salt ', 'Typhoon']);
    highlighter.stop();
    expect(sameTree(before, snapshot(body))).toBe(true);
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
    const before = snapshot(body);
    const mutations = recordMutations(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.marks()).toHaveLength(0);
    expect(mutations.take()).toHaveLength(0);
    expect(sameTree(before, snapshot(body))).toBe(true);
    mutations.stop();
  });

  it('reads aria-hidden and inert content: visible, and toggled on whole pages by modals', async () => {
    const body = page('<div aria-hidden="true"><p>Salt Typhoon</p></div><div inert><p>MSS</p></div>');
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt Typhoon', 'mss:MSS']);
    const mutations = recordMutations(body);
    body.querySelector('div')!.setAttribute('aria-hidden', 'false');
    await highlighter.idle();
    expect(mutations.take()).toHaveLength(1);
    mutations.stop();
  });

  it('follows hidden content being revealed and hidden again', async () => {
    const body = page('<details><summary>More</summary><div hidden>On MSS</div></details>');
    const section = body.querySelector('div')!;
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.marks()).toHaveLength(0);
    section.removeAttribute('hidden');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    section.setAttribute('hidden', 'until-found');
    await highlighter.idle();
    expect(highlighter.marks()).toHaveLength(0);
    expect(section.childNodes).toHaveLength(1);
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
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.marks()).toHaveLength(0);
  });

  it('takes its marks out of a region that becomes editable', async () => {
    const body = page('<div id="editor"><p>Salt Typhoon and MSS</p></div><p>Nvidia</p>');
    const editor = body.querySelector('#editor')!;
    const originalText = editor.querySelector('p')!.firstChild!;
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.marks()).toHaveLength(3);

    editor.setAttribute('contenteditable', 'true');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(editor.querySelector('p')!.childNodes).toHaveLength(1);
    expect(editor.querySelector('p')!.firstChild).toBe(originalText);

    editor.removeAttribute('contenteditable');
    await highlighter.idle();
    expect(markTexts(highlighter)).toEqual(['salt-typhoon:Salt Typhoon', 'mss:MSS', 'nvidia:Nvidia']);
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
    expect(highlighter.marks()).toHaveLength(0);
    mutations.stop();
    expect(before.every((entry) => entry.node.isConnected)).toBe(true);
  });
});

describe('undo', () => {
  it('restores the same node objects with the same text, leaving adjacent page text nodes unmerged', async () => {
    const body = page('<p id="p"></p><p>MSS, <em>Salt</em> Typhoon and Nvidia.</p>');
    const p = body.querySelector('#p')!;
    // The page's own adjacent text nodes: they must survive as three nodes.
    p.append(document.createTextNode('Reports on Salt '), document.createTextNode('Typhoon'), document.createTextNode(' and MSS.'));
    const before = snapshot(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    expect(highlighter.counts()).toEqual(new Map([['salt-typhoon', 2], ['mss', 2], ['nvidia', 1]]));
    expect(body.textContent).toBe(before[0]!.node.textContent);

    highlighter.stop();
    expect(sameTree(before, snapshot(body))).toBe(true);
    expect(p.childNodes).toHaveLength(3);
    expect(highlighter.marks()).toHaveLength(0);
    expect(highlighter.counts().size).toBe(0);
  });

  it('is idempotent and can start again', async () => {
    const body = page('<p>MSS</p>');
    const before = snapshot(body);
    const highlighter = track(highlighterFor(body).highlighter);
    await highlighter.start();
    highlighter.stop();
    highlighter.stop();
    expect(sameTree(before, snapshot(body))).toBe(true);
    await highlighter.start();
    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
  });

  it('stops cleanly in the middle of a sliced pass', async () => {
    const body = page(Array.from({ length: 200 }, (_, index) => `<p>Paragraph ${index} on MSS.</p>`).join(''));
    const before = snapshot(body);
    const highlighter = track(highlighterFor(body).highlighter);
    const clock = fastClock();
    const pass = highlighter.start();
    await Promise.resolve();
    highlighter.stop();
    await pass;
    clock.restore();
    expect(sameTree(before, snapshot(body))).toBe(true);
    expect(highlighter.marks()).toHaveLength(0);
  });
});

describe('slicing', () => {
  it('yields to the page between slices of the first pass and still reaches the end', async () => {
    const body = page(Array.from({ length: 50 }, (_, index) => `<p>Paragraph ${index} on MSS.</p>`).join(''));
    const highlighter = track(highlighterFor(body).highlighter);
    const clock = fastClock();
    let pageRan = 0;
    const marksWhenPageRan: number[] = [];
    const pageWork = setInterval(() => {
      pageRan++;
      marksWhenPageRan.push(body.querySelectorAll('mark').length);
    }, 0);
    await highlighter.start();
    clearInterval(pageWork);
    clock.restore();
    expect(highlighter.marks()).toHaveLength(50);
    expect(pageRan).toBeGreaterThan(0);
    expect(marksWhenPageRan.some((count) => count > 0 && count < 50)).toBe(true);
  });
});

describe('style', () => {
  it('switches the look of every mark at runtime', async () => {
    const body = page('<p>MSS and <em>Salt</em> Typhoon</p>');
    const highlighter = track(highlighterFor(body, { style: 'underline' }).highlighter);
    await highlighter.start();
    expect(highlighter.marks().map((mark) => mark.getAttribute(STYLE_ATTRIBUTE))).toEqual(['underline', 'underline', 'underline']);
    highlighter.setStyle('background');
    expect(highlighter.marks().map((mark) => mark.getAttribute(STYLE_ATTRIBUTE))).toEqual(['background', 'background', 'background']);
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
    const nvidiaMark = highlighter.marks()[1]!;
    skipMss = true;
    await highlighter.rescan();
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expect(highlighter.marks()[0]).toBe(nvidiaMark);
    expect(body.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('notifies listeners when marks come and go, not otherwise', async () => {
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

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { STYLE_ATTRIBUTE } from '../../../src/content/highlighter';
import { highlighterFor, markTexts, page, recordMutations, sameTree, snapshot, trackHighlighters, type NodeSnapshot } from './helpers';

const track = trackHighlighters();

/** A host element with a shadow root of `mode` holding one paragraph of `text`. */
function shadowHost(mode: ShadowRootMode, text: string, tag = 'div') {
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode });
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  shadow.append(paragraph);
  return { host, shadow, paragraph };
}

/** The document's nodes and every listed shadow tree's, for exact-undo checks. */
function snapshotAll(...shadows: ShadowRoot[]): NodeSnapshot[] {
  return [...snapshot(document.body), ...shadows.flatMap((shadow) => snapshot(shadow))];
}

function shadowMarkTexts(shadow: ShadowRoot): string[] {
  return [...shadow.querySelectorAll<HTMLElement>('mark[data-entity]')].map((mark) => `${mark.dataset.entity}:${mark.textContent}`);
}

describe('open shadow roots', () => {
  it('marks names inside an open root, in composed order with the light DOM', async () => {
    const body = page('<p>First MSS.</p><div id="slot"></div><p>Then Xi Jinping.</p>');
    const open = shadowHost('open', 'Inside: Salt Typhoon and Nvidia.');
    body.querySelector('#slot')!.append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();

    expect(shadowMarkTexts(open.shadow)).toEqual(['salt-typhoon:Salt Typhoon', 'nvidia:Nvidia']);
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'salt-typhoon:Salt Typhoon', 'nvidia:Nvidia', 'xi-jinping:Xi Jinping']);
    expect(highlighter.mentions().map((mention) => mention.entityId)).toEqual(['mss', 'salt-typhoon', 'nvidia', 'xi-jinping']);
    expect(highlighter.counts()).toEqual(new Map([['mss', 1], ['salt-typhoon', 1], ['nvidia', 1], ['xi-jinping', 1]]));
    const mark = open.shadow.querySelector<HTMLElement>('mark')!;
    expect(highlighter.mentionOf(mark)?.entityId).toBe('salt-typhoon');
    expect(open.paragraph.textContent).toBe('Inside: Salt Typhoon and Nvidia.');
  });

  it('leaves a closed root untouched', async () => {
    const body = page('<p>Light MSS.</p>');
    const closed = shadowHost('closed', 'Closed: Salt Typhoon.');
    body.append(closed.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();

    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    expect(closed.paragraph.childNodes).toHaveLength(1);
    expect(closed.shadow.querySelector('mark')).toBeNull();
  });

  it('reads open roots nested in open roots, and none behind a hidden or editable host', async () => {
    const outer = shadowHost('open', 'Outer Nvidia.');
    const inner = shadowHost('open', 'Inner MSS.');
    outer.shadow.append(inner.host);
    const hidden = shadowHost('open', 'Hidden Salt Typhoon.');
    hidden.host.hidden = true;
    const editable = shadowHost('open', 'Editable Salt Typhoon.');
    editable.host.setAttribute('contenteditable', '');
    page('').append(outer.host, hidden.host, editable.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();

    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia', 'mss:MSS']);
    expect(hidden.shadow.querySelector('mark')).toBeNull();
    expect(editable.shadow.querySelector('mark')).toBeNull();
  });

  it('undoes exactly across roots: same node objects, same text, nothing merged', async () => {
    const body = page('<p>Light <em>Salt</em> Typhoon.</p>');
    const open = shadowHost('open', 'Open MSS and Nvidia.');
    open.paragraph.append(document.createTextNode(' Also'), document.createTextNode(' Xi Jinping.'));
    const closed = shadowHost('closed', 'Closed MSS.');
    body.append(open.host, closed.host);
    const before = snapshotAll(open.shadow, closed.shadow);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(highlighter.marks().length).toBeGreaterThanOrEqual(5);
    expect(sameTree(before, snapshotAll(open.shadow, closed.shadow))).toBe(false);

    highlighter.stop();
    expect(sameTree(before, snapshotAll(open.shadow, closed.shadow))).toBe(true);
    expect(highlighter.marks()).toEqual([]);
    expect(highlighter.counts().size).toBe(0);
  });

  it('writes nothing into a shadow root without names', async () => {
    const open = shadowHost('open', 'Nothing to see here.');
    page('<p>Nor here.</p>').append(open.host);
    const mutations = recordMutations(open.shadow);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(mutations.take()).toEqual([]);
    mutations.stop();
  });

  it('highlights a shadow root whose host is added after the first pass, and undoes it', async () => {
    page('<p>Light MSS.</p>');
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    const late = shadowHost('open', 'Late Salt Typhoon.', 'news-widget');
    document.body.append(late.host);
    await highlighter.idle();

    expect(shadowMarkTexts(late.shadow)).toEqual(['salt-typhoon:Salt Typhoon']);
    highlighter.stop();
    expect(late.paragraph.childNodes).toHaveLength(1);
    expect(late.paragraph.firstChild).toBeInstanceOf(Text);
  });

  it('highlights a shadow root attached to a host inside an element added later', async () => {
    page('<p>Light MSS.</p>');
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    const wrapper = document.createElement('section');
    const late = shadowHost('open', 'Nested late Nvidia.', 'span');
    wrapper.append('Before ', late.host, ' after.');
    document.body.append(wrapper);
    await highlighter.idle();
    expect(shadowMarkTexts(late.shadow)).toEqual(['nvidia:Nvidia']);
  });

  it('follows changes inside a shadow root: new text, rewritten text, removed marks', async () => {
    const open = shadowHost('open', 'At first nothing.');
    page('').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(highlighter.marks()).toEqual([]);

    const added = document.createElement('p');
    added.textContent = 'Then Salt Typhoon.';
    open.shadow.append(added);
    await highlighter.idle();
    expect(shadowMarkTexts(open.shadow)).toEqual(['salt-typhoon:Salt Typhoon']);

    open.paragraph.firstChild!.textContent = 'Now MSS.';
    await highlighter.idle();
    expect(shadowMarkTexts(open.shadow)).toEqual(['mss:MSS', 'salt-typhoon:Salt Typhoon']);

    // The page rewrites a paragraph we split: our leftovers go, its new text is read.
    added.textContent = 'Rewritten with Nvidia.';
    await highlighter.idle();
    expect(shadowMarkTexts(open.shadow)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
    expect(added.textContent).toBe('Rewritten with Nvidia.');
    expect(highlighter.counts()).toEqual(new Map([['mss', 1], ['nvidia', 1]]));
  });

  it('drops the marks of a shadow root whose host leaves the page', async () => {
    const open = shadowHost('open', 'Gone MSS.');
    page('<p>Stays Nvidia.</p>').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(highlighter.counts()).toEqual(new Map([['nvidia', 1], ['mss', 1]]));

    open.host.remove();
    await highlighter.idle();
    expect(highlighter.counts()).toEqual(new Map([['nvidia', 1]]));
    expect(open.paragraph.childNodes).toHaveLength(1);
    expect(open.paragraph.textContent).toBe('Gone MSS.');
  });

  it('takes the marks out when the host becomes hidden, and back when it is shown', async () => {
    const open = shadowHost('open', 'Toggled MSS.');
    page('').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(shadowMarkTexts(open.shadow)).toEqual(['mss:MSS']);

    open.host.hidden = true;
    await highlighter.idle();
    expect(shadowMarkTexts(open.shadow)).toEqual([]);
    expect(open.paragraph.childNodes).toHaveLength(1);

    open.host.hidden = false;
    await highlighter.idle();
    expect(shadowMarkTexts(open.shadow)).toEqual(['mss:MSS']);
  });

  it('gives marks in a shadow root their look inline, and setStyle switches it', async () => {
    const open = shadowHost('open', 'Styled MSS.');
    page('<p>Light Nvidia.</p>').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    const light = document.querySelector<HTMLElement>('mark[data-entity]')!;
    const shadowed = open.shadow.querySelector<HTMLElement>('mark[data-entity]')!;

    // The document's marks take their look from highlights.css alone.
    expect(light.hasAttribute('style')).toBe(false);
    expect(shadowed.getAttribute(STYLE_ATTRIBUTE)).toBe('background');
    expect(shadowed.style.getPropertyValue('background-color')).not.toBe('');
    expect(shadowed.style.getPropertyPriority('background-color')).toBe('important');
    expect(shadowed.style.getPropertyValue('text-decoration-line')).toBe('');

    highlighter.setStyle('underline');
    expect(shadowed.getAttribute(STYLE_ATTRIBUTE)).toBe('underline');
    expect(shadowed.style.getPropertyValue('text-decoration-line')).toBe('underline');
    expect(shadowed.style.getPropertyValue('background-color')).toBe('transparent');
    expect(light.hasAttribute('style')).toBe(false);
  });

  it('finds a shadow root attached after the first pass on the next rescan', async () => {
    const host = document.createElement('div');
    page('<p>Light MSS.</p>').append(host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    const shadow = host.attachShadow({ mode: 'open' });
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Attached later: Nvidia.';
    shadow.append(paragraph);

    await highlighter.rescan();
    expect(shadowMarkTexts(shadow)).toEqual(['nvidia:Nvidia']);
    // From then on it is followed.
    paragraph.append(' And Salt Typhoon.');
    await highlighter.idle();
    expect(shadowMarkTexts(shadow)).toEqual(['nvidia:Nvidia', 'salt-typhoon:Salt Typhoon']);
  });
});

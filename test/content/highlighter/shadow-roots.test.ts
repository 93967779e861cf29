// @vitest-environment happy-dom
import { registeredHighlights } from '../support/highlight-api';
import { describe, expect, it } from 'vitest';
import type { Highlighter } from '../../../src/content/highlighter';
import { expectRegistryAgrees, highlighterFor, markTexts, page, recordMutations, sameTree, snapshot, trackHighlighters, type NodeSnapshot } from './helpers';

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

/** The painted pieces inside one shadow tree, as `entity:text`, in document order. */
function shadowMarkTexts(highlighter: Highlighter, shadow: ShadowRoot): string[] {
  return highlighter
    .mentions()
    .flatMap((mention) => mention.ranges.filter((range) => range.startContainer.getRootNode() === shadow).map((range) => `${mention.entityId}:${range.toString()}`));
}

/** Style sheets adopted into `shadow` that are not in `own` (the page's): ours. */
function foreignSheets(shadow: ShadowRoot, own: readonly CSSStyleSheet[] = []): CSSStyleSheet[] {
  return shadow.adoptedStyleSheets.filter((sheet) => !own.includes(sheet));
}

describe('open shadow roots', () => {
  it('marks names inside an open root, in composed order with the light DOM', async () => {
    const body = page('<p>First MSS.</p><div id="slot"></div><p>Then Xi Jinping.</p>');
    const open = shadowHost('open', 'Inside: Salt Typhoon and Nvidia.');
    body.querySelector('#slot')!.append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();

    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['salt-typhoon:Salt Typhoon', 'nvidia:Nvidia']);
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'salt-typhoon:Salt Typhoon', 'nvidia:Nvidia', 'xi-jinping:Xi Jinping']);
    expect(highlighter.mentions().map((mention) => mention.entityId)).toEqual(['mss', 'salt-typhoon', 'nvidia', 'xi-jinping']);
    expect(highlighter.counts()).toEqual(new Map([['mss', 1], ['salt-typhoon', 1], ['nvidia', 1], ['xi-jinping', 1]]));
    expectRegistryAgrees(highlighter);
    const inside = open.paragraph.firstChild as Text;
    expect(highlighter.mentionAt(inside, 10)?.entityId).toBe('salt-typhoon');
    expect(open.paragraph.childNodes).toHaveLength(1);
    expect(open.paragraph.textContent).toBe('Inside: Salt Typhoon and Nvidia.');
  });

  it('leaves a closed root untouched', async () => {
    const body = page('<p>Light MSS.</p>');
    const closed = shadowHost('closed', 'Closed: Salt Typhoon.');
    body.append(closed.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();

    expect(markTexts(highlighter)).toEqual(['mss:MSS']);
    expect(shadowMarkTexts(highlighter, closed.shadow)).toEqual([]);
    expect(closed.shadow.adoptedStyleSheets).toEqual([]);
    expectRegistryAgrees(highlighter);
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
    expect(shadowMarkTexts(highlighter, inner.shadow)).toEqual(['mss:MSS']);
    expect(shadowMarkTexts(highlighter, hidden.shadow)).toEqual([]);
    expect(shadowMarkTexts(highlighter, editable.shadow)).toEqual([]);
    expect(hidden.shadow.adoptedStyleSheets).toEqual([]);
    expect(editable.shadow.adoptedStyleSheets).toEqual([]);
  });

  it('undoes exactly across roots: same node objects, same text, nothing merged', async () => {
    const body = page('<p>Light <em>Salt</em> Typhoon.</p>');
    const open = shadowHost('open', 'Open MSS and Nvidia.');
    open.paragraph.append(document.createTextNode(' Also'), document.createTextNode(' Xi Jinping.'));
    const closed = shadowHost('closed', 'Closed MSS.');
    body.append(open.host, closed.host);
    const pageSheet = new CSSStyleSheet();
    open.shadow.adoptedStyleSheets = [pageSheet];
    const before = snapshotAll(open.shadow, closed.shadow);
    const mutations = [recordMutations(document.body), recordMutations(open.shadow), recordMutations(closed.shadow)];
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(mentionCount(highlighter)).toBe(4);
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['mss:MSS', 'nvidia:Nvidia', 'xi-jinping:Xi Jinping']);
    expect(sameTree(before, snapshotAll(open.shadow, closed.shadow))).toBe(true);
    // The one change to a root: the highlight rules adopted after the page's own sheets.
    expect(open.shadow.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(foreignSheets(open.shadow, [pageSheet])).toHaveLength(1);

    highlighter.stop();
    expect(sameTree(before, snapshotAll(open.shadow, closed.shadow))).toBe(true);
    expect(mutations.flatMap((recorder) => recorder.take())).toEqual([]);
    for (const recorder of mutations) recorder.stop();
    expect(open.shadow.adoptedStyleSheets).toEqual([pageSheet]);
    expect(highlighter.mentions()).toEqual([]);
    expect(highlighter.counts().size).toBe(0);
    expect(registeredHighlights()).toEqual(new Map());
  });

  it('writes nothing into a shadow root without names', async () => {
    const open = shadowHost('open', 'Nothing to see here.');
    page('<p>Nor here.</p>').append(open.host);
    const mutations = recordMutations(open.shadow);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(mutations.take()).toEqual([]);
    mutations.stop();
    expect(highlighter.mentions()).toEqual([]);
  });

  it('adopts no style sheet into a shadow root without names', async () => {
    const open = shadowHost('open', 'Nothing to see here.');
    page('<p>Nor here.</p>').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(open.shadow.adoptedStyleSheets).toEqual([]);
  });

  it('highlights a shadow root whose host is added after the first pass, and undoes it', async () => {
    page('<p>Light MSS.</p>');
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    const late = shadowHost('open', 'Late Salt Typhoon.', 'news-widget');
    document.body.append(late.host);
    await highlighter.idle();

    expect(shadowMarkTexts(highlighter, late.shadow)).toEqual(['salt-typhoon:Salt Typhoon']);
    expect(foreignSheets(late.shadow)).toHaveLength(1);
    expectRegistryAgrees(highlighter);
    highlighter.stop();
    expect(late.shadow.adoptedStyleSheets).toEqual([]);
    expect(registeredHighlights()).toEqual(new Map());
    expect(late.paragraph.childNodes).toHaveLength(1);
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
    expect(shadowMarkTexts(highlighter, late.shadow)).toEqual(['nvidia:Nvidia']);
    expect(markTexts(highlighter)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
  });

  it('follows changes inside a shadow root: new text, rewritten text, removed mentions', async () => {
    const open = shadowHost('open', 'At first nothing.');
    page('').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(highlighter.mentions()).toEqual([]);

    const added = document.createElement('p');
    added.textContent = 'Then Salt Typhoon.';
    open.shadow.append(added);
    await highlighter.idle();
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['salt-typhoon:Salt Typhoon']);

    open.paragraph.firstChild!.textContent = 'Now MSS.';
    await highlighter.idle();
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['mss:MSS', 'salt-typhoon:Salt Typhoon']);

    // The page replaces a painted paragraph's text: its mention goes, its new text is read.
    added.textContent = 'Rewritten with Nvidia.';
    await highlighter.idle();
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['mss:MSS', 'nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
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
    expect(markTexts(highlighter)).toEqual(['nvidia:Nvidia']);
    expectRegistryAgrees(highlighter);
    expect(open.paragraph.textContent).toBe('Gone MSS.');
  });

  it('takes the mentions out when the host becomes hidden, and back when it is shown', async () => {
    const open = shadowHost('open', 'Toggled MSS.');
    page('').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['mss:MSS']);

    open.host.hidden = true;
    await highlighter.idle();
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual([]);
    expect(registeredHighlights()).toEqual(new Map());

    open.host.hidden = false;
    await highlighter.idle();
    expect(shadowMarkTexts(highlighter, open.shadow)).toEqual(['mss:MSS']);
    expectRegistryAgrees(highlighter);
  });

  it('paints shadow-root mentions through the same registry, so setStyle moves them with the rest', async () => {
    const open = shadowHost('open', 'Styled MSS.');
    page('<p>Light Nvidia.</p>').append(open.host);
    const highlighter = track(highlighterFor(document).highlighter);
    await highlighter.start();
    const sheets = [...open.shadow.adoptedStyleSheets];
    expect(sheets).toHaveLength(1);
    expectRegistryAgrees(highlighter, 'background');

    highlighter.setStyle('underline');
    expectRegistryAgrees(highlighter, 'underline');
    const underlined = registeredHighlights('backstory-look-underline').get('backstory-look-underline') ?? [];
    expect(underlined.map((range) => range.startContainer.getRootNode())).toEqual([document, open.shadow]);
    // The adopted rules paint both looks: the root's sheets are left as they were.
    expect(open.shadow.adoptedStyleSheets).toEqual(sheets);
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
    expect(shadowMarkTexts(highlighter, shadow)).toEqual(['nvidia:Nvidia']);
    // From then on it is followed.
    paragraph.append(' And Salt Typhoon.');
    await highlighter.idle();
    expect(shadowMarkTexts(highlighter, shadow)).toEqual(['nvidia:Nvidia', 'salt-typhoon:Salt Typhoon']);
    expectRegistryAgrees(highlighter);
  });
});

function mentionCount(highlighter: Highlighter): number {
  return highlighter.mentions().length;
}

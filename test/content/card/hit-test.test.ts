// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOnMention, mentionAtPoint } from '../../../src/content/card/hit-test';
import { box, installLayout, placeRange } from './support/layout';
import { TestMentions, buildPage, pointOn } from './support/page';

type CaretPosition = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;

/** Gives the document a caretPositionFromPoint (happy-dom has none). */
function caretPosition(find: CaretPosition): void {
  Object.defineProperty(document, 'caretPositionFromPoint', { configurable: true, writable: true, value: find });
}

/** Gives the document a caretRangeFromPoint (happy-dom has none). */
function caretRange(find: (x: number, y: number) => Range | null): void {
  Object.defineProperty(document, 'caretRangeFromPoint', { configurable: true, writable: true, value: find });
}

let layout: ReturnType<typeof installLayout> | undefined;

beforeEach(() => {
  layout = installLayout();
});

afterEach(() => {
  layout?.uninstall();
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
  Reflect.deleteProperty(document, 'caretRangeFromPoint');
  vi.restoreAllMocks();
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('with highlightsFromPoint (Chromium)', () => {
  it('finds the mention whose range is under the point, for every piece of a split name', () => {
    const { mss1, salt, mss2, painting } = buildPage();
    for (const mention of [mss1, salt, mss2]) {
      for (let piece = 0; piece < mention.ranges.length; piece++) {
        const { x, y } = pointOn(mention, piece);
        expect(mentionAtPoint(document, x, y, painting.mentionAt)).toBe(mention);
      }
    }
    expect(mentionAtPoint(document, 50, 500, painting.mentionAt)).toBeUndefined();
  });

  it("looks past the page's own highlights at the point to a mention under them", () => {
    const { mss1, link, painting } = buildPage();
    const range = new Range();
    range.setStart(link.firstChild!, 0);
    range.setEnd(link.firstChild!, 3);
    placeRange(range, box(0, 100, 600, 20));
    // Registered first, so its hit comes first.
    const registry = CSS.highlights as unknown as Map<string, unknown>;
    const ours = [...registry.entries()];
    registry.clear();
    CSS.highlights.set('page-search', new Highlight(range));
    for (const [name, highlight] of ours) registry.set(name, highlight);
    expect(mentionAtPoint(document, 300, 110, painting.mentionAt)).toBe(mss1);
  });

  it('asks with the shadow roots it is given', () => {
    const { painting } = buildPage();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    mentionAtPoint(document, 1, 1, painting.mentionAt, [shadow]);
    expect(layout!.calls).toEqual([{ x: 1, y: 1, shadowRoots: [shadow] }]);
  });
});

describe('without highlightsFromPoint (Firefox): the caret position, confirmed by the boxes', () => {
  beforeEach(() => layout!.uninstall());

  it('finds the mention at the caret when the point is on one of its boxes', () => {
    const { mss2, painting } = buildPage();
    const text = mss2.from.node;
    const caret = vi.fn<CaretPosition>(() => ({ offsetNode: text, offset: mss2.from.offset + 1 }));
    caretPosition(caret);
    const { x, y } = pointOn(mss2);
    expect(mentionAtPoint(document, x, y, painting.mentionAt)).toBe(mss2);
    expect(caret).toHaveBeenCalledWith(x, y, { shadowRoots: [] });
  });

  it('finds nothing when the caret is by a mention but the point is off its boxes (blank space past a line end)', () => {
    const { mss2, painting } = buildPage();
    caretPosition(() => ({ offsetNode: mss2.from.node, offset: mss2.to.offset }));
    expect(mentionAtPoint(document, 700, 310, painting.mentionAt)).toBeUndefined();
  });

  it('finds nothing at a caret in an element or outside any mention', () => {
    const { mss2, paragraph, painting } = buildPage();
    caretPosition(() => ({ offsetNode: paragraph, offset: 0 }));
    expect(mentionAtPoint(document, ...xy(pointOn(mss2)), painting.mentionAt)).toBeUndefined();
    caretPosition(() => ({ offsetNode: mss2.from.node, offset: 1 }));
    expect(mentionAtPoint(document, ...xy(pointOn(mss2)), painting.mentionAt)).toBeUndefined();
    caretPosition(() => null);
    expect(mentionAtPoint(document, ...xy(pointOn(mss2)), painting.mentionAt)).toBeUndefined();
  });

  it('falls back to caretRangeFromPoint where caretPositionFromPoint is missing', () => {
    const { salt, em, painting } = buildPage();
    caretRange(() => {
      const range = new Range();
      range.setStart(em.firstChild!, 2);
      return range;
    });
    expect(mentionAtPoint(document, ...xy(pointOn(salt, 1)), painting.mentionAt)).toBe(salt);
  });
});

describe('isOnMention', () => {
  it('is true exactly inside (or on the edge of) one of the boxes of its pieces', () => {
    const painting = new TestMentions();
    const paragraph = document.createElement('p');
    paragraph.append('Salt ', Object.assign(document.createElement('em'), { textContent: 'Typhoon' }));
    document.body.append(paragraph);
    const mention = painting.paint('salt-typhoon', [[paragraph.firstChild as Text, 'Salt '], [paragraph.lastChild!.firstChild as Text, 'Typhoon']], 1);
    // Pieces at x 0–300 and 300–600, y 100–120.
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 650 }), fc.integer({ min: 50, max: 170 }), (x, y) => {
        expect(isOnMention(mention, x, y)).toBe(x >= 0 && x <= 600 && y >= 100 && y <= 120);
      }),
    );
  });
});

function xy(point: { x: number; y: number }): [number, number] {
  return [point.x, point.y];
}

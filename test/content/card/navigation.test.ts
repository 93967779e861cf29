// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isInViewport, isVisibleMention, neighbourMention } from '../../../src/content/card/navigation';
import type { PaintedMention } from '../../../src/content/highlighter';
import { box, installLayout, placeRange } from './support/layout';
import { TestMentions } from './support/page';

let layout: ReturnType<typeof installLayout> | undefined;

beforeEach(() => {
  layout = installLayout();
});

afterEach(() => {
  layout?.uninstall();
  vi.restoreAllMocks();
  CSS.highlights.clear();
  document.body.replaceChildren();
});

const always = () => true;

/**
 * A paragraph per mention; mention i is split over `parts[i]` inline elements (one piece each),
 * all painted and laid out on row i + 1.
 */
function page(parts: readonly number[]) {
  const painting = new TestMentions();
  const mentions = parts.map((count, index) => {
    const paragraph = document.createElement('p');
    const texts = Array.from({ length: count }, (_, piece) => {
      const span = document.createElement('span');
      span.append(`part${piece}`);
      return span;
    });
    paragraph.append('text ', ...texts, ' more');
    document.body.append(paragraph);
    return painting.paint(
      'mss',
      texts.map((span, piece) => [span.firstChild as Text, `part${piece}`]),
      index + 1,
    );
  });
  return { painting, mentions };
}

describe('neighbourMention', () => {
  it('starts at the first mention going forward and the last going back', () => {
    const { mentions } = page([1, 1, 1]);
    expect(neighbourMention(mentions, null, 1, always)).toBe(mentions[0]);
    expect(neighbourMention(mentions, null, -1, always)).toBe(mentions[2]);
    expect(neighbourMention([], null, 1, always)).toBeUndefined();
  });

  it('from mention i goes to mention i±1, wrapping, however many pieces each has', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 12 }), fc.nat(), (parts, seed) => {
        document.body.replaceChildren();
        const { mentions } = page(parts);
        const n = mentions.length;
        const i = seed % n;
        expect(neighbourMention(mentions, mentions[i]!, 1, always)).toBe(mentions[(i + 1) % n]);
        expect(neighbourMention(mentions, mentions[i]!, -1, always)).toBe(mentions[(i - 1 + n) % n]);
      }),
    );
  });

  it('steps over mentions that cannot be seen, in either direction, and finds none when none can', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), fc.nat(), fc.constantFrom<1 | -1>(1, -1), (visibility, seed, direction) => {
        document.body.replaceChildren();
        const { mentions } = page(visibility.map(() => 1));
        const visible = (mention: PaintedMention) => visibility[mentions.indexOf(mention)] === true;
        const n = mentions.length;
        const from = seed % n;
        let expected: PaintedMention | undefined;
        for (let step = 1; step <= n; step++) {
          const candidate = mentions[(((from + direction * step) % n) + n) % n]!;
          if (candidate !== mentions[from] && visible(candidate)) {
            expected = candidate;
            break;
          }
        }
        expect(neighbourMention(mentions, mentions[from]!, direction, visible)).toBe(expected);
      }),
    );
  });

  it('treats a reference that has left the page as no reference going forward', () => {
    const { mentions } = page([1, 1, 1]);
    const gone = new TestMentions();
    const detached = document.createElement('p');
    detached.append('MSS');
    const lost = gone.paint('mss', [[detached.firstChild as Text, 'MSS']], 9);
    expect(neighbourMention(mentions, lost, 1, always)).toBe(mentions[0]);
  });

  it('treats a reference that has left the page as no reference going back', () => {
    const { mentions } = page([1, 1, 1]);
    const gone = new TestMentions();
    const detached = document.createElement('p');
    detached.append('MSS');
    const lost = gone.paint('mss', [[detached.firstChild as Text, 'MSS']], 9);
    expect(neighbourMention(mentions, lost, -1, always)).toBe(mentions[2]);
  });

  it('uses isVisibleMention by default: a mention without a box is stepped over', () => {
    const { mentions } = page([1, 1, 1]);
    placeRange(mentions[1]!.ranges[0]!, null);
    expect(neighbourMention(mentions, mentions[0]!, 1)).toBe(mentions[2]);
    expect(neighbourMention(mentions, mentions[2]!, -1)).toBe(mentions[0]);
  });
});

describe('isVisibleMention', () => {
  function paintIn(container: HTMLElement, text = 'Nvidia'): PaintedMention {
    const paragraph = document.createElement('p');
    paragraph.append(`About ${text}`);
    container.append(paragraph);
    return new TestMentions().paint('nvidia', [[paragraph.firstChild as Text, text]], 1);
  }

  it('is true for a rendered mention with a box', () => {
    expect(isVisibleMention(paintIn(document.body))).toBe(true);
  });

  it('is false for a mention without a box of any size', () => {
    const mention = paintIn(document.body);
    placeRange(mention.ranges[0]!, null);
    expect(isVisibleMention(mention)).toBe(false);
    placeRange(mention.ranges[0]!, box(10, 10, 0, 20));
    expect(isVisibleMention(mention)).toBe(false);
  });

  it('is false inside display:none or visibility:hidden, even with a box', () => {
    const none = document.createElement('div');
    none.style.display = 'none';
    const hiddenVisibility = document.createElement('div');
    hiddenVisibility.style.visibility = 'hidden';
    document.body.append(none, hiddenVisibility);
    expect(isVisibleMention(paintIn(none))).toBe(false);
    expect(isVisibleMention(paintIn(hiddenVisibility))).toBe(false);
  });

  it('is false inside a closed <details> except in its summary, and true once it opens', () => {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    details.append(summary);
    document.body.append(details);
    const inSummary = paintIn(summary);
    const folded = paintIn(details);
    expect(isVisibleMention(inSummary)).toBe(true);
    expect(isVisibleMention(folded)).toBe(false);
    details.open = true;
    expect(isVisibleMention(folded)).toBe(true);
  });

  it('is false for a mention whose text left the page', () => {
    const mention = paintIn(document.body);
    mention.from.node.parentElement!.remove();
    expect(isVisibleMention(mention)).toBe(false);
  });
});

describe('isInViewport', () => {
  it('is true only when the first piece lies wholly inside the viewport', () => {
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(800);
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(600);
    const { mentions } = page([1]);
    const range = mentions[0]!.ranges[0]!;
    placeRange(range, box(10, 100, 40, 20));
    expect(isInViewport(mentions[0]!)).toBe(true);
    placeRange(range, box(10, 590, 40, 20));
    expect(isInViewport(mentions[0]!)).toBe(false);
    placeRange(range, box(-5, 100, 40, 20));
    expect(isInViewport(mentions[0]!)).toBe(false);
    placeRange(range, box(780, 100, 40, 20));
    expect(isInViewport(mentions[0]!)).toBe(false);
  });
});

describe('across shadow roots', () => {
  /** <p>MSS</p> <div host>[open shadow: <p>MSS</p>]</div> <p>MSS</p>, painted in that order's reverse. */
  function shadowPage() {
    const painting = new TestMentions();
    const first = document.createElement('p');
    first.append('MSS');
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    inner.append('MSS');
    shadow.append(inner);
    const last = document.createElement('p');
    last.append('MSS');
    document.body.append(first, host, last);
    const after = painting.paint('mss', [[last.firstChild as Text, 'MSS']], 3);
    const inShadow = painting.paint('mss', [[inner.firstChild as Text, 'MSS']], 2);
    const before = painting.paint('mss', [[first.firstChild as Text, 'MSS']], 1);
    return { painting, before, inShadow, after };
  }

  it('orders a mention in a shadow root where its host is', () => {
    const { painting, before, inShadow, after } = shadowPage();
    expect(painting.mentions()).toEqual([before, inShadow, after]);
  });

  it('goes from a mention in a shadow root to the ones either side of its host', () => {
    const { before, inShadow, after } = shadowPage();
    const mentions = [before, inShadow, after];
    expect(neighbourMention(mentions, inShadow, 1, always)).toBe(after);
    expect(neighbourMention(mentions, inShadow, -1, always)).toBe(before);
    expect(neighbourMention(mentions, after, -1, always)).toBe(inShadow);
    expect(neighbourMention(mentions, before, 1, always)).toBe(inShadow);
  });
});

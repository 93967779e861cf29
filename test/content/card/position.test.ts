// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computePosition } from '@floating-ui/dom';
import { CardView } from '../../../src/content/card/card-view';
import { followMention } from '../../../src/content/card/position';
import { box, installLayout, placeRange } from './support/layout';
import { TestMentions } from './support/page';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../shared/settings/fake-browser')).createFakeBrowser() }));
vi.mock('@floating-ui/dom', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@floating-ui/dom')>();
  return { ...actual, computePosition: vi.fn(actual.computePosition) };
});

let stop: (() => void) | undefined;
let layout: ReturnType<typeof installLayout> | undefined;

beforeEach(() => {
  layout = installLayout();
});

afterEach(() => {
  stop?.();
  stop = undefined;
  layout?.uninstall();
  vi.mocked(computePosition).mockClear();
  vi.restoreAllMocks();
  CSS.highlights.clear();
  document.documentElement.querySelector('backstory-ui')?.remove();
  document.body.replaceChildren();
});

/**
 * A mention of Salt Typhoon split over an <em>, its first piece at (100, 50), 40 × 20 px and its
 * second at (140, 50) (happy-dom lays nothing out), with its card open and following it.
 */
function openCardBeside() {
  const paragraph = document.createElement('p');
  const em = document.createElement('em');
  em.append('Typhoon');
  paragraph.append('The Salt ', em, ' campaign');
  document.body.append(paragraph);
  const mention = new TestMentions().paint('salt-typhoon', [[paragraph.firstChild as Text, 'Salt '], [em.firstChild as Text, 'Typhoon']], 1);
  const [first, second] = mention.ranges;
  placeRange(first!, box(100, 50, 40, 20));
  placeRange(second!, box(140, 50, 60, 20));
  const view = new CardView(document);
  view.attachTo(document.documentElement);
  view.show('light');
  const lost = vi.fn();
  stop = followMention(mention, view, lost);
  return { mention, paragraph, first: first!, second: second!, view, lost };
}

/** Lets the positioning's promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('following the mention', () => {
  it('anchors to the first piece, places the card at once, and computes again only when something it depends on moved', async () => {
    const { first, view } = openCardBeside();
    await settle();
    const placed = vi.mocked(computePosition).mock.calls.length;
    expect(placed).toBe(1);
    expect(view.card.style.left).toBe('100px');

    // Observers and scrolls that change nothing (an unrelated scroller, a first report) cost no placement.
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(vi.mocked(computePosition).mock.calls.length).toBe(placed);

    placeRange(first, box(160, 50, 40, 20));
    document.dispatchEvent(new Event('scroll'));
    await settle();
    expect(vi.mocked(computePosition).mock.calls.length).toBe(placed + 1);
    expect(view.card.style.left).toBe('160px');
    expect(view.card.style.visibility).toBe('');
  });

  it('places the card below the first piece when there is room, above it when there is not', async () => {
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(800);
    const height = vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(600);
    const { first, view } = openCardBeside();
    await settle();
    // Below the piece's bottom (50 + 20), beyond the offset.
    expect(parseFloat(view.card.style.top)).toBeGreaterThan(70);

    height.mockReturnValue(72);
    placeRange(first, box(100, 50, 41, 20));
    document.dispatchEvent(new Event('scroll'));
    await settle();
    expect(parseFloat(view.card.style.top)).toBeLessThan(50);
  });

  it('lets go of a mention whose text the page removed', async () => {
    const { paragraph, lost } = openCardBeside();
    await settle();
    expect(lost).not.toHaveBeenCalled();
    paragraph.remove();
    document.dispatchEvent(new Event('scroll'));
    expect(lost).toHaveBeenCalled();
  });

  it('lets go of a mention whose text the page rewrote (its range collapsed)', async () => {
    const { paragraph, lost } = openCardBeside();
    await settle();
    // A browser collapses every range in a node whose data is replaced; happy-dom only clamps
    // offsets to the new length, so the new text is shorter than where the mention started.
    (paragraph.firstChild as Text).data = 'Now';
    window.dispatchEvent(new Event('resize'));
    expect(lost).toHaveBeenCalled();
  });

  it('stops listening when stopped', async () => {
    const { first, lost } = openCardBeside();
    await settle();
    stop!();
    stop = undefined;
    const placed = vi.mocked(computePosition).mock.calls.length;
    placeRange(first, box(300, 50, 40, 20));
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(vi.mocked(computePosition).mock.calls.length).toBe(placed);
    expect(lost).not.toHaveBeenCalled();
  });
});

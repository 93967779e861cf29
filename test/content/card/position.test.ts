// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computePosition } from '@floating-ui/dom';
import { CardView } from '../../../src/content/card/card-view';
import { followMention } from '../../../src/content/card/position';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../shared/settings/fake-browser')).createFakeBrowser() }));
vi.mock('@floating-ui/dom', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@floating-ui/dom')>();
  return { ...actual, computePosition: vi.fn(actual.computePosition) };
});

let stop: (() => void) | undefined;

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.mocked(computePosition).mockClear();
  vi.restoreAllMocks();
  document.documentElement.querySelector('backstory-ui')?.remove();
  document.body.replaceChildren();
});

function rect(x: number, y: number): DOMRect {
  return { x, y, left: x, top: y, right: x + 40, bottom: y + 20, width: 40, height: 20, toJSON: () => ({}) } as DOMRect;
}

/** A mark at (100, 50), 40 × 20 px (happy-dom lays nothing out), with its card open and following it. */
function openCardBeside() {
  const mark = document.createElement('mark');
  mark.textContent = 'MSS';
  document.body.append(mark);
  const box = vi.spyOn(mark, 'getBoundingClientRect').mockReturnValue(rect(100, 50));
  const view = new CardView(document);
  view.attachTo(document.documentElement);
  view.show('light');
  const lost = vi.fn();
  stop = followMention(mark, view, lost);
  return { mark, box, view, lost };
}

/** Lets the positioning's promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('following the mention', () => {
  it('places the card at once, and computes again only when something it depends on moved', async () => {
    const { box, view } = openCardBeside();
    await settle();
    const placed = vi.mocked(computePosition).mock.calls.length;
    expect(placed).toBe(1);
    expect(view.card.style.left).toBe('100px');

    // Observers and scrolls that change nothing (an unrelated scroller, a first report) cost no placement.
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(vi.mocked(computePosition).mock.calls.length).toBe(placed);

    box.mockReturnValue(rect(160, 50));
    document.dispatchEvent(new Event('scroll'));
    await settle();
    expect(vi.mocked(computePosition).mock.calls.length).toBe(placed + 1);
    expect(view.card.style.left).toBe('160px');
    expect(view.card.style.visibility).toBe('');
  });

  it('lets go of a mention the page removed', async () => {
    const { mark, lost } = openCardBeside();
    await settle();
    mark.remove();
    document.dispatchEvent(new Event('scroll'));
    expect(lost).toHaveBeenCalled();
  });
});

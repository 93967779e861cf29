/**
 * A layout for happy-dom, which has none: ranges get the boxes a test gives them
 * (`Range.prototype.getClientRects` and `getBoundingClientRect` read them; a range without one
 * has no box, as in a browser for text that is not rendered), and the fake highlight registry
 * gets a `highlightsFromPoint(x, y)` that answers from those boxes, as Chromium's does.
 */
import '../../support/highlight-api';
import { vi } from 'vitest';

const boxes = new WeakMap<AbstractRange, DOMRect>();

export function box(x: number, y: number, width: number, height: number): DOMRect {
  return { x, y, left: x, top: y, right: x + width, bottom: y + height, width, height, toJSON: () => ({}) } as DOMRect;
}

/** Gives a range its one box (a range on one line), or takes it away with null. */
export function placeRange(range: AbstractRange, rect: DOMRect | null): void {
  if (rect) boxes.set(range, rect);
  else boxes.delete(range);
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

interface Registry extends Map<string, Set<AbstractRange>> {
  highlightsFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): Array<{ highlight: Set<AbstractRange>; ranges: AbstractRange[] }>;
}

function registry(): Registry {
  return CSS.highlights as unknown as Registry;
}

/**
 * Installs the fake layout; `vi.restoreAllMocks()` takes the Range stubs back, `uninstall()`
 * takes highlightsFromPoint away. `calls` records each hit test's arguments.
 */
export function installLayout() {
  const calls: Array<{ x: number; y: number; shadowRoots: ShadowRoot[] }> = [];
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const rect = boxes.get(this);
    return (rect ? [rect] : []) as unknown as DOMRectList;
  });
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    return boxes.get(this) ?? box(0, 0, 0, 0);
  });
  registry().highlightsFromPoint = (x, y, options) => {
    calls.push({ x, y, shadowRoots: options?.shadowRoots ?? [] });
    const hits: Array<{ highlight: Set<AbstractRange>; ranges: AbstractRange[] }> = [];
    for (const highlight of registry().values()) {
      const ranges = [...highlight].filter((range) => {
        const rect = boxes.get(range);
        return rect !== undefined && contains(rect, x, y);
      });
      if (ranges.length > 0) hits.push({ highlight, ranges });
    }
    return hits;
  };
  return {
    calls,
    uninstall(): void {
      delete registry().highlightsFromPoint;
    },
  };
}

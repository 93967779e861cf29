import { describe, expect, it } from 'vitest';
import type { FormFinder } from '../../../src/shared/matcher/form-finder';
import { switchingFinder } from '../../../src/shared/matcher/switching-finder';

/** A finder over fixed hits, which says how often it was made. */
function fixedFinder(hits: Array<[number, number]>, made: { count: number }): () => FormFinder {
  return () => {
    made.count++;
    const finder: FormFinder = {
      hitStart: -1,
      hitEnd: -1,
      find(_text, from) {
        const hit = hits.find(([start]) => start >= from);
        if (!hit) return false;
        [finder.hitStart, finder.hitEnd] = hit;
        return true;
      },
    };
    return finder;
  };
}

describe('switchingFinder', () => {
  const hits: Array<[number, number]> = [[0, 2], [5, 7], [10, 12], [20, 22]];

  it('makes nothing until asked, walks first, and makes the fast finder only after enough hits', () => {
    const cheap = { count: 0 };
    const fast = { count: 0 };
    const finder = switchingFinder(fixedFinder(hits, cheap), fixedFinder(hits, fast), 2);
    expect(cheap.count + fast.count).toBe(0);
    const found: Array<[number, number]> = [];
    for (let from = 0; finder.find('x'.repeat(30), from); from = finder.hitEnd) found.push([finder.hitStart, finder.hitEnd]);
    expect(found).toEqual(hits);
    expect(cheap.count).toBe(1);
    expect(fast.count).toBe(1);
  });

  it('never makes the fast finder on a page with few hits', () => {
    const fast = { count: 0 };
    const finder = switchingFinder(fixedFinder(hits, { count: 0 }), fixedFinder(hits, fast), 64);
    for (let from = 0; finder.find('x'.repeat(30), from); from = finder.hitEnd);
    expect(fast.count).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { median, ratio, spread } from '../../../scripts/bench/stats';

describe('stats', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('spreads only measured values', () => {
    expect(spread([3, null, 1, Number.NaN, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
    expect(spread([null])).toBeNull();
  });

  it('gives no ratio for missing values or a zero divisor', () => {
    expect(ratio(6, 3)).toBe(2);
    expect(ratio(6, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
  });
});

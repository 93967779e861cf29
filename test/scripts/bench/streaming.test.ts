import { describe, expect, it } from 'vitest';
import { streamCost } from '../../../scripts/bench/streaming';
import { attribute } from '../../../scripts/bench/trace';

/** Appends every 50 ms (µs on the trace clock), each followed by `costOf(i)` µs of our work. */
function stream(count: number, costOf: (index: number) => number) {
  const appendTimes = Array.from({ length: count }, (_, index) => index * 50_000);
  const intervals = appendTimes.map((ts, index) => ({ ts: ts + 1_000, dur: costOf(index) }));
  return { appendTimes, attribution: attribute(intervals, []), endTs: count * 50_000 };
}

describe('streamCost', () => {
  it('gives the cost per paragraph and a growth near 1 when work stays flat', () => {
    const { appendTimes, attribution, endTs } = stream(40, () => 300);
    const cost = streamCost(attribution, appendTimes, endTs);
    expect(cost.paragraphs).toBe(40);
    expect(cost.perParagraphMs).toBeCloseTo(0.3, 6);
    expect(cost.quarterPerParagraphMs).toEqual([0.3, 0.3, 0.3, 0.3].map((value) => expect.closeTo(value, 6)));
    expect(cost.growth).toBeCloseTo(1, 6);
  });

  it('shows a rescan per append as growth', () => {
    const { appendTimes, attribution, endTs } = stream(40, (index) => 100 * (index + 1));
    expect(streamCost(attribution, appendTimes, endTs).growth).toBeGreaterThan(5);
  });

  it('has nothing to say without appends', () => {
    expect(streamCost(attribute([], []), [], 0)).toEqual({ paragraphs: 0, perParagraphMs: null, quarterPerParagraphMs: [], growth: null });
  });
});

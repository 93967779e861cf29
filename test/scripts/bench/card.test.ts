import { describe, expect, it } from 'vitest';
import { splitCardTiming } from '../../../scripts/bench/card';

describe('splitCardTiming', () => {
  it('splits intent → painted where the frame with the card began', () => {
    const split = splitCardTiming({ intentAt: 1000, frameAt: 1012.5, paintedAt: 1017, frameIntervalMs: 16.7 });
    expect(split.intentToPaintMs).toBeCloseTo(17, 6);
    expect(split.intentToFrameMs).toBeCloseTo(12.5, 6);
    expect(split.frameToPaintMs).toBeCloseTo(4.5, 6);
    expect(split.inFirstFrame).toBe(true);
  });

  it('says when a frame began between intent and the card (the work missed it)', () => {
    expect(splitCardTiming({ intentAt: 1000, frameAt: 1020, paintedAt: 1024, frameIntervalMs: 16.7 }).inFirstFrame).toBe(false);
  });

  it('has no intent figures when the build left no mark', () => {
    const split = splitCardTiming({ intentAt: null, frameAt: 1000, paintedAt: 1004, frameIntervalMs: 16.7 });
    expect(split).toEqual({ intentToPaintMs: null, intentToFrameMs: null, frameToPaintMs: 4, inFirstFrame: false });
  });
});

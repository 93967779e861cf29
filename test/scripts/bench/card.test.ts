import { describe, expect, it } from 'vitest';
import { splitCardTiming } from '../../../scripts/bench/card';

describe('splitCardTiming', () => {
  it('splits intent → painted where the frame with the card began', () => {
    const split = splitCardTiming({ arrivedAt: 600, intentAt: 1000, frameAt: 1012.5, paintedAt: 1017, frameIntervalMs: 16.7 });
    expect(split.arrivalToPaintMs).toBeCloseTo(417, 6);
    expect(split.intentToPaintMs).toBeCloseTo(17, 6);
    expect(split.intentToFrameMs).toBeCloseTo(12.5, 6);
    expect(split.frameToPaintMs).toBeCloseTo(4.5, 6);
    expect(split.inFirstFrame).toBe(true);
  });

  it('says when a frame began between intent and the card (the work missed it)', () => {
    expect(splitCardTiming({ arrivedAt: 600, intentAt: 1000, frameAt: 1020, paintedAt: 1024, frameIntervalMs: 16.7 }).inFirstFrame).toBe(false);
  });

  it('has no wait when intent fired inside the frame that paints the card', () => {
    const split = splitCardTiming({ arrivedAt: 600, intentAt: 1000.2, frameAt: 1000, paintedAt: 1010, frameIntervalMs: 16.7 });
    expect(split.intentToFrameMs).toBe(0);
    expect(split.frameToPaintMs).toBeCloseTo(10, 6);
    expect(split.intentToPaintMs).toBeCloseTo(9.8, 6);
    expect(split.inFirstFrame).toBe(true);
  });

  it('has no intent figures when the build left no mark', () => {
    const split = splitCardTiming({ arrivedAt: null, intentAt: null, frameAt: 1000, paintedAt: 1004, frameIntervalMs: 16.7 });
    expect(split).toEqual({ arrivalToPaintMs: null, intentToPaintMs: null, intentToFrameMs: null, frameToPaintMs: 4, inFirstFrame: false });
  });
});

import { describe, expect, it } from 'vitest';
import { PointerSpeed } from '../../../src/content/card/hover-intent';

describe('PointerSpeed', () => {
  it('measures px/ms between successive samples', () => {
    const speed = new PointerSpeed();
    expect(speed.sample(0, 0, 0)).toBe(0);
    expect(speed.sample(3, 4, 10)).toBeCloseTo(0.5);
    expect(speed.sample(3, 4, 20)).toBe(0);
  });

  it('treats movement in no time as infinitely fast, and starts over after reset', () => {
    const speed = new PointerSpeed();
    speed.sample(0, 0, 5);
    expect(speed.sample(10, 0, 5)).toBe(Infinity);
    speed.reset();
    expect(speed.sample(100, 100, 6)).toBe(0);
  });
});

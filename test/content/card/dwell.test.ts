// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDwell } from '../../../src/content/card/dwell';
import { CARD_DWELL_TIMER_LEAD_MS } from '../../../src/shared/constants';

/** Fake frames begin every 16 ms, and callbacks are handed the frame's time. */
const FRAME_MS = 16;

/** A document whose timeline reads `currentTime`, as a frame's callbacks see it. */
const documentAt = (currentTime: number | null) => ({ timeline: { currentTime } }) as unknown as Document;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Runs fake time forward to the next frame's callbacks; returns that frame's time, as they are handed it. */
function toNextFrame(): number {
  let time = Number.NaN;
  requestAnimationFrame((frameTime) => {
    time = frameTime;
  });
  for (let waited = 0; Number.isNaN(time) && waited < 2 * FRAME_MS; waited++) vi.advanceTimersByTime(1);
  if (Number.isNaN(time)) throw new Error('no frame came');
  return time;
}

describe('startDwell', () => {
  it('ends in the frame that begins a whole dwell after the frame it started in, and hands over that frame', () => {
    const started = toNextFrame();
    const elapsed = vi.fn();
    startDwell(documentAt(started), 25 * FRAME_MS, elapsed);
    vi.advanceTimersByTime(25 * FRAME_MS - 1);
    expect(elapsed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    // A timer set for the dwell would fire now, just after this frame began, and the card would
    // wait for the next one; the dwell ends inside this frame instead.
    expect(elapsed).toHaveBeenCalledTimes(1);
    expect(elapsed).toHaveBeenCalledWith(started + 25 * FRAME_MS);
  });

  it('sleeps through the frames before its last ones (a timer, not a callback every frame)', () => {
    const started = toNextFrame();
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    startDwell(documentAt(started), 25 * FRAME_MS, () => undefined);
    vi.advanceTimersByTime(25 * FRAME_MS - CARD_DWELL_TIMER_LEAD_MS - 1);
    expect(frame).not.toHaveBeenCalled();
    vi.advanceTimersByTime(CARD_DWELL_TIMER_LEAD_MS + 1);
    expect(frame.mock.calls.length).toBeGreaterThan(0);
    expect(frame.mock.calls.length).toBeLessThanOrEqual(Math.ceil(CARD_DWELL_TIMER_LEAD_MS / FRAME_MS) + 1);
  });

  it('ends in the first frame to begin once a dwell that is no whole number of frames is over', () => {
    const started = toNextFrame();
    const elapsed = vi.fn();
    startDwell(documentAt(started), 1000, elapsed);
    vi.advanceTimersByTime(1000);
    expect(elapsed).not.toHaveBeenCalled();
    const frameTime = toNextFrame();
    expect(elapsed).toHaveBeenCalledWith(frameTime);
    expect(frameTime - started).toBeGreaterThanOrEqual(1000);
    expect(frameTime - started).toBeLessThan(1000 + FRAME_MS);
  });

  it('counts from now where the document has no frame time', () => {
    toNextFrame();
    vi.advanceTimersByTime(5);
    const started = performance.now();
    const elapsed = vi.fn();
    startDwell(documentAt(null), 400, elapsed);
    vi.advanceTimersByTime(400 - 1);
    expect(elapsed).not.toHaveBeenCalled();
    const frameTime = toNextFrame();
    expect(elapsed).toHaveBeenCalledWith(frameTime);
    expect(frameTime - started).toBeGreaterThanOrEqual(400);
  });

  it('does not end once cancelled, in its timer or in its frames', () => {
    for (const cancelAfter of [10, 25 * FRAME_MS - CARD_DWELL_TIMER_LEAD_MS + 1]) {
      const started = toNextFrame();
      const elapsed = vi.fn();
      const cancel = startDwell(documentAt(started), 25 * FRAME_MS, elapsed);
      vi.advanceTimersByTime(cancelAfter);
      cancel();
      vi.advanceTimersByTime(1000);
      expect(elapsed).not.toHaveBeenCalled();
    }
  });
});

/**
 * The hover dwell, counted in frames. It starts in the frame whose hit test found the pointer on
 * a mention, and ends in the first frame that begins a whole dwell later: the card opens there,
 * at the start of that frame, so it is painted in it. A timer set for the dwell would fire just
 * after that frame began (hit tests run at the start of a frame, and 400 ms is 24 frames at
 * 60 Hz), and the card would wait for the next frame: one frame later on screen. Either way the
 * card is never on screen before the dwell is over.
 */
import { CARD_DWELL_FRAME_SLACK_MS, CARD_DWELL_TIMER_LEAD_MS } from '../../shared/constants';

/** Calls `elapsed` with the frame's time once `ms` have passed in frames; returns the function that cancels. */
export function startDwell(doc: Document, ms: number, elapsed: (frameTime: number) => void): () => void {
  const from = frameTime(doc);
  let frame = 0;
  const inFrame = (now: number) => {
    frame = 0;
    if (now - from >= ms - CARD_DWELL_FRAME_SLACK_MS) elapsed(now);
    else frame = requestAnimationFrame(inFrame);
  };
  // Frames cost a callback each: the timer sleeps through all but the last one or two.
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
    timer = undefined;
    frame = requestAnimationFrame(inFrame);
  }, Math.max(0, ms - CARD_DWELL_TIMER_LEAD_MS));
  return () => {
    clearTimeout(timer);
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}

/** The time of the current frame (or the last one, between frames), as requestAnimationFrame callbacks are given it. */
function frameTime(doc: Document): number {
  const time = doc.timeline?.currentTime;
  return typeof time === 'number' ? time : performance.now();
}

/**
 * Pointer speed, which tells a sweep across the text from a hover (after Wikipedia's Page
 * Previews and 10ten): the card's states (card-states.ts) restart the dwell for a fast pointer.
 */

/** Pointer speed from successive moves, in px/ms, to tell a sweep from a hover. */
export class PointerSpeed {
  private last: { x: number; y: number; t: number } | null = null;

  /** Records a move and returns the speed since the previous one (0 for the first, or no time elapsed and no distance). */
  sample(x: number, y: number, t: number): number {
    const previous = this.last;
    this.last = { x, y, t };
    if (!previous) return 0;
    const distance = Math.hypot(x - previous.x, y - previous.y);
    const elapsed = t - previous.t;
    if (elapsed <= 0) return distance > 0 ? Infinity : 0;
    return distance / elapsed;
  }

  reset(): void {
    this.last = null;
  }
}

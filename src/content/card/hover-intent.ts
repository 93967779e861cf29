/**
 * When a mouse hover means "show me the card", after Wikipedia's Page Previews and 10ten:
 * the pointer must dwell on a mention, a pointer sweeping across the text (fast movement) restarts
 * the dwell, and once the card is open it stays while the pointer is on the mention or the card,
 * closing only after a grace period once it has left both.
 *
 * The machine only decides; the controller opens and closes. Timers use the global setTimeout so
 * the machine runs the same in any context (and under fake timers in tests).
 */

export interface HoverIntentActions<T> {
  /** The pointer has dwelt on this mention long enough. */
  open(mention: T): void;
  /** The pointer left the mention and the card and did not come back in time. */
  close(): void;
  /** Whether the card is already showing for this mention (so hovering it again changes nothing). */
  isShowingFor(mention: T): boolean;
  /** Whether two hover targets are one mention. */
  sameMention(a: T, b: T): boolean;
}

export interface HoverIntentTimings {
  dwellMs: number;
  closeGraceMs: number;
}

export class HoverIntent<T> {
  private dwellTarget: T | null = null;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly actions: HoverIntentActions<T>,
    private readonly timings: HoverIntentTimings,
  ) {}

  setDwell(ms: number): void {
    this.timings.dwellMs = ms;
  }

  /** The pointer entered a mention (from anywhere else). */
  enteredMention(mark: T): void {
    this.cancelClose();
    if (this.actions.isShowingFor(mark)) {
      this.cancelDwell();
      return;
    }
    if (!this.dwellTarget || !this.actions.sameMention(this.dwellTarget, mark)) this.startDwell(mark);
  }

  /**
   * The pointer moved while on a mention; a fast move is a pass-through, so the dwell starts over.
   * Moves never start a dwell by themselves: after Escape the pointer must leave and come back.
   */
  movedOnMention(fast: boolean): void {
    if (fast && this.dwellTarget) this.startDwell(this.dwellTarget);
  }

  /** The pointer is now on the card. */
  enteredCard(): void {
    this.cancelDwell();
    this.cancelClose();
  }

  /** The pointer is now on neither a mention nor the card. */
  leftBoth(): void {
    this.cancelDwell();
    if (this.closeTimer === undefined) {
      this.closeTimer = setTimeout(() => {
        this.closeTimer = undefined;
        this.actions.close();
      }, this.timings.closeGraceMs);
    }
  }

  /** Forget everything pending (the card was closed or opened some other way). */
  reset(): void {
    this.cancelDwell();
    this.cancelClose();
  }

  private startDwell(mark: T): void {
    this.cancelDwell();
    this.dwellTarget = mark;
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = undefined;
      this.dwellTarget = null;
      this.actions.open(mark);
    }, this.timings.dwellMs);
  }

  private cancelDwell(): void {
    clearTimeout(this.dwellTimer);
    this.dwellTimer = undefined;
    this.dwellTarget = null;
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}

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

/**
 * Times the card from inside the page: from hover intent (the `performance.mark` a test-hooks
 * build leaves) to the first frame painted with the card open. "Painted" is a message posted
 * from within that frame: it runs once the frame's style, layout and paint are done. A card
 * opened between frames is painted in the next one, whose requestAnimationFrame callback posts
 * it; a card opened inside a frame's callbacks (the build marks that frame too) is painted in that
 * frame. Each frame's time says when it began, and the next frame's how far apart frames are, so
 * a figure can be split into waiting for a frame and the frame itself.
 */

export interface CardTiming {
  /** The pointer's first move after watching began: its arrival on the mention. */
  arrivedAt: number | null;
  /** The content script's hover-intent mark; null when the build left none. */
  intentAt: number | null;
  /** The first frame with the card open began. */
  frameAt: number;
  /** That frame was painted. */
  paintedAt: number;
  /** From that frame's start to the next one's: the page's frame interval. */
  frameIntervalMs: number;
}

/** The marks a test-hooks build leaves: hover intent, and the frame it fired in, when it fired in one. */
export interface IntentMarks {
  intent: string;
  frame: string;
}

function cardIsOpen(uiTag: string): boolean {
  const card = document.querySelector(uiTag)?.shadowRoot?.querySelector('[role="dialog"]');
  if (!card) return false;
  try {
    if (card.matches(':popover-open')) return true;
  } catch {
    // a browser without the popover API: the card's fallback sets data-shown
  }
  return card.hasAttribute('data-shown');
}

const lastMark = (name: string) => performance.getEntriesByName(name, 'mark').at(-1) ?? null;

/** Starts watching; resolves when a card has been painted open, or null after `timeoutMs`. */
export function watchCard(uiTag: string, marks: IntentMarks, timeoutMs: number): Promise<CardTiming | null> {
  return new Promise((resolve) => {
    let seen = false;
    let arrivedAt: number | null = null;
    const observers: MutationObserver[] = [];
    const watchedRoots = new Set<ShadowRoot>();
    const arrive = (event: Event) => {
      arrivedAt ??= event.timeStamp;
    };
    addEventListener('pointermove', arrive, { capture: true, passive: true });
    const finish = (timing: CardTiming | null) => {
      clearTimeout(timer);
      removeEventListener('pointermove', arrive, { capture: true });
      for (const observer of observers) observer.disconnect();
      resolve(timing);
    };
    /** Called within the frame that paints the card: the message comes once it is painted. */
    const paintedIn = (frameAt: number) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const paintedAt = performance.now();
        const intentAt = lastMark(marks.intent)?.startTime ?? null;
        requestAnimationFrame((nextFrameAt) => finish({ arrivedAt, intentAt, frameAt, paintedAt, frameIntervalMs: nextFrameAt - frameAt }));
      };
      channel.port2.postMessage(null);
    };
    const check = () => {
      if (seen || !cardIsOpen(uiTag)) return;
      seen = true;
      const openedInFrame = lastMark(marks.frame);
      if (openedInFrame) paintedIn(openedInFrame.startTime);
      else requestAnimationFrame(paintedIn);
    };
    const watchHost = () => {
      const root = document.querySelector(uiTag)?.shadowRoot;
      if (!root || watchedRoots.has(root)) return;
      watchedRoots.add(root);
      // showPopover() changes no attribute, so listen for its toggle events as well as mutations.
      root.addEventListener('beforetoggle', () => queueMicrotask(check), true);
      root.addEventListener('toggle', check, true);
      const observer = new MutationObserver(check);
      observer.observe(root, { subtree: true, childList: true, attributes: true });
      observers.push(observer);
    };
    const hostObserver = new MutationObserver(() => {
      watchHost();
      check();
    });
    hostObserver.observe(document.documentElement, { childList: true });
    if (document.body) hostObserver.observe(document.body, { childList: true });
    observers.push(hostObserver);
    const timer = setTimeout(() => finish(null), timeoutMs);
    watchHost();
    check();
  });
}

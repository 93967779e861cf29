/**
 * Times the card from inside the page: from hover intent (the `performance.mark` a test-hooks
 * build leaves) to the first frame painted with the card open. "Painted" is a message posted from
 * a requestAnimationFrame callback: it runs once that frame's style, layout and paint are done.
 * The callback's timestamp is when that frame began, and the next frame's says how far apart
 * frames are: so a figure can be split into waiting for a frame and the frame's own work.
 */

export interface CardTiming {
  /** The content script's hover-intent mark; null when the build left none. */
  intentAt: number | null;
  /** The first frame with the card open began (its requestAnimationFrame timestamp). */
  frameAt: number;
  /** That frame was painted. */
  paintedAt: number;
  /** From that frame's start to the next one's: the page's frame interval. */
  frameIntervalMs: number;
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

/** Starts watching; resolves when a card has been painted open, or null after `timeoutMs`. */
export function watchCard(uiTag: string, intentMarkName: string, timeoutMs: number): Promise<CardTiming | null> {
  return new Promise((resolve) => {
    let seen = false;
    const observers: MutationObserver[] = [];
    const watchedRoots = new Set<ShadowRoot>();
    const finish = (timing: CardTiming | null) => {
      clearTimeout(timer);
      for (const observer of observers) observer.disconnect();
      resolve(timing);
    };
    const check = () => {
      if (seen || !cardIsOpen(uiTag)) return;
      seen = true;
      requestAnimationFrame((frameAt) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const paintedAt = performance.now();
          const intent = performance.getEntriesByName(intentMarkName, 'mark').at(-1);
          requestAnimationFrame((nextFrameAt) => finish({ intentAt: intent ? intent.startTime : null, frameAt, paintedAt, frameIntervalMs: nextFrameAt - frameAt }));
        };
        channel.port2.postMessage(null);
      });
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

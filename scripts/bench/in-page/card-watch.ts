/**
 * Times the card from inside the page: from hover intent (a `performance.mark` the content script
 * may leave in test-hooks builds) or, failing that, the pointer entering the mention, to the first frame painted
 * with the card open, and to the first frame with its content in place (the card opens in a loading
 * state while the background looks the entity up). "Painted" is a message posted from a
 * requestAnimationFrame callback: it runs once that frame's style, layout and paint are done.
 */

export interface CardTiming {
  /** The pointer entered the mention (event time): hover intent's dwell starts here. */
  pointerAt: number | null;
  /** The content script's hover-intent mark, when the build leaves one. */
  intentAt: number | null;
  /** The card element became open (popover shown, or the fallback's data-shown set). */
  shownAt: number;
  /** The first frame with the card open was painted. */
  paintedAt: number;
  /** The first frame with the card's content in place (its loading state, aria-busy, gone) was painted; null if that never came. */
  filledPaintedAt: number | null;
  /** The card's accessible name. */
  label: string | null;
}

function openCard(uiTag: string): Element | null {
  const card = document.querySelector(uiTag)?.shadowRoot?.querySelector('[role="dialog"]');
  if (!card) return null;
  const popoverOpen = (() => {
    try {
      return card.matches(':popover-open');
    } catch {
      return false; // a browser without the popover API
    }
  })();
  return popoverOpen || card.hasAttribute('data-shown') ? card : null;
}

/** The dialog's accessible name as assistive technology would read it: aria-label, else the text aria-labelledby points at. */
function accessibleName(card: Element): string | null {
  const label = card.getAttribute('aria-label');
  if (label) return label;
  const root = card.getRootNode() as Document | ShadowRoot;
  const ids = card.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const text = ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').filter(Boolean).join(' ');
  return text || null;
}

function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/** Starts watching; resolves when a card has been painted open, or null after `timeoutMs`. */
export function watchCard(uiTag: string, intentMarkName: string, timeoutMs: number): Promise<CardTiming | null> {
  return new Promise((resolve) => {
    let pointerAt: number | null = null;
    let shownAt: number | null = null;
    const observers: MutationObserver[] = [];
    const watchedRoots = new Set<ShadowRoot>();
    const onPointer = (event: Event) => {
      if (shownAt === null && pointerAt === null && event.target instanceof Element && event.target.closest('mark[data-entity]')) pointerAt = event.timeStamp;
    };
    document.addEventListener('pointerover', onPointer, true);

    const finish = (timing: CardTiming | null) => {
      clearTimeout(timer);
      document.removeEventListener('pointerover', onPointer, true);
      for (const observer of observers) observer.disconnect();
      resolve(timing);
    };
    let painted: { shownAt: number; paintedAt: number; card: Element } | null = null;
    let filledSeen = false;
    /** The content's frame, when it was painted before the open frame was reported. */
    let pendingFilled: number | null = null;
    const finishWith = (filledPaintedAt: number | null) => {
      if (!painted) return;
      const intent = performance.getEntriesByName(intentMarkName, 'mark').at(-1);
      finish({
        pointerAt,
        intentAt: intent ? intent.startTime : null,
        shownAt: painted.shownAt,
        paintedAt: painted.paintedAt,
        filledPaintedAt,
        label: accessibleName(painted.card),
      });
    };
    const checkFilled = () => {
      if (filledSeen || shownAt === null) return;
      const card = openCard(uiTag);
      if (!card || card.querySelector('[aria-busy="true"]')) return;
      filledSeen = true;
      void afterNextPaint().then((filledPaintedAt) => {
        if (painted) finishWith(filledPaintedAt);
        else pendingFilled = filledPaintedAt;
      });
    };
    const check = () => {
      if (shownAt !== null) {
        checkFilled();
        return;
      }
      const card = openCard(uiTag);
      if (!card) return;
      shownAt = performance.now();
      const shown = shownAt;
      void afterNextPaint().then((paintedAt) => {
        painted = { shownAt: shown, paintedAt, card };
        if (pendingFilled !== null) finishWith(pendingFilled);
      });
      checkFilled();
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
    // Out of time: report the open card without its content if it got that far, else nothing.
    const timer = setTimeout(() => (painted ? finishWith(null) : finish(null)), timeoutMs);
    watchHost();
    check();
  });
}

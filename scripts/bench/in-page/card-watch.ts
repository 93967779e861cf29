/**
 * Times the card from inside the page: from hover intent (a `performance.mark` the content script
 * leaves in test-hooks builds) or, failing that, the last pointer move, to the first frame painted
 * with the card open. "Painted" is a message posted from a requestAnimationFrame callback: it runs
 * once that frame's style, layout and paint are done.
 */

export interface CardTiming {
  /** The last pointer move before the card opened (event time). */
  pointerAt: number | null;
  /** The content script's hover-intent mark, when the build leaves one. */
  intentAt: number | null;
  /** The card element became open (popover shown, or the fallback's data-shown set). */
  shownAt: number;
  /** The first frame with the card open was painted. */
  paintedAt: number;
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
      if (shownAt === null) pointerAt = event.timeStamp;
    };
    document.addEventListener('pointermove', onPointer, true);

    const finish = (timing: CardTiming | null) => {
      clearTimeout(timer);
      document.removeEventListener('pointermove', onPointer, true);
      for (const observer of observers) observer.disconnect();
      resolve(timing);
    };
    const check = () => {
      if (shownAt !== null) return;
      const card = openCard(uiTag);
      if (!card) return;
      shownAt = performance.now();
      const shown = shownAt;
      void afterNextPaint().then((paintedAt) => {
        const intent = performance.getEntriesByName(intentMarkName, 'mark').at(-1);
        finish({ pointerAt, intentAt: intent ? intent.startTime : null, shownAt: shown, paintedAt, label: accessibleName(card) });
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

/**
 * What the bench watches from inside the page (the main world, installed before any page script):
 * when highlights change, every DOM write after DOMContentLoaded, idle time and layout shifts.
 * Bundled with the other page-side helpers by ../in-page-script.ts.
 */

export interface ProbeState {
  /** performance.now() when a highlighted piece was last seen added; null before any. */
  lastMarkAt: number | null;
  /** Last time a piece came or went (or DOMContentLoaded, before any). */
  lastChangeAt: number;
  /** DOMContentLoaded; the probe counts writes only after it (the parser's are not writes). */
  readyAt: number | null;
  /** Mutation records after DOMContentLoaded on the page's own nodes, and on our UI host element. */
  pageWrites: number;
  uiWrites: number;
  /** When the main thread last became idle (idle callbacks coming steadily since), and the last idle callback. */
  idleSince: number | null;
  lastIdleAt: number | null;
  /** Each layout shift without recent input, and their sum (CLS over the whole visit). */
  shifts: { at: number; value: number }[];
  layoutShift: number;
}

declare global {
  interface Window {
    __benchProbe?: ProbeState;
  }
}

/** Installed with page.evaluateOnNewDocument, so it runs before the page's own scripts. */
export function installProbe(markPrefix: string, uiTag: string, idleMaxGapMs: number): void {
  const state: ProbeState = { lastMarkAt: null, lastChangeAt: 0, readyAt: null, pageWrites: 0, uiWrites: 0, idleSince: null, lastIdleAt: null, shifts: [], layoutShift: 0 };
  window.__benchProbe = state;
  // Highlights are painted, not written: the registry is sampled once a frame (a sum of set sizes),
  // which dates the last piece to within a frame. The observer below must stay cheap: it runs
  // inside the tasks it watches. Our UI lives in a shadow root it cannot see, so the only writes
  // that touch our UI here are to the host element itself.
  let pieces = 0;
  const sample = () => {
    const count = countPieces(markPrefix);
    if (count !== pieces) {
      const now = performance.now();
      if (count > pieces) state.lastMarkAt = now;
      state.lastChangeAt = now;
      pieces = count;
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  const isHost = (node: Node) => node.nodeName.toLowerCase() === uiTag;
  const touchesHost = (record: MutationRecord) => {
    if (isHost(record.target)) return true;
    for (const node of Array.from(record.addedNodes)) if (isHost(node)) return true;
    for (const node of Array.from(record.removedNodes)) if (isHost(node)) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (touchesHost(record)) state.uiWrites++;
      else state.pageWrites++;
    }
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      state.readyAt = performance.now();
      state.lastChangeAt = state.readyAt;
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      // Idle callbacks run only when no task is waiting; while the content script works through
      // its slices they stop, so a steady stream of them means its work is done.
      const onIdle = () => {
        const now = performance.now();
        if (state.lastIdleAt === null || now - state.lastIdleAt > idleMaxGapMs) state.idleSince = now;
        state.lastIdleAt = now;
        requestIdleCallback(onIdle);
      };
      requestIdleCallback(onIdle);
    },
    { once: true },
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (entry.hadRecentInput) continue;
      state.layoutShift += entry.value;
      state.shifts.push({ at: entry.startTime, value: entry.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

function countPieces(markPrefix: string): number {
  let count = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith(markPrefix)) count += highlight.size;
  });
  return count;
}

/**
 * True once the page is loaded, no highlighted piece has come or gone for `quietMs`, and the main
 * thread has been idle (idle callbacks at most `idleMaxGapMs` apart) for as long: a page with none
 * of our names adds no pieces, but the extension may still be reading it.
 */
export function hasSettled(quietMs: number, idleMaxGapMs: number): boolean {
  const probe = window.__benchProbe;
  if (!probe || probe.readyAt === null || document.readyState !== 'complete') return false;
  const now = performance.now();
  if (probe.idleSince === null || probe.lastIdleAt === null || now - probe.lastIdleAt > idleMaxGapMs) return false;
  return now - probe.lastChangeAt >= quietMs && now - probe.idleSince >= quietMs;
}

export interface ProbeReading extends ProbeState {
  /** Highlighted pieces ("marks") now. */
  marks: number;
}

export function readProbe(markPrefix: string): ProbeReading | null {
  const probe = window.__benchProbe;
  return probe ? { ...probe, shifts: [...probe.shifts], marks: countPieces(markPrefix) } : null;
}

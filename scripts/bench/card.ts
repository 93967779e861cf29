/**
 * The card, on the demo article (or the 1 MB page when there is no demo): hover the first mention
 * the way a person does (arrive, pause, a last slow 1 px move), then time hover intent → card
 * painted and watch for layout shift while it opens. Run against a test-hooks build, which marks
 * the moment hover intent fires.
 */
import type { BrowserHandle } from '../harness/browsers';
import { mentionPoint, mentions, UI_HOST_SELECTOR } from '../harness/page-helpers';
import { PAGE_IDS, type BenchPage } from './bench-pages';
import type { CardTiming, IntentMarks } from './in-page/card-watch';
import { probeScript } from './in-page-script';
import { repeat, waitUntilSettled, type BenchContext } from './measure';
import type { Section } from './results';
import { BENCH_CARD_TIMEOUT_MS, BENCH_POINTER_SETTLE_MS } from './settings';
import { spread, type Spread } from './stats';

/** The performance marks a test-hooks build leaves when hover intent fires, and the frame it fires in (src/content/card/card-effects.ts). */
const INTENT_MARKS: IntentMarks = { intent: 'backstory:hover-intent', frame: 'backstory:hover-intent-frame' };

export interface CardSummary {
  page: string;
  runs: number;
  opened: number;
  /** The pointer's arrival on the mention → first frame painted with the card open: the dwell and all that follows it. */
  arrivalToPaintMs: Spread | null;
  /** Hover intent → first frame painted with the card open. */
  intentToPaintMs: Spread | null;
  /** Of which: hover intent → that frame began (our work done before it, then the wait; 0 when intent fired in the frame). */
  intentToFrameMs: Spread | null;
  /** And: that frame began → it was painted (the browser's frame: style, layout, paint, commit). */
  frameToPaintMs: Spread | null;
  /** Runs whose card was in the first frame that began after hover intent. */
  inFirstFrame: number;
  /** Largest layout shift from the pointer's arrival until the card was painted, over all runs (must be 0). */
  maxLayoutShift: number | null;
}

/** One hover's timing, split at the moment the frame with the card open began. */
export interface CardSplit {
  arrivalToPaintMs: number | null;
  intentToPaintMs: number | null;
  intentToFrameMs: number | null;
  frameToPaintMs: number;
  /** The card was in the first frame that began after intent (none began between them). */
  inFirstFrame: boolean;
}

interface CardRun extends CardSplit {
  layoutShift: number;
}

export function splitCardTiming(timing: CardTiming): CardSplit {
  // Intent fired inside the frame (the frame's time is its start, a moment before): no wait.
  const intentToFrameMs = timing.intentAt === null ? null : Math.max(0, timing.frameAt - timing.intentAt);
  return {
    arrivalToPaintMs: timing.arrivedAt === null ? null : timing.paintedAt - timing.arrivedAt,
    intentToPaintMs: timing.intentAt === null ? null : timing.paintedAt - timing.intentAt,
    intentToFrameMs,
    frameToPaintMs: timing.paintedAt - timing.frameAt,
    inFirstFrame: intentToFrameMs !== null && intentToFrameMs < timing.frameIntervalMs,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function hoverFirstMention(browser: BrowserHandle, url: string, helpers: string): Promise<CardRun | null> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(probeScript(helpers));
    await page.goto(url, { waitUntil: 'load' });
    await waitUntilSettled(page);
    // The first mention, scrolled into view; the middle of its first box is where the pointer goes.
    const [first] = await mentions(page);
    if (!first) return null;
    const box = await mentionPoint(page, first.entity);
    const shiftsBefore = await page.evaluate(() => window.__benchProbe?.shifts.length ?? 0);
    const timing = page.evaluate((tag, marks, timeout) => window.__bench?.watchCard(tag, marks, timeout) ?? null, UI_HOST_SELECTOR, INTENT_MARKS, BENCH_CARD_TIMEOUT_MS);
    await page.mouse.move(box.x - 1, box.y);
    await pause(BENCH_POINTER_SETTLE_MS);
    await page.mouse.move(box.x, box.y);
    const result = await timing;
    if (!result) return null;
    const layoutShift = await page.evaluate(
      (from, until) => (window.__benchProbe?.shifts ?? []).slice(from).filter((shift) => shift.at <= until).reduce((sum, shift) => sum + shift.value, 0),
      shiftsBefore,
      result.paintedAt,
    );
    return { ...splitCardTiming(result), layoutShift };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function runCard(context: BenchContext, browser: BrowserHandle, pages: readonly BenchPage[]): Promise<Section<CardSummary>> {
  const page = pages.find((candidate) => candidate.id === PAGE_IDS.demo) ?? pages.find((candidate) => candidate.id === PAGE_IDS.oneMegabyte);
  if (!page) return { skipped: 'no page with mentions to hover' };
  const each = await repeat(context, context.runs, `card on ${page.label}`, () => hoverFirstMention(browser, page.url, context.helpers));
  const opened = each.filter((run) => run !== null);
  return {
    measured: {
      page: page.label,
      runs: each.length,
      opened: opened.length,
      arrivalToPaintMs: spread(opened.map((run) => run.arrivalToPaintMs)),
      intentToPaintMs: spread(opened.map((run) => run.intentToPaintMs)),
      intentToFrameMs: spread(opened.map((run) => run.intentToFrameMs)),
      frameToPaintMs: spread(opened.map((run) => run.frameToPaintMs)),
      inFirstFrame: opened.filter((run) => run.inFirstFrame).length,
      maxLayoutShift: opened.length > 0 ? Math.max(...opened.map((run) => run.layoutShift)) : null,
    },
  };
}

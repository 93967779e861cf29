/**
 * The card: hover the first mention the way a person does (arrive, pause, a last slow 1 px move),
 * then time hover intent → card painted and watch for layout shift while it opens. Run against a
 * test-hooks build, which may mark the moment hover intent fires.
 */
import { CARD_OPEN_DELAY_MS } from '../../src/shared/constants';
import { BENCH_CARD_TIMEOUT_MS, BENCH_POINTER_SETTLE_MS } from './settings';
import { OWN_UI_TAG } from '../../src/content/highlighter/element-rules';
import type { BenchBrowser } from './browser';
import type { CardTiming } from './in-page/card-watch';
import { MARK_SELECTOR } from './in-page/probe';
import { probeScript } from './in-page-script';
import { waitUntilSettled } from './measure';

/** The performance mark a test-hooks build leaves when hover intent fires (see the report: coordination). */
export const HOVER_INTENT_MARK = 'backstory:hover-intent';

export interface CardRun {
  opened: boolean;
  label: string | null;
  /**
   * Hover intent → first frame painted with the card open. From the intent mark when the build
   * leaves one; otherwise estimated as the pointer entering the mention plus the default hover
   * delay (a fresh profile's setting), which errs long by however late the dwell timer fires.
   */
  intentToPaintMs: number | null;
  /** The same, to the first frame with the card's content in place (it opens in a loading state). */
  intentToFilledMs: number | null;
  intentEstimated: boolean;
  /** The pointer entered the mention → painted: includes the hover delay. */
  pointerToPaintMs: number | null;
  /** The card became open → painted: rendering and placement after opening. */
  shownToPaintMs: number | null;
  /** Layout shift from the pointer's arrival until the card was painted (must be 0). */
  layoutShift: number | null;
}

const NOT_OPENED: CardRun = {
  opened: false,
  label: null,
  intentToPaintMs: null,
  intentToFilledMs: null,
  intentEstimated: false,
  pointerToPaintMs: null,
  shownToPaintMs: null,
  layoutShift: null,
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureCard(browser: BenchBrowser, url: string, helpers: string): Promise<CardRun> {
  const { page } = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(probeScript(helpers));
    await page.goto(url, { waitUntil: 'load' });
    await waitUntilSettled(page);
    // The first highlighted piece, scrolled into view; its first box is where the pointer goes.
    const box = await page.evaluate((prefix: string) => {
      let first: AbstractRange | undefined;
      CSS.highlights.forEach((highlight, name) => {
        if (first || !name.startsWith(prefix)) return;
        first = highlight.values().next().value;
      });
      if (!first) return null;
      first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = (first as Range).getClientRects()[0];
      return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height } : null;
    }, MARK_SELECTOR);
    if (!box) return NOT_OPENED;
    const shiftsBefore = await page.evaluate(() => window.__benchProbe?.shifts.length ?? 0);
    const timing = page.evaluate(
      (tag, markName, timeout) => window.__bench?.watchCard(tag, markName, timeout) ?? null,
      OWN_UI_TAG,
      HOVER_INTENT_MARK,
      BENCH_CARD_TIMEOUT_MS,
    );
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 1, y);
    await pause(BENCH_POINTER_SETTLE_MS);
    await page.mouse.move(x, y);
    const result: CardTiming | null = await timing;
    if (!result) return NOT_OPENED;
    const layoutShift = await page.evaluate(
      (from, until) => (window.__benchProbe?.shifts ?? []).slice(from).filter((shift) => shift.at <= until).reduce((sum, shift) => sum + shift.value, 0),
      shiftsBefore,
      result.paintedAt,
    );
    const estimatedIntent = result.pointerAt === null ? null : result.pointerAt + CARD_OPEN_DELAY_MS;
    const intentAt = result.intentAt ?? estimatedIntent;
    return {
      opened: true,
      label: result.label,
      intentToPaintMs: intentAt === null ? null : result.paintedAt - intentAt,
      intentToFilledMs: intentAt === null || result.filledPaintedAt === null ? null : result.filledPaintedAt - intentAt,
      intentEstimated: result.intentAt === null,
      pointerToPaintMs: result.pointerAt === null ? null : result.paintedAt - result.pointerAt,
      shownToPaintMs: result.paintedAt - result.shownAt,
      layoutShift,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

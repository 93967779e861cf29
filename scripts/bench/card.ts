/**
 * The card: hover the first mention the way a person does (arrive, pause, a last slow 1 px move),
 * then time hover intent → card painted and watch for layout shift while it opens.
 */
import { BENCH_CARD_TIMEOUT_MS, BENCH_POINTER_SETTLE_MS } from '../../src/shared/constants';
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
  /** Hover intent fired → first frame painted with the card open; null without the intent mark. */
  intentToPaintMs: number | null;
  /** The last pointer move → painted: includes the hover delay the user chose. */
  pointerToPaintMs: number | null;
  /** The card became open → painted: rendering and placement after opening. */
  shownToPaintMs: number | null;
  /** Layout shift from the pointer's arrival until the card was painted (must be 0). */
  layoutShift: number | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureCard(browser: BenchBrowser, url: string, helpers: string): Promise<CardRun> {
  const { page } = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(probeScript(helpers));
    await page.goto(url, { waitUntil: 'load' });
    await waitUntilSettled(page);
    const mark = await page.$(MARK_SELECTOR);
    if (!mark) return { opened: false, label: null, intentToPaintMs: null, pointerToPaintMs: null, shownToPaintMs: null, layoutShift: null };
    await mark.scrollIntoView();
    const box = await mark.boundingBox();
    if (!box) throw new Error('the first mark has no box');
    const shiftsBefore = await page.evaluate(() => window.__bench && window.__benchProbe ? window.__benchProbe.shifts.length : 0);
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
    if (!result) return { opened: false, label: null, intentToPaintMs: null, pointerToPaintMs: null, shownToPaintMs: null, layoutShift: null };
    const layoutShift = await page.evaluate(
      (from, until) => (window.__benchProbe?.shifts ?? []).slice(from).filter((shift) => shift.at <= until).reduce((sum, shift) => sum + shift.value, 0),
      shiftsBefore,
      result.paintedAt,
    );
    return {
      opened: true,
      label: result.label,
      intentToPaintMs: result.intentAt === null ? null : result.paintedAt - result.intentAt,
      pointerToPaintMs: result.pointerAt === null ? null : result.paintedAt - result.pointerAt,
      shownToPaintMs: result.paintedAt - result.shownAt,
      layoutShift,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

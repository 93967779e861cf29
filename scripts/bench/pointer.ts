/**
 * The mouse crossing a page: our CPU per move while the pointer moves BENCH_POINTER_MOVES times,
 * one move a frame, after the first pass has settled. Every page gets the card's pointer
 * listeners, and most pages paint nothing, where a move should cost next to nothing.
 */
import type { Page } from 'puppeteer-core';
import { PAGE_IDS, type BenchPage } from './bench-pages';
import { repeat, visit, type BenchContext } from './measure';
import type { Section } from './results';
import { BENCH_POINTER_MOVE_INTERVAL_MS, BENCH_POINTER_MOVES } from './settings';
import { spread, type Spread } from './stats';
import { ourTime } from './trace';

/** The performance mark left just before the first move and just after the last. */
const MOVES_MARK = 'bench-pointer';
/** Kept clear of the viewport's edges, so no move leaves the page. */
const EDGE_PX = 40;

export interface PointerSummary {
  page: string;
  marks: Spread | null;
  /** Our CPU from the first move to the last, per move (ms). */
  perMoveMs: Spread | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fixed path over the viewport: every run's pointer goes the same way. */
async function moveAcross(page: Page): Promise<void> {
  const { width, height } = page.viewport() ?? { width: 800, height: 600 };
  await page.evaluate((mark) => performance.mark(mark), MOVES_MARK);
  for (let move = 0; move < BENCH_POINTER_MOVES; move++) {
    await page.mouse.move(EDGE_PX + ((move * 37) % (width - 2 * EDGE_PX)), EDGE_PX + ((move * 53) % (height - 2 * EDGE_PX)));
    await pause(BENCH_POINTER_MOVE_INTERVAL_MS);
  }
  await page.evaluate((mark) => performance.mark(mark), MOVES_MARK);
}

/** The 1 MB page that names nothing, and the demo article. */
export async function runPointer(context: BenchContext, pages: readonly BenchPage[]): Promise<Section<PointerSummary[]>> {
  const chosen = pages.filter((page) => page.id === PAGE_IDS.noNames || page.id === PAGE_IDS.demo);
  if (chosen.length === 0) return { skipped: 'neither the page without names nor the demo article is there' };
  const summaries: PointerSummary[] = [];
  for (const page of chosen) {
    const visits = await repeat(context, context.runs, `pointer moves, ${page.label}`, () =>
      visit(context, context.withExtension, page.url, { whileTracing: moveAcross, keepMark: MOVES_MARK }),
    );
    const perMove = visits.map((run) => {
      const [from, to] = run.detail?.markTimes ?? [];
      return run.detail && from !== undefined && to !== undefined ? ourTime(run.detail.attribution, from, to) / 1000 / BENCH_POINTER_MOVES : null;
    });
    summaries.push({ page: page.label, marks: spread(visits.map((run) => run.probe.marks)), perMoveMs: spread(perMove) });
  }
  return { measured: summaries };
}

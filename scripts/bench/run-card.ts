/** The card, on the demo article (or the 1 MB page when there is no demo), `runs` times with the extension. */
import { measureCard, type CardRun } from './card';
import type { BenchContext, BenchPage } from './context';
import type { CardSummary, Section } from './results';
import { spread } from './stats';
import { PAGE_IDS } from './targets';

export async function runCard(context: BenchContext, pages: readonly BenchPage[]): Promise<Section<CardSummary>> {
  const page = pages.find((candidate) => candidate.id === 'demo') ?? pages.find((candidate) => candidate.id === PAGE_IDS.oneMegabyte);
  if (!page) return { skipped: 'no page with mentions to hover' };
  const each: CardRun[] = [];
  for (let run = 0; run < context.runs; run++) {
    context.progress(`card on ${page.label}: run ${run + 1}/${context.runs}`);
    each.push(await measureCard(context.withExtension, page.url, context.helpers));
  }
  const opened = each.filter((run) => run.opened);
  const shifts = opened.map((run) => run.layoutShift).filter((value): value is number => value !== null);
  return {
    measured: {
      page: page.label,
      runs: each.length,
      opened: opened.length,
      label: opened[0]?.label ?? null,
      intentToPaintMs: spread(opened.map((run) => run.intentToPaintMs)),
      intentToFilledMs: spread(opened.map((run) => run.intentToFilledMs)),
      intentEstimated: opened.length > 0 && opened.every((run) => run.intentEstimated),
      pointerToPaintMs: spread(opened.map((run) => run.pointerToPaintMs)),
      shownToPaintMs: spread(opened.map((run) => run.shownToPaintMs)),
      maxLayoutShift: shifts.length > 0 ? Math.max(...shifts) : null,
      each,
    },
  };
}

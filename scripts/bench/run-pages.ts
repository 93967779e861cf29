/**
 * Each page, `runs` times: a traced visit with the extension, then one without it (interleaved,
 * so a noisy moment on the machine hits both alike), where the floor pass also runs.
 */
import type { BenchContext, BenchPage } from './context';
import { combinedPattern } from './floor';
import type { FloorReading } from './in-page/floor-pass';
import { visit, type Visit } from './measure';
import { median } from './stats';
import { summarisePage, type FloorSample, type PageSummary } from './summary';

/** Floor passes inside one page: one cold, then five warm ones whose median is the floor. */
const FLOOR_REPEATS = 6;

export async function runPages(context: BenchContext, pages: readonly BenchPage[]): Promise<PageSummary[]> {
  const pattern = combinedPattern(context.floorForms);
  const summaries: PageSummary[] = [];
  for (const page of pages) {
    const withRuns: Visit[] = [];
    const withoutRuns: Visit[] = [];
    const floors: FloorSample[] = [];
    for (let run = 0; run < context.runs; run++) {
      context.progress(`${page.label}: run ${run + 1}/${context.runs}`);
      withRuns.push(await visit(context.withExtension, page.url, { helpers: context.helpers, blankUrl: context.blankUrl, isOurs: context.isExtension }));
      withoutRuns.push(
        await visit(context.without, page.url, {
          helpers: context.helpers,
          blankUrl: context.blankUrl,
          isOurs: context.isExtension,
          afterTrace: async (tab) => {
            const reading: FloorReading | null = await tab.evaluate(
              (source, flags, repeats) => window.__bench?.floorPass(source, flags, repeats) ?? null,
              pattern.source,
              pattern.flags,
              FLOOR_REPEATS,
            );
            const warm = median(reading?.times.slice(1) ?? []);
            if (reading && warm !== null) floors.push({ ms: warm, matches: reading.matches });
          },
        }),
      );
    }
    summaries.push(summarisePage({ id: page.id, label: page.label, bytes: page.bytes, plantedMentions: page.plantedMentions }, withRuns, withoutRuns, floors));
  }
  return summaries;
}

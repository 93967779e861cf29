/**
 * Each page, `runs` times: a traced visit with the extension (the floor pass runs in that page
 * once it has settled), then one without it, interleaved so a noisy moment on the machine hits
 * both alike.
 */
import type { Page } from 'puppeteer-core';
import type { BenchContext, BenchPage } from './context';
import { combinedPattern } from './floor';
import type { FloorReading } from './in-page/floor-pass';
import { visit, type Visit } from './measure';
import { median } from './stats';
import { summarisePage, type FloorSample, type PageSummary } from './summary';

/** Floor passes inside one page: one cold, then five warm ones whose median is the floor. */
const FLOOR_REPEATS = 6;

async function measureFloor(page: Page, pattern: { source: string; flags: string }): Promise<FloorSample | null> {
  const reading: FloorReading | null = await page.evaluate(
    (source, flags, repeats) => window.__bench?.floorPass(source, flags, repeats) ?? null,
    pattern.source,
    pattern.flags,
    FLOOR_REPEATS,
  );
  const warm = median(reading?.times.slice(1) ?? []);
  return reading && warm !== null ? { ms: warm, matches: reading.matches } : null;
}

export async function runPages(context: BenchContext, pages: readonly BenchPage[]): Promise<PageSummary[]> {
  const pattern = combinedPattern(context.floorForms);
  const summaries: PageSummary[] = [];
  for (const page of pages) {
    const withRuns: Visit[] = [];
    const withoutRuns: Visit[] = [];
    const floors: (FloorSample | null)[] = [];
    for (let run = 0; run < context.runs; run++) {
      context.progress(`${page.label}: run ${run + 1}/${context.runs}`);
      let floor: FloorSample | null = null;
      withRuns.push(
        await visit(context.withExtension, page.url, {
          helpers: context.helpers,
          blankUrl: context.blankUrl,
          isOurs: context.isExtension,
          // The floor runs in the very page the extension just highlighted, a moment later, so
          // both figures see the same document and the same load on the machine.
          afterTrace: async (tab) => {
            floor = await measureFloor(tab, pattern);
          },
        }),
      );
      floors.push(floor);
      withoutRuns.push(await visit(context.without, page.url, { helpers: context.helpers, blankUrl: context.blankUrl, isOurs: context.isExtension }));
    }
    summaries.push(summarisePage({ id: page.id, label: page.label, bytes: page.bytes, plantedMentions: page.plantedMentions }, withRuns, withoutRuns, floors));
  }
  return summaries;
}

/**
 * Each page, `runs` times: a traced visit with the extension, then one without it, interleaved so
 * a noisy moment on the machine hits both alike. Floors are measured in those very pages once the
 * trace has stopped: after the extension's visit, the read floor in the main world (the old
 * figure) and in an isolated world (where a content script runs); after the visit without it (a
 * fresh load, nothing painted), the read and highlight floors in an isolated world, whose
 * difference per match is the cost of painting one piece.
 */
import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browser';
import type { BenchContext, BenchPage } from './context';
import { combinedPattern } from './floor';
import type { FloorReading } from './in-page/floor-pass';
import { visit, type Visit } from './measure';
import { median } from './stats';
import { summarisePage, type FloorSample, type PageSummary, type PieceCostSample } from './summary';

/** Floor passes inside one page: one cold, then five warm ones whose median is the floor. */
const FLOOR_REPEATS = 6;

type Pattern = { source: string; flags: string };
type FloorKind = 'floorPass' | 'highlightFloorPass';
/** Runs an expression in one world of the page and hands back its JSON value. */
type World = (expression: string) => Promise<unknown>;

function mainWorld(page: Page): World {
  return (expression) => page.evaluate(expression);
}

/** A fresh isolated world in the page's main frame (CDP Page.createIsolatedWorld), with the bench's helpers defined in it. */
async function isolatedWorld(page: Page, helpers: string): Promise<World> {
  const session = await page.createCDPSession();
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'backstory-bench-floor' });
  const world: World = async (expression) => {
    const reply = await session.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
    if (reply.exceptionDetails) throw new Error(`isolated world: ${reply.exceptionDetails.text}`);
    return reply.result.value;
  };
  await world(helpers);
  return world;
}

async function floorIn(world: World, kind: FloorKind, pattern: Pattern): Promise<{ ms: number; matches: number } | null> {
  const call = `window.__bench?.${kind}(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}, ${FLOOR_REPEATS}) ?? null`;
  const reading = (await world(call)) as FloorReading | null;
  const warm = median(reading?.times.slice(1) ?? []);
  return reading && warm !== null ? { ms: warm, matches: reading.matches } : null;
}

async function readFloors(page: Page, helpers: string, pattern: Pattern): Promise<FloorSample | null> {
  const main = await floorIn(mainWorld(page), 'floorPass', pattern);
  const isolated = await floorIn(await isolatedWorld(page, helpers), 'floorPass', pattern);
  return main && isolated ? { ms: main.ms, isolatedMs: isolated.ms, matches: main.matches } : null;
}

async function pieceCost(page: Page, helpers: string, pattern: Pattern): Promise<PieceCostSample | null> {
  const world = await isolatedWorld(page, helpers);
  const read = await floorIn(world, 'floorPass', pattern);
  const painted = await floorIn(world, 'highlightFloorPass', pattern);
  return read && painted ? { readMs: read.ms, highlightMs: painted.ms, matches: painted.matches } : null;
}

/** One traced visit, then `measure` in that page once the trace has stopped. */
async function visitMeasuring<T>(context: BenchContext, browser: BenchBrowser, url: string, measure: (tab: Page) => Promise<T>): Promise<{ visit: Visit; floors: T | null }> {
  let floors: T | null = null;
  const visited = await visit(browser, url, {
    helpers: context.helpers,
    blankUrl: context.blankUrl,
    isOurs: context.isExtension,
    afterTrace: async (tab) => {
      floors = await measure(tab);
    },
  });
  return { visit: visited, floors };
}

export async function runPages(context: BenchContext, pages: readonly BenchPage[]): Promise<PageSummary[]> {
  const pattern = combinedPattern(context.floorForms);
  const summaries: PageSummary[] = [];
  for (const page of pages) {
    const withRuns: Visit[] = [];
    const withoutRuns: Visit[] = [];
    const floors: (FloorSample | null)[] = [];
    const pieceCosts: (PieceCostSample | null)[] = [];
    for (let run = 0; run < context.runs; run++) {
      context.progress(`${page.label}: run ${run + 1}/${context.runs}`);
      const withExtension = await visitMeasuring(context, context.withExtension, page.url, (tab) => readFloors(tab, context.helpers, pattern));
      withRuns.push(withExtension.visit);
      floors.push(withExtension.floors);
      const without = await visitMeasuring(context, context.without, page.url, (tab) => pieceCost(tab, context.helpers, pattern));
      withoutRuns.push(without.visit);
      pieceCosts.push(without.floors);
    }
    summaries.push(summarisePage({ id: page.id, label: page.label, bytes: page.bytes, plantedMentions: page.plantedMentions }, withRuns, withoutRuns, floors, pieceCosts));
  }
  return summaries;
}

/**
 * Each page, `runs` times: a traced visit with the extension, then one without it, interleaved so a
 * noisy moment on the machine hits both alike. Floors are measured in those very pages once the
 * trace has stopped, in an isolated world (where a content script runs): after the extension's
 * visit the read floor; after the visit without it (a fresh load, nothing painted) the read and
 * highlight floors, whose difference per match is the cost of painting one piece.
 */
import type { Page } from 'puppeteer-core';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { GuardedBrowser } from '../harness/browsers';
import type { BenchPage } from './bench-pages';
import { combinedPattern } from './floor';
import type { FloorReading } from './in-page/floor-pass';
import { repeat, visit, type BenchContext, type Visit } from './measure';
import { allForms } from './names';
import { median, ratio, spread, type Spread } from './stats';

/** Floor passes inside one page: one cold, then five warm ones whose median is the floor. */
const FLOOR_REPEATS = 6;
/** Fewer matches than this make the per-piece difference noise. */
const MIN_MATCHES_FOR_PIECE_COST = 50;

export interface PageSummary extends Omit<BenchPage, 'url'> {
  runs: number;
  marks: Spread | null;
  /** ms after navigation start that the last piece was painted. */
  timeToLastMarkMs: Spread | null;
  /** The read floor in the main world of the page the extension had just highlighted (the old figure, kept for comparison). */
  mainFloorMs: Spread | null;
  /** The read floor in an isolated world of that page. */
  isolatedFloorMs: Spread | null;
  /**
   * The same pass run once, cold: the first in a fresh isolated world of a fresh load without the
   * extension (its code not yet compiled, its pattern not yet run, no node wrappers made in that
   * world). A content script's read is always such a first pass. Shown beside the floor; the
   * targets keep the warm one.
   */
  coldIsolatedFloorMs: Spread | null;
  /** Painting one piece as a range in one CSS highlight, from a fresh load (µs); null with too few matches to tell. */
  pieceCostUs: number | null;
  /** Isolated read floor + the pieces we painted × the piece cost: the least any highlighter showing them spends. */
  fullFloorMs: Spread | null;
  ourCpuMs: Spread | null;
  /** Our CPU over the full floor measured in the same run's page, then the median. */
  cpuVsFullFloor: number | null;
  /** Our CPU over the cold read floor + our pieces × the piece cost, likewise. */
  cpuVsColdFullFloor: number | null;
  /** Our CPU over the main-world read floor, likewise. */
  cpuVsMainFloor: number | null;
  /** The most of our own time inside one task. */
  largestOurShareMs: Spread | null;
  /** DOM writes after DOMContentLoaded outside our UI host and on it, and layout shift with and without us (medians). */
  pageWrites: number | null;
  uiWrites: number | null;
  clsWith: number | null;
  clsWithout: number | null;
  /** Problems worth a footnote: runs that never settled, work still running at the end, errors, blocked requests. */
  notes: string[];
}

type Pattern = { source: string; flags: string };
/** A floor pass's warm median (the floor), its cold first pass, and what it matched. */
type Floor = { ms: number; coldMs: number | null; matches: number };

/** Runs `floorPass` in a fresh isolated world of the page's main frame (CDP Page.createIsolatedWorld), with the helpers defined in it. */
async function isolatedFloors(page: Page, helpers: string, pattern: Pattern, paints: readonly boolean[]): Promise<(Floor | null)[]> {
  const session = await page.createCDPSession();
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'backstory-bench-floor' });
  const run = async (expression: string) => {
    const reply = await session.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
    if (reply.exceptionDetails) throw new Error(`isolated world: ${reply.exceptionDetails.text}`);
    return reply.result.value as unknown;
  };
  await run(helpers);
  const floors: (Floor | null)[] = [];
  for (const paint of paints) {
    const reading = (await run(`window.__bench?.floorPass(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}, ${FLOOR_REPEATS}, ${paint}) ?? null`)) as FloorReading | null;
    const warm = median(reading?.times.slice(1) ?? []);
    floors.push(reading && warm !== null ? { ms: warm, coldMs: reading.times[0] ?? null, matches: reading.matches } : null);
  }
  return floors;
}

/** The read floor in the page's main world (no paint): the old figure. */
async function mainWorldFloor(page: Page, helpers: string, pattern: Pattern): Promise<number | null> {
  await page.evaluate(helpers);
  const reading = (await page.evaluate(
    (source, flags, repeats) => (window as unknown as { __bench?: { floorPass(...args: unknown[]): FloorReading } }).__bench?.floorPass(source, flags, repeats, false) ?? null,
    pattern.source,
    pattern.flags,
    FLOOR_REPEATS,
  )) as FloorReading | null;
  return median(reading?.times.slice(1) ?? []);
}

/** One traced visit, then the floors in that page once the trace has stopped (`mainWorld`: the main-world read floor too). */
async function visitWithFloors(context: BenchContext, browser: GuardedBrowser, url: string, pattern: Pattern, paints: readonly boolean[], mainWorld = false) {
  let floors: (Floor | null)[] = [];
  let mainFloor: number | null = null;
  const visited = await visit(context, browser, url, {
    afterTrace: async (page) => {
      floors = await isolatedFloors(page, context.helpers, pattern, paints);
      if (mainWorld) mainFloor = await mainWorldFloor(page, context.helpers, pattern);
    },
  });
  return { visit: visited, floors, mainFloor };
}

export async function runPages(context: BenchContext, pages: readonly BenchPage[]): Promise<PageSummary[]> {
  const pattern = combinedPattern(allForms(CATALOG));
  const summaries: PageSummary[] = [];
  for (const page of pages) {
    const runs = await repeat(context, context.runs, page.label, async () => {
      const withExtension = await visitWithFloors(context, context.withExtension, page.url, pattern, [false], true);
      const without = await visitWithFloors(context, context.without, page.url, pattern, [false, true]);
      return { withExtension, without };
    });
    const pieceCosts = runs.map(({ without: { floors: [read, painted] } }) =>
      read && painted && painted.matches >= MIN_MATCHES_FOR_PIECE_COST ? (Math.max(0, painted.ms - read.ms) * 1000) / painted.matches : null,
    );
    const floors = runs.map((run) => ({
      isolated: run.withExtension.floors[0]?.ms ?? null,
      isolatedCold: run.without.floors[0]?.coldMs ?? null,
      main: run.withExtension.mainFloor,
    }));
    summaries.push(summarisePage(page, runs.map((run) => run.withExtension.visit), runs.map((run) => run.without.visit), floors, median(pieceCosts.filter((cost) => cost !== null))));
  }
  return summaries;
}

const medianOf = (visits: readonly Visit[], pick: (visit: Visit) => number | null | undefined) => spread(visits.map((run) => pick(run) ?? null))?.median ?? null;

/** The read floors measured in one run's page. */
export interface RunFloors {
  isolated: number | null;
  /** The isolated read pass's cold first run, in the same run's page without the extension. */
  isolatedCold: number | null;
  main: number | null;
}

/** `floors[i]` was measured in the page of `withExtension[i]`: ratios are taken run by run (a moment apart, under the same load), then the median. */
export function summarisePage(page: BenchPage, withExtension: readonly Visit[], without: readonly Visit[], floors: readonly RunFloors[], pieceCostUs: number | null): PageSummary {
  const notes: string[] = [];
  const count = (test: (run: Visit) => boolean) => withExtension.filter(test).length;
  if (count((run) => !run.settled) > 0) notes.push(`${count((run) => !run.settled)} run(s) never settled`);
  if (count((run) => run.ourWorkAtEnd) > 0) notes.push(`${count((run) => run.ourWorkAtEnd)} run(s) still running our code when the trace ended`);
  if (count((run) => run.trace === null) > 0) notes.push('no page thread found in some traces');
  const errors = new Set(withExtension.flatMap((run) => run.pageErrors));
  if (errors.size > 0) notes.push(`page errors: ${[...errors].slice(0, 3).join(' | ')}`);
  const blocked = Math.max(0, ...withExtension.map((run) => run.blockedRequests.length));
  if (blocked > 0) notes.push(`${blocked} non-loopback request(s) blocked (without the extension: ${Math.max(0, ...without.map((run) => run.blockedRequests.length))})`);

  const withPieces = (run: Visit, read: number | null | undefined) => {
    if (read === null || read === undefined) return null;
    if (run.probe.marks === 0) return read;
    return pieceCostUs === null ? null : read + (run.probe.marks * pieceCostUs) / 1000;
  };
  const fullFloors = withExtension.map((run, index) => withPieces(run, floors[index]?.isolated));
  const coldFullFloors = withExtension.map((run, index) => withPieces(run, floors[index]?.isolatedCold));
  return {
    id: page.id,
    label: page.label,
    bytes: page.bytes,
    plantedMentions: page.plantedMentions,
    runs: withExtension.length,
    marks: spread(withExtension.map((run) => run.probe.marks)),
    timeToLastMarkMs: spread(withExtension.map((run) => run.probe.lastMarkAt)),
    mainFloorMs: spread(floors.map((floor) => floor.main)),
    isolatedFloorMs: spread(floors.map((floor) => floor.isolated)),
    coldIsolatedFloorMs: spread(floors.map((floor) => floor.isolatedCold)),
    pieceCostUs,
    fullFloorMs: spread(fullFloors),
    ourCpuMs: spread(withExtension.map((run) => run.trace?.ourCpuMs ?? null)),
    cpuVsFullFloor: spread(withExtension.map((run, index) => ratio(run.trace?.ourCpuMs, fullFloors[index])))?.median ?? null,
    cpuVsColdFullFloor: spread(withExtension.map((run, index) => ratio(run.trace?.ourCpuMs, coldFullFloors[index])))?.median ?? null,
    cpuVsMainFloor: spread(withExtension.map((run, index) => ratio(run.trace?.ourCpuMs, floors[index]?.main)))?.median ?? null,
    largestOurShareMs: spread(withExtension.map((run) => run.trace?.largestOurShareMs ?? null)),
    pageWrites: medianOf(withExtension, (run) => run.probe.pageWrites),
    uiWrites: medianOf(withExtension, (run) => run.probe.uiWrites),
    clsWith: medianOf(withExtension, (run) => run.probe.layoutShift),
    clsWithout: medianOf(without, (run) => run.probe.layoutShift),
    notes,
  };
}

/**
 * Turns repeated visits of one page into its figures: medians across runs, the extension's run
 * against the same page without it, and the floor measured in that page.
 */
import type { Visit } from './measure';
import { median, ratio, spread, type Spread } from './stats';

export interface PageInfo {
  id: string;
  label: string;
  bytes: number;
  /** Mentions the generator planted; null for pages we did not write. */
  plantedMentions: number | null;
}

export interface PageSummary extends PageInfo {
  runs: number;
  marks: Spread | null;
  entities: number | null;
  /** ms after navigation start that the last mark was inserted. */
  timeToLastMarkMs: Spread | null;
  /** Read floor in the main world (the old figure) and in an isolated world, where a content script runs. */
  floorMs: Spread | null;
  isolatedFloorMs: Spread | null;
  floorMatches: number | null;
  /** Painting one piece as a range in one CSS highlight, from a fresh load (µs); null with too few matches to tell. */
  pieceCostUs: number | null;
  /** Isolated read floor + the pieces we painted × the piece cost: the least any highlighter showing them spends. */
  fullFloorMs: Spread | null;
  ourCpuMs: Spread | null;
  /** Median over runs of (our CPU / the main-world read floor measured in that run's page). */
  cpuVsFloor: number | null;
  /** The same over the full floor. */
  cpuVsFullFloor: number | null;
  longestTaskWithoutMs: Spread | null;
  longestTaskWithMs: Spread | null;
  longestOurTaskMs: Spread | null;
  largestOurShareMs: Spread | null;
  ourTasksOverLimit: number;
  /** Median JS heap with the extension minus without, after a forced GC (bytes). */
  jsHeapDeltaBytes: number | null;
  /** The same for Blink's heap (DOM, marks included). */
  domHeapDeltaBytes: number | null;
  /** DOM writes after DOMContentLoaded, outside our UI host and inside it (median). */
  pageWrites: number | null;
  uiWrites: number | null;
  clsWith: number | null;
  clsWithout: number | null;
  /** The non-loopback URLs asked for, with the extension (first few). */
  blockedUrls: string[];
  /** Problems worth a footnote: runs that never settled, work still running at the end, errors. */
  notes: string[];
}

function values<T>(items: readonly T[], pick: (item: T) => number | null | undefined): (number | null)[] {
  return items.map((item) => pick(item) ?? null);
}

function medianOf<T>(items: readonly T[], pick: (item: T) => number | null | undefined): number | null {
  return median(values(items, pick).filter((value): value is number => value !== null && Number.isFinite(value)));
}

export interface FloorSample {
  /** Main world, isolated world. */
  ms: number;
  isolatedMs: number;
  matches: number;
}

/** The isolated read and highlight floors on a fresh load of the page. */
export interface PieceCostSample {
  readMs: number;
  highlightMs: number;
  matches: number;
}

/** Fewer matches than this make the per-piece difference noise. */
const MIN_MATCHES_FOR_PIECE_COST = 50;

function pieceCostUs(samples: readonly (PieceCostSample | null)[]): number | null {
  return median(
    samples.flatMap((sample) => (sample && sample.matches >= MIN_MATCHES_FOR_PIECE_COST ? [(Math.max(0, sample.highlightMs - sample.readMs) * 1000) / sample.matches] : [])),
  );
}

/**
 * `floors[i]` was measured in the page of `withExtension[i]`; the ratio to the floor is taken run
 * by run (both figures a moment apart, under the same load) and then the median.
 */
export function summarisePage(
  info: PageInfo,
  withExtension: readonly Visit[],
  without: readonly Visit[],
  floors: readonly (FloorSample | null)[],
  pieceCosts: readonly (PieceCostSample | null)[],
): PageSummary {
  const notes: string[] = [];
  const unsettled = withExtension.filter((run) => !run.settled).length;
  if (unsettled > 0) notes.push(`${unsettled} run(s) never settled`);
  const busyAtEnd = withExtension.filter((run) => run.ourWorkAtEnd).length;
  if (busyAtEnd > 0) notes.push(`${busyAtEnd} run(s) still running our code when the trace ended`);
  if (withExtension.some((run) => run.trace === null)) notes.push('no page thread found in some traces');
  const errors = new Set(withExtension.flatMap((run) => run.pageErrors));
  if (errors.size > 0) notes.push(`page errors: ${[...errors].slice(0, 3).join(' | ')}`);
  const blocked = Math.max(0, ...withExtension.map((run) => run.blockedRequests.length));
  if (blocked > 0) {
    const blockedWithout = Math.max(0, ...without.map((run) => run.blockedRequests.length));
    notes.push(`${blocked} non-loopback request(s) blocked (without the extension: ${blockedWithout})`);
  }

  const floorMs = spread(floors.map((floor) => floor?.ms ?? null));
  const runRatios = withExtension.map((run, index) => ratio(run.trace?.ourCpuMs, floors[index]?.ms));
  const perPieceUs = pieceCostUs(pieceCosts);
  const fullFloors = withExtension.map((run, index) => {
    const read = floors[index]?.isolatedMs;
    if (read === undefined) return null;
    if (run.probe.marks === 0) return read;
    return perPieceUs === null ? null : read + (run.probe.marks * perPieceUs) / 1000;
  });
  const ourCpuMs = spread(values(withExtension, (run) => run.trace?.ourCpuMs));
  const heapWith = medianOf(withExtension, (run) => run.heap?.jsBytes);
  const heapWithout = medianOf(without, (run) => run.heap?.jsBytes);
  const domWith = medianOf(withExtension, (run) => run.heap?.embedderBytes);
  const domWithout = medianOf(without, (run) => run.heap?.embedderBytes);
  return {
    ...info,
    runs: withExtension.length,
    marks: spread(values(withExtension, (run) => run.probe.marks)),
    entities: medianOf(withExtension, (run) => run.probe.entities),
    timeToLastMarkMs: spread(values(withExtension, (run) => run.probe.lastMarkAt)),
    floorMs,
    isolatedFloorMs: spread(floors.map((floor) => floor?.isolatedMs ?? null)),
    pieceCostUs: perPieceUs,
    fullFloorMs: spread(fullFloors),
    floorMatches: median(floors.flatMap((floor) => (floor ? [floor.matches] : []))),
    ourCpuMs,
    cpuVsFloor: spread(runRatios)?.median ?? null,
    cpuVsFullFloor: spread(withExtension.map((run, index) => ratio(run.trace?.ourCpuMs, fullFloors[index])))?.median ?? null,
    longestTaskWithoutMs: spread(values(without, (run) => run.trace?.longestTaskMs)),
    longestTaskWithMs: spread(values(withExtension, (run) => run.trace?.longestTaskMs)),
    longestOurTaskMs: spread(values(withExtension, (run) => run.trace?.longestOurTaskMs)),
    largestOurShareMs: spread(values(withExtension, (run) => run.trace?.largestOurShareMs)),
    ourTasksOverLimit: Math.max(0, ...withExtension.map((run) => run.trace?.ourTasksOverLimit ?? 0)),
    jsHeapDeltaBytes: heapWith !== null && heapWithout !== null ? heapWith - heapWithout : null,
    domHeapDeltaBytes: domWith !== null && domWithout !== null ? domWith - domWithout : null,
    pageWrites: medianOf(withExtension, (run) => run.probe.pageWrites),
    uiWrites: medianOf(withExtension, (run) => run.probe.uiWrites),
    clsWith: medianOf(withExtension, (run) => run.probe.layoutShift),
    clsWithout: medianOf(without, (run) => run.probe.layoutShift),
    blockedUrls: [...new Set(withExtension.flatMap((run) => run.blockedRequests))].slice(0, 5),
    notes,
  };
}

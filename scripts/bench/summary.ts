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
  floorMs: Spread | null;
  floorMatches: number | null;
  ourCpuMs: Spread | null;
  /** Median over runs of (our CPU / the floor measured in that run's page). */
  cpuVsFloor: number | null;
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
  ms: number;
  matches: number;
}

/**
 * `floors[i]` was measured in the page of `withExtension[i]`; the ratio to the floor is taken run
 * by run (both figures a moment apart, under the same load) and then the median.
 */
export function summarisePage(info: PageInfo, withExtension: readonly Visit[], without: readonly Visit[], floors: readonly (FloorSample | null)[]): PageSummary {
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
    floorMatches: median(floors.flatMap((floor) => (floor ? [floor.matches] : []))),
    ourCpuMs,
    cpuVsFloor: spread(runRatios)?.median ?? null,
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

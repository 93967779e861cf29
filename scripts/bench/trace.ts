/**
 * Reads a Chromium trace (CDP Tracing, `devtools.timeline` categories plus the V8 sampler) and
 * answers: which thread is the page's main thread, which tasks ran there and for how long, and how
 * much of each task was our code. RunTask events are every task the renderer's scheduler ran,
 * unlike PerformanceObserver('longtask'), which reports only some.
 */
import { attributeNodes, ourTimeBetween, samplesFromProfile, type ProfileNode, type Sample, type ScriptPredicate } from './profile';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

/** The categories a bench trace records. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  // About 0.1–0.2 ms between samples instead of about 1 ms: enough resolution for 8 ms slices.
  'disabled-by-default-v8.cpu_profiler.hires',
];

export interface Thread {
  pid: number;
  tid: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) current = record(current)?.[key];
  return typeof current === 'string' ? current : undefined;
}

function numberAt(value: unknown, ...path: string[]): number | undefined {
  let current: unknown = value;
  for (const key of path) current = record(current)?.[key];
  return typeof current === 'number' ? current : undefined;
}

/**
 * The renderer main thread that parsed a document from `origin`. The page is first opened on a
 * blank document of the same origin, so the process does not change under the trace.
 */
export function findPageThread(events: readonly TraceEvent[], origin: string): Thread | null {
  let pid: number | undefined;
  for (const event of events) {
    if (event.name === 'ParseHTML' && stringAt(event.args, 'beginData', 'url')?.startsWith(origin)) {
      pid = event.pid;
    }
  }
  if (pid === undefined) {
    for (const event of events) {
      if (event.name !== 'TracingStartedInBrowser') continue;
      const frames = record(record(event.args)?.['data'])?.['frames'];
      if (!Array.isArray(frames)) continue;
      for (const frame of frames) {
        if (stringAt(frame, 'url')?.startsWith(origin)) pid = numberAt(frame, 'processId');
      }
    }
  }
  if (pid === undefined) return null;
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && stringAt(event.args, 'name') === 'CrRendererMain');
  return { pid, tid: main?.tid ?? pid };
}

/**
 * When the page at `url` started loading (µs, trace clock): its `navigationStart` mark, or the
 * first ParseHTML of it. Everything before belongs to the previous document and to starting the
 * trace, and is left out.
 */
export function navigationStartOf(events: readonly TraceEvent[], url: string): number | null {
  let parseStart: number | null = null;
  for (const event of events) {
    if (event.name === 'navigationStart' && stringAt(event.args, 'data', 'documentLoaderURL') === url) return event.ts;
    if (event.name === 'ParseHTML' && parseStart === null && stringAt(event.args, 'beginData', 'url') === url) parseStart = event.ts;
  }
  return parseStart;
}

export interface Task {
  ts: number;
  dur: number;
}

/** Every top-level task the thread ran, in time order. */
export function mainThreadTasks(events: readonly TraceEvent[], thread: Thread): Task[] {
  return events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.pid === thread.pid && event.tid === thread.tid)
    .map((event) => ({ ts: event.ts, dur: event.dur ?? 0 }))
    .sort((a, b) => a.ts - b.ts);
}

/**
 * The V8 samples of the thread's isolate, attributed. The sampler writes a `Profile` event on the
 * thread it samples and `ProfileChunk` events (same pid and id) with nodes, samples and deltas.
 */
export function threadSamples(events: readonly TraceEvent[], thread: Thread, isOurs: ScriptPredicate): Sample[] {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === thread.pid && event.tid === thread.tid);
  if (!profile) return [];
  const startTime = numberAt(profile.args, 'data', 'startTime') ?? profile.ts;
  const nodes: ProfileNode[] = [];
  const sampleIds: number[] = [];
  const timeDeltas: number[] = [];
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== thread.pid || event.id !== profile.id) continue;
    const data = record(record(event.args)?.['data']);
    const cpuProfile = record(data?.['cpuProfile']);
    const chunkNodes = cpuProfile?.['nodes'];
    if (Array.isArray(chunkNodes)) nodes.push(...(chunkNodes as ProfileNode[]));
    const chunkSamples = cpuProfile?.['samples'];
    const chunkDeltas = data?.['timeDeltas'];
    if (Array.isArray(chunkSamples) && Array.isArray(chunkDeltas)) {
      sampleIds.push(...(chunkSamples as number[]));
      timeDeltas.push(...(chunkDeltas as number[]));
    }
  }
  return samplesFromProfile(startTime, sampleIds, timeDeltas, attributeNodes(nodes, isOurs));
}

/** Trace events that name the script they run: its top-level run, callbacks into it, its compilation. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule']);

/**
 * Intervals of the thread's time spent in events that name one of our scripts, outermost only,
 * merged. They include what samples cannot see: setting up the content script's isolated world
 * and compiling it, which run before any of its frames is on the stack.
 */
export function ourEventIntervals(events: readonly TraceEvent[], thread: Thread, isOurs: ScriptPredicate): Task[] {
  const intervals = events
    .filter(
      (event) =>
        SCRIPT_EVENTS.has(event.name) &&
        event.ph === 'X' &&
        event.pid === thread.pid &&
        event.tid === thread.tid &&
        isOurs(stringAt(event.args, 'data', 'url') ?? stringAt(event.args, 'fileName') ?? ''),
    )
    .map((event) => ({ ts: event.ts, dur: event.dur ?? 0 }))
    .sort((a, b) => a.ts - b.ts);
  return mergeIntervals(intervals);
}

export function mergeIntervals(sorted: readonly Task[]): Task[] {
  const merged: Task[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.ts <= last.ts + last.dur) last.dur = Math.max(last.dur, interval.ts + interval.dur - last.ts);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Where our time went: intervals of events naming our scripts, plus our samples outside them
 * (promise continuations, such as code resumed after `scheduler.yield()`, run as microtasks
 * without an event of their own; samples catch them).
 */
export interface Attribution {
  intervals: Task[];
  /** Our samples that fall outside `intervals`, sorted. */
  samples: Sample[];
}

export function attribute(intervals: readonly Task[], samples: readonly Sample[]): Attribution {
  const outside: Sample[] = [];
  let cursor = 0;
  for (const sample of samples) {
    if (!sample.ours) continue;
    while (cursor < intervals.length && (intervals[cursor] as Task).ts + (intervals[cursor] as Task).dur <= sample.ts) cursor++;
    const interval = intervals[cursor];
    const inside = interval !== undefined && sample.ts >= interval.ts && sample.ts < interval.ts + interval.dur;
    if (!inside) outside.push(sample);
  }
  return { intervals: [...intervals], samples: outside };
}

/** Our time (µs) within [from, to). */
export function ourTime(attribution: Attribution, from: number, to: number): number {
  let total = ourTimeBetween(attribution.samples, from, to);
  for (const interval of attribution.intervals) {
    if (interval.ts >= to) break;
    total += Math.max(0, Math.min(to, interval.ts + interval.dur) - Math.max(from, interval.ts));
  }
  return total;
}

/** The end of our last interval or sample (µs), or null when we never ran. */
export function lastOurs(attribution: Attribution): number | null {
  const interval = attribution.intervals[attribution.intervals.length - 1];
  const sample = attribution.samples[attribution.samples.length - 1];
  const ends = [interval ? interval.ts + interval.dur : null, sample ? sample.ts + sample.dur : null].filter((end): end is number => end !== null);
  return ends.length > 0 ? Math.max(...ends) : null;
}

/** Timestamps (µs, trace clock) of `performance.mark(name)` calls on the page. */
export function userMarks(events: readonly TraceEvent[], thread: Thread, name: string): number[] {
  return events
    .filter((event) => event.name === name && event.cat.includes('blink.user_timing') && event.pid === thread.pid)
    .map((event) => event.ts)
    .sort((a, b) => a - b);
}

export interface TaskFigures {
  /** Longest task on the page's main thread, ours or not (ms). */
  longestTaskMs: number;
  /** Our time across the page's tasks (ms); all of it runs inside some task. */
  ourCpuMs: number;
  /** Longest task in which any of our code ran (ms), or 0. */
  longestOurTaskMs: number;
  /** The most of our own time inside one task (ms). */
  largestOurShareMs: number;
  /** Tasks over the long-task line, and how many of them ran our code. */
  tasksOverLimit: number;
  ourTasksOverLimit: number;
  /** When our code last ran, µs on the trace clock (to check the run had settled). */
  lastOurTs: number | null;
}

const US_PER_MS = 1000;

export function taskFigures(tasks: readonly Task[], attribution: Attribution, longTaskMs: number): TaskFigures {
  let longestTask = 0;
  let longestOurTask = 0;
  let largestShare = 0;
  let overLimit = 0;
  let ourOverLimit = 0;
  let ourCpu = 0;
  for (const task of tasks) {
    const ours = ourTime(attribution, task.ts, task.ts + task.dur);
    ourCpu += ours;
    longestTask = Math.max(longestTask, task.dur);
    if (task.dur > longTaskMs * US_PER_MS) overLimit++;
    if (ours > 0) {
      longestOurTask = Math.max(longestOurTask, task.dur);
      largestShare = Math.max(largestShare, ours);
      if (task.dur > longTaskMs * US_PER_MS) ourOverLimit++;
    }
  }
  return {
    longestTaskMs: longestTask / US_PER_MS,
    ourCpuMs: ourCpu / US_PER_MS,
    longestOurTaskMs: longestOurTask / US_PER_MS,
    largestOurShareMs: largestShare / US_PER_MS,
    tasksOverLimit: overLimit,
    ourTasksOverLimit: ourOverLimit,
    lastOurTs: lastOurs(attribution),
  };
}

/**
 * One call for a whole trace: find the page's thread, its tasks and our time from the page's
 * navigation on, and sum them up.
 */
export function analyseTrace(events: readonly TraceEvent[], url: string, isOurs: ScriptPredicate, longTaskMs: number) {
  const thread = findPageThread(events, new URL(url).origin);
  if (!thread) return null;
  const from = navigationStartOf(events, url) ?? -Infinity;
  const tasks = mainThreadTasks(events, thread).filter((task) => task.ts >= from);
  const intervals = ourEventIntervals(events, thread, isOurs).filter((interval) => interval.ts >= from);
  const samples = threadSamples(events, thread, isOurs).filter((sample) => sample.ts >= from);
  const attribution = attribute(intervals, samples);
  return { thread, from, tasks, attribution, figures: taskFigures(tasks, attribution, longTaskMs) };
}

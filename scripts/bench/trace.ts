/**
 * Reads a Chromium trace (CDP Tracing, `devtools.timeline` categories plus the V8 sampler) and
 * answers: which thread is the page's main thread, which tasks ran there, and how much of each
 * task was our code. RunTask events are every task the renderer's scheduler ran, unlike
 * PerformanceObserver('longtask'), which reports only some.
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

/** A stretch of a thread's time (µs, trace clock). */
export interface Task {
  ts: number;
  dur: number;
}

/** The value at `path` inside an event's loosely typed args. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function parseTrace(json: string): TraceEvent[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/**
 * The renderer main thread that parsed a document from `origin`. The page is first opened on a
 * blank document of the same origin, so the process does not change under the trace.
 */
export function findPageThread(events: readonly TraceEvent[], origin: string): Thread | null {
  let pid: number | undefined;
  for (const event of events) {
    if (event.name === 'ParseHTML' && text(at(event.args, 'beginData', 'url'))?.startsWith(origin)) pid = event.pid;
  }
  // When no ParseHTML names the origin, the browser's list of frames at the start of the trace may.
  for (const event of pid === undefined ? events : []) {
    const frames = event.name === 'TracingStartedInBrowser' ? at(event.args, 'data', 'frames') : undefined;
    for (const frame of Array.isArray(frames) ? frames : []) {
      const processId = at(frame, 'processId');
      if (text(at(frame, 'url'))?.startsWith(origin) && typeof processId === 'number') pid = processId;
    }
  }
  if (pid === undefined) return null;
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && at(event.args, 'name') === 'CrRendererMain');
  return { pid, tid: main?.tid ?? pid };
}

/**
 * When the page at `url` started loading: its `navigationStart` mark, or the first ParseHTML of
 * it. Everything before belongs to the previous document and to starting the trace.
 */
function navigationStartOf(events: readonly TraceEvent[], url: string): number | null {
  let parseStart: number | null = null;
  for (const event of events) {
    if (event.name === 'navigationStart' && at(event.args, 'data', 'documentLoaderURL') === url) return event.ts;
    if (event.name === 'ParseHTML' && parseStart === null && at(event.args, 'beginData', 'url') === url) parseStart = event.ts;
  }
  return parseStart;
}

/** The thread's complete events that pass `test`, in time order. */
function slices(events: readonly TraceEvent[], thread: Thread, test: (event: TraceEvent) => boolean): Task[] {
  return events
    .filter((event) => event.ph === 'X' && event.pid === thread.pid && event.tid === thread.tid && test(event))
    .map((event) => ({ ts: event.ts, dur: event.dur ?? 0 }))
    .sort((a, b) => a.ts - b.ts);
}

/** Every top-level task the thread ran, in time order. */
export function mainThreadTasks(events: readonly TraceEvent[], thread: Thread): Task[] {
  return slices(events, thread, (event) => event.name === 'RunTask');
}

/**
 * The V8 samples of the thread's isolate, attributed. The sampler writes a `Profile` event on the
 * thread it samples and `ProfileChunk` events (same pid and id) with nodes, samples and deltas.
 */
function threadSamples(events: readonly TraceEvent[], thread: Thread, isOurs: ScriptPredicate): Sample[] {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === thread.pid && event.tid === thread.tid);
  if (!profile) return [];
  const nodes: ProfileNode[] = [];
  const sampleIds: number[] = [];
  const timeDeltas: number[] = [];
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== thread.pid || event.id !== profile.id) continue;
    const [chunkNodes, chunkSamples, chunkDeltas] = [at(event.args, 'data', 'cpuProfile', 'nodes'), at(event.args, 'data', 'cpuProfile', 'samples'), at(event.args, 'data', 'timeDeltas')];
    if (Array.isArray(chunkNodes)) nodes.push(...(chunkNodes as ProfileNode[]));
    if (Array.isArray(chunkSamples) && Array.isArray(chunkDeltas)) {
      sampleIds.push(...(chunkSamples as number[]));
      timeDeltas.push(...(chunkDeltas as number[]));
    }
  }
  const startTime = at(profile.args, 'data', 'startTime');
  return samplesFromProfile(typeof startTime === 'number' ? startTime : profile.ts, sampleIds, timeDeltas, attributeNodes(nodes, isOurs));
}

/** Trace events that name the script they run: its top-level run, callbacks into it, its compilation. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule']);

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
 * Where our time went: the thread's time in events that name one of our scripts (merged; they
 * include what samples cannot see, such as setting up the content script's isolated world and
 * compiling it, before any of its frames is on the stack), plus our samples outside them (promise
 * continuations, such as code resumed after `scheduler.yield()`, run as microtasks without an
 * event of their own).
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
    if (interval === undefined || sample.ts < interval.ts || sample.ts >= interval.ts + interval.dur) outside.push(sample);
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
function lastOurs(attribution: Attribution): number | null {
  const interval = attribution.intervals.at(-1);
  const sample = attribution.samples.at(-1);
  if (!interval && !sample) return null;
  return Math.max(interval ? interval.ts + interval.dur : -Infinity, sample ? sample.ts + sample.dur : -Infinity);
}

/** Timestamps (µs, trace clock) of `performance.mark(name)` calls on the page. */
export function userMarks(events: readonly TraceEvent[], thread: Thread, name: string): number[] {
  return events
    .filter((event) => event.name === name && event.cat.includes('blink.user_timing') && event.pid === thread.pid)
    .map((event) => event.ts)
    .sort((a, b) => a - b);
}

export interface TaskFigures {
  /** Our time across the page's tasks (ms); all of it runs inside some task. */
  ourCpuMs: number;
  /** The most of our own time inside one task (ms). */
  largestOurShareMs: number;
  /** When our code last ran, µs on the trace clock (to check the run had settled). */
  lastOurTs: number | null;
}

export function taskFigures(tasks: readonly Task[], attribution: Attribution): TaskFigures {
  const ours = tasks.map((task) => ourTime(attribution, task.ts, task.ts + task.dur));
  return { ourCpuMs: ours.reduce((sum, time) => sum + time, 0) / 1000, largestOurShareMs: Math.max(0, ...ours) / 1000, lastOurTs: lastOurs(attribution) };
}

/** One call for a whole trace: the page's thread, its tasks and where our time went from the page's navigation on, and their figures. */
export function analyseTrace(events: readonly TraceEvent[], url: string, isOurs: ScriptPredicate) {
  const thread = findPageThread(events, new URL(url).origin);
  if (!thread) return null;
  const from = navigationStartOf(events, url) ?? -Infinity;
  const tasks = mainThreadTasks(events, thread).filter((task) => task.ts >= from);
  const ourEvents = slices(events, thread, (event) => SCRIPT_EVENTS.has(event.name) && isOurs(text(at(event.args, 'data', 'url')) ?? text(at(event.args, 'fileName')) ?? ''));
  const intervals = mergeIntervals(ourEvents).filter((interval) => interval.ts >= from);
  const samples = threadSamples(events, thread, isOurs).filter((sample) => sample.ts >= from);
  const attribution = attribute(intervals, samples);
  return { thread, tasks, attribution, figures: taskFigures(tasks, attribution) };
}

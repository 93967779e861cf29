import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../scripts/bench/profile';
import { analyseTrace, attribute, findPageThread, mainThreadTasks, mergeIntervals, ourTime, parseTrace, taskFigures, userMarks, type TraceEvent } from '../../../scripts/bench/trace';

/**
 * A trace recorded in headless Chromium 156 (a 400-paragraph page, a small content script that
 * wraps names in 8 ms slices), cut down to the events the analysis reads.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = parseTrace(readFileSync(path.join(here, 'fixtures', 'small-trace.json'), 'utf8'));
const ORIGIN = 'http://127.0.0.1:8000';
const isExtension = (url: string) => url.startsWith('chrome-extension://');

describe('a recorded trace', () => {
  const analysis = analyseTrace(recorded, `${ORIGIN}/bench/small.html`, isExtension);

  it('finds the renderer main thread that parsed the page', () => {
    expect(analysis?.thread).toEqual({ pid: 5341, tid: 5341 });
    expect(findPageThread(recorded, 'http://elsewhere.test')).toBeNull();
  });

  it('reads its tasks and attributes the content script’s time to it', () => {
    expect(analysis?.tasks.length).toBeGreaterThan(100);
    const figures = analysis?.figures;
    // The content script's top-level run (27.2 ms, world set-up included) and its three slices.
    expect(analysis?.attribution.intervals).toHaveLength(4);
    expect(figures?.ourCpuMs).toBeCloseTo(131.692, 2);
    expect(figures?.largestOurShareMs).toBeCloseTo(91.06, 2);
  });

  it('finds the page’s performance marks on the trace clock', () => {
    expect(userMarks(recorded, { pid: 5341, tid: 5341 }, 'bench-append')).toEqual([1012714558]);
  });
});

const event = (name: string, ts: number, dur: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts,
  dur,
  ...extra,
});

describe('task figures', () => {
  const thread = { pid: 1, tid: 1 };
  const events: TraceEvent[] = [
    event('RunTask', 0, 60_000),
    event('RunTask', 100_000, 10_000),
    event('RunTask', 200_000, 5_000),
    event('RunTask', 0, 99_000, { tid: 2 }), // another thread: not the page's
  ];

  it('keeps the thread’s own tasks, in order', () => {
    expect(mainThreadTasks(events, thread)).toEqual([
      { ts: 0, dur: 60_000 },
      { ts: 100_000, dur: 10_000 },
      { ts: 200_000, dur: 5_000 },
    ]);
  });

  it('counts an interval once and samples only outside intervals', () => {
    const samples: Sample[] = [
      { ts: 1_000, dur: 1_000, ours: true }, // inside the interval below: already counted
      { ts: 101_000, dur: 2_000, ours: true },
      { ts: 102_000, dur: 500, ours: false },
    ];
    const attribution = attribute([{ ts: 0, dur: 40_000 }], samples);
    expect(attribution.samples).toEqual([samples[1]]);
    expect(ourTime(attribution, 0, 300_000)).toBe(42_000);
    const figures = taskFigures(mainThreadTasks(events, thread), attribution);
    expect(figures).toEqual({ ourCpuMs: 42, largestOurShareMs: 40, lastOurTs: 103_000 });
  });

  it('merges overlapping intervals', () => {
    expect(mergeIntervals([{ ts: 0, dur: 10 }, { ts: 5, dur: 10 }, { ts: 20, dur: 1 }])).toEqual([{ ts: 0, dur: 15 }, { ts: 20, dur: 1 }]);
  });
});

/**
 * The streaming page, traced with the extension: after the first pass has settled, the page
 * appends one paragraph every BENCH_STREAM_INTERVAL_MS for BENCH_STREAM_DURATION_MS. Our cost per
 * appended paragraph, and whether it stays flat as the page grows (incremental work) or climbs (a
 * rescan per change).
 */
import type { Page } from 'puppeteer-core';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { FixtureServer } from '../harness/server';
import { repeat, visit, waitUntilSettled, type BenchContext } from './measure';
import { plantableNames } from './names';
import { generateStreamingPage, ONE_MEGABYTE_PAGE } from './pages';
import type { Section } from './results';
import { BENCH_POLL_MS, BENCH_STREAM_DURATION_MS, BENCH_STREAM_INTERVAL_MS, BENCH_STREAM_RUNS } from './settings';
import { median, spread, type Spread } from './stats';
import { ourTime, type Attribution } from './trace';

/** Paragraphs on the page before the stream starts: enough that a rescan per append would show. */
const INITIAL_PARAGRAPHS = 50;
/** The performance mark the page leaves at each append (see generateStreamingPage). */
const APPEND_MARK = 'bench-append';
const QUARTERS = 4;

export interface StreamCost {
  paragraphs: number;
  /** Our CPU from the first append to the end of the trace, per paragraph (ms). */
  perParagraphMs: number | null;
  /** The same for each quarter of the stream, first to last (ms). */
  quarterPerParagraphMs: (number | null)[];
  /** Last quarter over first: about 1 when the work per paragraph does not grow with the page. */
  growth: number | null;
}

export interface StreamingSummary {
  runs: number;
  paragraphs: number;
  perParagraphMs: Spread | null;
  /** Median across runs, for each quarter of the stream. */
  quarterPerParagraphMs: (number | null)[];
  growth: Spread | null;
  largestOurShareMs: Spread | null;
  marks: Spread | null;
  notes: string[];
}

/** `appendTimes` are the page's append marks on the trace clock (µs); `endTs` ends the last quarter. */
export function streamCost(attribution: Attribution, appendTimes: readonly number[], endTs: number): StreamCost {
  const count = appendTimes.length;
  const first = appendTimes[0];
  if (count === 0 || first === undefined) return { paragraphs: 0, perParagraphMs: null, quarterPerParagraphMs: [], growth: null };
  const quarterPerParagraphMs: (number | null)[] = [];
  for (let quarter = 0; quarter < QUARTERS; quarter++) {
    const from = Math.floor((quarter * count) / QUARTERS);
    const to = Math.floor(((quarter + 1) * count) / QUARTERS);
    const start = appendTimes[from];
    const end = quarter === QUARTERS - 1 ? endTs : appendTimes[to];
    quarterPerParagraphMs.push(start === undefined || end === undefined || to <= from ? null : ourTime(attribution, start, end) / 1000 / (to - from));
  }
  const firstQuarter = quarterPerParagraphMs[0];
  const lastQuarter = quarterPerParagraphMs[QUARTERS - 1];
  const growth = firstQuarter && lastQuarter !== null && lastQuarter !== undefined ? lastQuarter / firstQuarter : null;
  return { paragraphs: count, perParagraphMs: ourTime(attribution, first, endTs) / 1000 / count, quarterPerParagraphMs, growth };
}

async function stream(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __benchStartStream?: () => void }).__benchStartStream?.());
  await page.waitForFunction(() => (window as unknown as { __benchStream?: { done: boolean } }).__benchStream?.done === true, {
    polling: BENCH_POLL_MS,
    timeout: BENCH_STREAM_DURATION_MS * 3,
  });
  await waitUntilSettled(page);
}

export async function runStreaming(context: BenchContext, server: FixtureServer): Promise<Section<StreamingSummary>> {
  const appended = Math.round(BENCH_STREAM_DURATION_MS / BENCH_STREAM_INTERVAL_MS);
  const generated = generateStreamingPage({
    ...ONE_MEGABYTE_PAGE,
    title: 'Live page: a paragraph every 50 ms',
    paragraphs: INITIAL_PARAGRAPHS,
    mentions: Math.round((ONE_MEGABYTE_PAGE.mentions * INITIAL_PARAGRAPHS) / ONE_MEGABYTE_PAGE.paragraphs),
    names: plantableNames(CATALOG, ONE_MEGABYTE_PAGE.maxNames),
    appended,
    intervalMs: BENCH_STREAM_INTERVAL_MS,
  });
  const url = server.page(generated.html, '/bench/streaming.html');
  const runs = Math.min(context.runs, BENCH_STREAM_RUNS);
  const visits = await repeat(context, runs, `streaming page (${BENCH_STREAM_DURATION_MS / 1000} s)`, () =>
    visit(context, context.withExtension, url, { whileTracing: stream, keepMark: APPEND_MARK }),
  );
  const costs = visits.flatMap((run) => (run.detail ? [streamCost(run.detail.attribution, run.detail.markTimes, run.detail.traceEndTs)] : []));
  const notes: string[] = [];
  if (costs.some((cost) => cost.paragraphs !== appended)) notes.push(`expected ${appended} append marks, saw ${costs.map((cost) => cost.paragraphs).join('/')}`);
  if (visits.some((run) => run.ourWorkAtEnd)) notes.push('our code still running when a trace ended');
  return {
    measured: {
      runs,
      paragraphs: appended,
      perParagraphMs: spread(costs.map((cost) => cost.perParagraphMs)),
      quarterPerParagraphMs: [0, 1, 2, 3].map((quarter) => median(costs.flatMap((cost) => cost.quarterPerParagraphMs[quarter] ?? []))),
      growth: spread(costs.map((cost) => cost.growth)),
      largestOurShareMs: spread(visits.map((run) => run.trace?.largestOurShareMs ?? null)),
      marks: spread(visits.map((run) => run.probe.marks)),
      notes,
    },
  };
}

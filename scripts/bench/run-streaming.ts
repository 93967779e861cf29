/**
 * The streaming page, traced with the extension: first pass, then the stream, then settle. One
 * visit without the extension gives the page's own longest task for comparison.
 */
import { BENCH_POLL_MS, BENCH_STREAM_DURATION_MS, BENCH_STREAM_INTERVAL_MS, BENCH_STREAM_RUNS } from './settings';
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from '../harness/server';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { BenchContext } from './context';
import { visit, waitUntilSettled, type Visit } from './measure';
import { plantableNames } from './names';
import { generateStreamingPage, ONE_MEGABYTE_PAGE } from './pages';
import type { Section, StreamingSummary } from './results';
import { median, spread } from './stats';
import { streamCost, type StreamCost } from './streaming';

/** Paragraphs on the page before the stream starts: enough that a rescan per append would show. */
const INITIAL_PARAGRAPHS = 50;
const APPEND_MARK = 'bench-append';

interface StreamWindow {
  __benchStartStream?: () => void;
  __benchStream?: { done: boolean };
}

async function stream(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as StreamWindow).__benchStartStream?.());
  await page.waitForFunction(() => (window as unknown as StreamWindow).__benchStream?.done === true, {
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
  const visits: Visit[] = [];
  const costs: StreamCost[] = [];
  for (let run = 0; run < runs; run++) {
    context.progress(`streaming page: run ${run + 1}/${runs} (${BENCH_STREAM_DURATION_MS / 1000} s)`);
    const result = await visit(context.withExtension, url, {
      helpers: context.helpers,
      blankUrl: context.blankUrl,
      isOurs: context.isExtension,
      whileTracing: stream,
      keepSamplesAndMarks: APPEND_MARK,
    });
    visits.push(result);
    if (result.detail) costs.push(streamCost(result.detail.attribution, result.detail.markTimes, result.detail.traceEndTs));
  }
  context.progress('streaming page: once without the extension');
  const without = await visit(context.without, url, { helpers: context.helpers, blankUrl: context.blankUrl, isOurs: context.isExtension, whileTracing: stream });

  const notes: string[] = [];
  if (costs.some((cost) => cost.paragraphs !== appended)) notes.push(`expected ${appended} append marks, saw ${costs.map((cost) => cost.paragraphs).join('/')}`);
  if (visits.some((run) => run.ourWorkAtEnd)) notes.push('our code still running when a trace ended');
  const quarters = [0, 1, 2, 3].map((quarter) =>
    median(costs.map((cost) => cost.quarterPerParagraphMs[quarter]).filter((value): value is number => value !== null && value !== undefined)),
  );
  return {
    measured: {
      runs,
      paragraphs: appended,
      perParagraphMs: spread(costs.map((cost) => cost.perParagraphMs)),
      quarterPerParagraphMs: quarters,
      growth: spread(costs.map((cost) => cost.growth)),
      longestOurTaskMs: spread(visits.map((run) => run.trace?.longestOurTaskMs ?? null)),
      largestOurShareMs: spread(visits.map((run) => run.trace?.largestOurShareMs ?? null)),
      longestTaskWithoutMs: spread([without.trace?.longestTaskMs ?? null]),
      marks: spread(visits.map((run) => run.probe.marks)),
      each: costs,
      notes,
    },
  };
}

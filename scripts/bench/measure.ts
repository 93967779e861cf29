/**
 * One visit to one page in Chromium, traced from navigation until highlighting has settled: what
 * the in-page probe saw (marks, DOM writes, layout shift) and the CPU figures of the trace.
 */
import type { Page } from 'puppeteer-core';
import { pageLog, type BrowserHandle, type GuardedBrowser } from '../harness/browsers';
import { ENTITY_HIGHLIGHT_PREFIX } from '../harness/page-helpers';
import type { ProbeReading } from './in-page/probe';
import { probeScript } from './in-page-script';
import { BENCH_IDLE_MAX_GAP_MS, BENCH_POLL_MS, BENCH_SETTLE_MS, BENCH_SETTLE_TIMEOUT_MS } from './settings';
import { analyseTrace, parseTrace, TRACE_CATEGORIES, userMarks, type Attribution, type TaskFigures } from './trace';

/** What every part of a run shares: the two Chromiums, the page-side helpers and the settings. */
export interface BenchContext {
  /** Chromium with the extension loaded, and the same Chromium without it. */
  withExtension: BrowserHandle;
  without: GuardedBrowser;
  /** The bundled page-side helpers (./in-page-script.ts). */
  helpers: string;
  /** A same-origin blank page, opened before each trace starts. */
  blankUrl: string;
  runs: number;
  progress(message: string): void;
}

export interface VisitOptions {
  /** Which script URLs count as ours: the extension's unless told. */
  isOurs?: (url: string) => boolean;
  /** Runs after the page has settled, still inside the trace (e.g. start a stream and wait for it). */
  whileTracing?: (page: Page) => Promise<void>;
  /** Runs after the trace, before the page closes (e.g. the floor passes). */
  afterTrace?: (page: Page) => Promise<void>;
  /** Keep where our time went and the times of this performance mark, for the streaming figures. */
  keepMark?: string;
}

export interface Visit {
  probe: ProbeReading;
  settled: boolean;
  /** Null when the trace had no thread for the page (reported, never guessed). */
  trace: TaskFigures | null;
  /** Our code was still running in the last moments of the trace (the settle wait was too short). */
  ourWorkAtEnd: boolean;
  /** Only with `keepMark`: where our time went, the mark's times and the trace's end (µs). */
  detail: { attribution: Attribution; markTimes: number[]; traceEndTs: number } | null;
  /** Non-loopback requests the page made (all aborted), and its uncaught errors. */
  blockedRequests: string[];
  pageErrors: string[];
}

export async function visit(context: BenchContext, browser: GuardedBrowser, url: string, options: VisitOptions = {}): Promise<Visit> {
  const isOurs = options.isOurs ?? ((script: string) => script.startsWith(`${context.withExtension.extensionOrigin}/`));
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(probeScript(context.helpers));
    await page.goto(context.blankUrl, { waitUntil: 'load' });
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    // Starting the sampler costs the renderer tens of milliseconds, inside whatever script runs
    // next: let that be this throwaway script on the blank page, not the page under test.
    await page.evaluate(() => 0);
    await page.goto(url, { waitUntil: 'load', timeout: BENCH_SETTLE_TIMEOUT_MS });
    const settled = await waitUntilSettled(page);
    await options.whileTracing?.(page);
    const raw = await page.tracing.stop();
    const probe = await page.evaluate((prefix) => window.__bench?.readProbe(prefix) ?? null, ENTITY_HIGHLIGHT_PREFIX);
    if (!probe) throw new Error(`the probe did not run on ${url}`);
    await options.afterTrace?.(page);
    const events = raw ? parseTrace(Buffer.from(raw).toString('utf8')) : [];
    const analysis = analyseTrace(events, url, isOurs);
    const traceEndTs = events.reduce((latest, event) => Math.max(latest, event.ts + (event.dur ?? 0)), 0);
    const lastOurs = analysis?.figures.lastOurTs ?? null;
    const { blockedRequests, pageErrors } = pageLog(page);
    return {
      probe,
      settled,
      trace: analysis?.figures ?? null,
      ourWorkAtEnd: lastOurs !== null && traceEndTs - lastOurs < (BENCH_SETTLE_MS * 1000) / 2,
      detail: analysis && options.keepMark ? { attribution: analysis.attribution, markTimes: userMarks(events, analysis.thread, options.keepMark), traceEndTs } : null,
      blockedRequests: [...blockedRequests],
      pageErrors: [...pageErrors],
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Waits until no mark has come or gone, and the page has been idle, for BENCH_SETTLE_MS; false if that never happened. */
export async function waitUntilSettled(page: Page): Promise<boolean> {
  return page
    .waitForFunction((quietMs, maxGapMs) => window.__bench?.hasSettled(quietMs, maxGapMs) ?? false, { polling: BENCH_POLL_MS, timeout: BENCH_SETTLE_TIMEOUT_MS }, BENCH_SETTLE_MS, BENCH_IDLE_MAX_GAP_MS)
    .then(() => true)
    .catch(() => false);
}

/** `count` visits one after another, each announced as run i/count. */
export async function repeat<T>(context: BenchContext, count: number, what: string, once: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < count; run++) {
    context.progress(`${what}: run ${run + 1}/${count}`);
    results.push(await once());
  }
  return results;
}

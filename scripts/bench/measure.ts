/**
 * One visit to one page in Chromium, traced from navigation until highlighting has settled:
 * marks, time to the last mark, DOM writes, layout shift, the task and CPU figures from the
 * trace, and the JS heap after a forced garbage collection.
 */
import type { Page } from 'puppeteer-core';
import { BENCH_IDLE_MAX_GAP_MS, BENCH_POLL_MS, BENCH_SETTLE_MS, BENCH_SETTLE_TIMEOUT_MS, BENCH_TARGET_LONG_TASK_MS } from './settings';
import type { BenchBrowser } from './browser';
import { MARK_SELECTOR, type ProbeReading } from './in-page/probe';
import { probeScript } from './in-page-script';
import type { ScriptPredicate } from './profile';
import { analyseTrace, TRACE_CATEGORIES, userMarks, type Attribution, type TaskFigures, type TraceEvent } from './trace';

export interface VisitOptions {
  /** Bundled page-side helpers (./in-page-script.ts). */
  helpers: string;
  /** Same-origin blank page opened before tracing, so the renderer process is settled. */
  blankUrl: string;
  /** Which script URLs count as ours. */
  isOurs: ScriptPredicate;
  /** Runs after the page has settled, still inside the trace (e.g. start a stream and wait for it). */
  whileTracing?: (page: Page) => Promise<void>;
  /** Runs after the trace, before the page closes (e.g. the floor pass). */
  afterTrace?: (page: Page) => Promise<void>;
  /** Keep the attributed samples and the times of this performance mark, for further analysis. */
  keepSamplesAndMarks?: string;
}

export interface HeapReading {
  /** V8 heap in use after a forced GC (page and content script share the isolate). */
  jsBytes: number;
  /** Blink's (Oilpan) heap in use: DOM nodes, including our marks. */
  embedderBytes: number | null;
}

export interface Visit {
  probe: ProbeReading;
  settled: boolean;
  /** Null when the trace had no thread for the page (reported, never guessed). */
  trace: TaskFigures | null;
  /** Set when our code was still running in the last moments of the trace (the settle wait was too short). */
  ourWorkAtEnd: boolean;
  heap: HeapReading | null;
  /** Only with `keepSamplesAndMarks`: where our time went, the mark's times and the trace's end (µs). */
  detail: { attribution: Attribution; markTimes: number[]; traceEndTs: number } | null;
  /** Non-loopback URLs the page asked for (all aborted). */
  blockedRequests: string[];
  pageErrors: string[];
}

export async function visit(browser: BenchBrowser, url: string, options: VisitOptions): Promise<Visit> {
  const { page, blocked, errors } = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(probeScript(options.helpers));
    await page.goto(options.blankUrl, { waitUntil: 'load' });
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    // Starting the sampler costs the renderer tens of milliseconds, inside whatever script runs
    // next: let that be this throwaway script on the blank page, not the page under test.
    await page.evaluate(() => 0);
    await page.goto(url, { waitUntil: 'load', timeout: BENCH_SETTLE_TIMEOUT_MS });
    const settled = await waitUntilSettled(page);
    await options.whileTracing?.(page);
    const raw = await page.tracing.stop();
    const probe = await page.evaluate((selector) => window.__bench?.readProbe(selector) ?? null, MARK_SELECTOR);
    if (!probe) throw new Error(`the probe did not run on ${url}`);
    await options.afterTrace?.(page);
    const heap = await readHeap(page);
    const events = raw ? parseTrace(Buffer.from(raw).toString('utf8')) : [];
    const analysis = analyseTrace(events, url, options.isOurs, BENCH_TARGET_LONG_TASK_MS);
    const traceEnd = events.reduce((latest, event) => Math.max(latest, event.ts + (event.dur ?? 0)), 0);
    const lastOurs = analysis?.figures.lastOurTs ?? null;
    const markName = options.keepSamplesAndMarks;
    const detail =
      analysis && markName !== undefined
        ? { attribution: analysis.attribution, markTimes: userMarks(events, analysis.thread, markName), traceEndTs: traceEnd }
        : null;
    return {
      probe,
      settled,
      trace: analysis?.figures ?? null,
      ourWorkAtEnd: lastOurs !== null && traceEnd - lastOurs < (BENCH_SETTLE_MS * 1000) / 2,
      heap,
      detail,
      blockedRequests: [...blocked],
      pageErrors: [...errors],
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Waits until no mark has come or gone, and the page has been idle, for BENCH_SETTLE_MS; false if
 * that never happened. `marksOnly` drops the idle condition (Firefox's idle callbacks come too
 * irregularly under load to tell idle from busy).
 */
export async function waitUntilSettled(page: Page, marksOnly = false): Promise<boolean> {
  return page
    .waitForFunction(
      (quietMs, maxGapMs) => window.__bench?.hasSettled(quietMs, maxGapMs) ?? false,
      { polling: BENCH_POLL_MS, timeout: BENCH_SETTLE_TIMEOUT_MS },
      BENCH_SETTLE_MS,
      marksOnly ? null : BENCH_IDLE_MAX_GAP_MS,
    )
    .then(() => true)
    .catch(() => false);
}

export function parseTrace(json: string): TraceEvent[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

async function readHeap(page: Page): Promise<HeapReading | null> {
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return { jsBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize ?? null };
  } catch {
    return null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

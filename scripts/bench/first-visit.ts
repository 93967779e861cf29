/**
 * The first page a new renderer opens, where none of the content script is compiled yet. Every
 * other part opens a same-origin blank page before its trace, and the content script is compiled
 * and started there, so their figures leave its compile out. A browser compiles a content script
 * again in each new renderer process (about one per site), so the first page of every site pays
 * it. Each run here launches a fresh Chromium with the extension, traces its first page, then the
 * same page again in the same renderer: the difference is what a site's first page pays.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserHandle } from '../harness/browsers';
import { PAGE_IDS, type BenchPage } from './bench-pages';
import { probeScript } from './in-page-script';
import { repeat, waitUntilSettled, type BenchContext } from './measure';
import type { Section } from './results';
import { BENCH_SETTLE_TIMEOUT_MS } from './settings';
import { spread, type Spread } from './stats';
import { analyseTrace, parseTrace, TRACE_CATEGORIES, type TraceEvent } from './trace';

export interface FirstVisitSummary {
  page: string;
  runs: number;
  /** Our time on the first page of a fresh browser, compiling the content script included (see CATEGORIES). */
  firstMs: Spread | null;
  /** The same page opened again at once, in the same renderer, where the script is compiled already. */
  againMs: Spread | null;
  /** Of the first visit, compiling the content script's top level (the `v8.compile` event naming it). */
  compileMs: Spread | null;
}

interface Reading {
  ourCpuMs: number | null;
  compileMs: number | null;
}

/**
 * The CPU sampler is left out of these traces: in a new renderer no earlier script takes the cost
 * of starting it, as the blank page's does in the other parts, so that cost could land in ours.
 * Our time is then what the events naming the content script hold (its compile, its top-level
 * run, callbacks into it), without the promise continuations only samples see: less than the
 * other parts count, the same way for both visits.
 */
const CATEGORIES = TRACE_CATEGORIES.filter((category) => !category.includes('cpu_profiler'));

async function tracedVisit(browser: BrowserHandle, page: Page, url: string): Promise<Reading> {
  await page.tracing.start({ categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'load', timeout: BENCH_SETTLE_TIMEOUT_MS });
  await waitUntilSettled(page);
  const raw = await page.tracing.stop();
  const events = raw ? parseTrace(Buffer.from(raw).toString('utf8')) : [];
  const isOurs = (script: string) => script.startsWith(`${browser.extensionOrigin}/`);
  const analysis = analyseTrace(events, url, isOurs);
  if (!analysis) return { ourCpuMs: null, compileMs: null };
  const compiles = events.filter((event) => event.name === 'v8.compile' && event.pid === analysis.thread.pid && event.ts >= (analysis.tasks[0]?.ts ?? 0) && isOurs(scriptUrl(event)));
  return { ourCpuMs: analysis.figures.ourCpuMs, compileMs: compiles.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000 };
}

function scriptUrl(event: TraceEvent): string {
  const data = event.args?.['data'];
  return typeof data === 'object' && data !== null && typeof (data as { url?: unknown }).url === 'string' ? (data as { url: string }).url : '';
}

/** The start-up page and the demo article, each opened by `context.runs` fresh browsers, twice. */
export async function runFirstVisits(context: BenchContext, launch: () => Promise<BrowserHandle>, pages: readonly BenchPage[]): Promise<Section<FirstVisitSummary[]>> {
  const chosen = pages.filter((page) => page.id === PAGE_IDS.startup || page.id === PAGE_IDS.demo);
  if (chosen.length === 0) return { skipped: 'neither the start-up page nor the demo article is there' };
  const summaries: FirstVisitSummary[] = [];
  for (const benchPage of chosen) {
    const runs = await repeat(context, context.runs, `first visit, ${benchPage.label}`, async () => {
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.evaluateOnNewDocument(probeScript(context.helpers));
        const first = await tracedVisit(browser, page, benchPage.url);
        const again = await tracedVisit(browser, page, benchPage.url);
        return { first, again };
      } finally {
        await browser.close().catch(() => undefined);
      }
    });
    summaries.push({
      page: benchPage.label,
      runs: runs.length,
      firstMs: spread(runs.map((run) => run.first.ourCpuMs)),
      againMs: spread(runs.map((run) => run.again.ourCpuMs)),
      compileMs: spread(runs.map((run) => run.first.compileMs)),
    });
  }
  return { measured: summaries };
}

/**
 * The reader's catalog at library scale (issue #14): the real extension on the dense page with
 * the bundled catalog, and with BENCH_KEPT_NAMES kept names stored as the background stores them
 * (precompiled, in storage.local), interleaved run by run; the same on a big page that names
 * nothing. Then what keeping names costs a tab already open: the dense page read with the bundled
 * catalog, the kept names stored, and our CPU from that moment until the page has settled again
 * (every open tab re-reads so).
 */
import { buildReaderCatalog, READER_CATALOG_KEY, type KeptName } from '../../src/shared/catalog/reader-catalog';
import type { BrowserHandle } from '../harness/browsers';
import { syntheticCatalog } from '../synthetic-catalog';
import type { BenchPage } from './bench-pages';
import { repeat, visit, waitUntilSettled, type BenchContext } from './measure';
import type { Section } from './results';
import { BENCH_KEPT_NAMES } from './settings';
import { ratio, spread, type Spread } from './stats';
import { ourTime } from './trace';

export interface KeptNamesSummary {
  keptNames: number;
  /** Entries in the stored reader's catalog (the bundled ones included). */
  entries: number;
  bundledCpuMs: Spread | null;
  keptCpuMs: Spread | null;
  vsBundled: number | null;
  bundledMarks: Spread | null;
  marks: Spread | null;
  /** Our CPU in an open tab of the dense page, from storing the kept names until it settles again. */
  rereadCpuMs: Spread | null;
  /** The same comparison on a big page that names nothing, where the sieve does most of the work. */
  quiet: { page: string; bundledCpuMs: Spread | null; keptCpuMs: Spread | null; vsBundled: number | null; bundledMarks: Spread | null; marks: Spread | null } | null;
}

/** The performance mark left in the open page just before the kept names are stored. */
const REREAD_MARK = 'backstory-bench-kept-names-stored';

/** Made-up kept names, as the library would store them: surnames as short forms. */
export function syntheticKeptNames(count: number): KeptName[] {
  return syntheticCatalog(count).map((entry) => ({
    id: `kept-${entry.id}`,
    name: entry.name,
    category: entry.category,
    forms: [...entry.forms],
    shortForms: [...(entry.shortForms ?? [])],
    enabled: true,
  }));
}

/** Writes (or with null, removes) the reader's catalog from an extension page: the service worker may be asleep. */
export async function storeReaderCatalog(browser: BrowserHandle, value: unknown): Promise<void> {
  const page = await browser.openExtensionPage('options/options.html');
  try {
    await page.evaluate(
      async (key, stored) => {
        const storage = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } } }).chrome.storage.local;
        if (stored === null) await storage.remove(key);
        else await storage.set({ [key]: stored });
      },
      READER_CATALOG_KEY,
      value as object | null,
    );
  } finally {
    await page.close();
  }
}

export async function runKeptNames(context: BenchContext, page: BenchPage | undefined, quietPage: BenchPage | undefined): Promise<Section<KeptNamesSummary>> {
  if (!page) return { skipped: 'the dense page is not registered' };
  const catalog = buildReaderCatalog(syntheticKeptNames(BENCH_KEPT_NAMES));
  const browser = context.withExtension;
  const visitWith = async (stored: unknown, url = page.url) => {
    await storeReaderCatalog(browser, stored);
    return visit(context, browser, url);
  };
  const reread = async () => {
    await storeReaderCatalog(browser, null);
    const visited = await visit(context, browser, page.url, {
      keepMark: REREAD_MARK,
      whileTracing: async (tab) => {
        await tab.evaluate((mark) => performance.mark(mark), REREAD_MARK);
        await storeReaderCatalog(browser, catalog);
        await waitUntilSettled(tab);
      },
    });
    const stored = visited.detail?.markTimes[0];
    return stored === undefined || !visited.detail ? null : ourTime(visited.detail.attribution, stored, visited.detail.traceEndTs) / 1000;
  };
  let runs;
  try {
    runs = await repeat(context, context.runs, `reader's catalog, ${BENCH_KEPT_NAMES} kept names`, async () => ({
      bundled: await visitWith(null),
      kept: await visitWith(catalog),
      reread: await reread(),
      quietBundled: quietPage ? await visitWith(null, quietPage.url) : null,
      quietKept: quietPage ? await visitWith(catalog, quietPage.url) : null,
    }));
  } finally {
    await storeReaderCatalog(browser, null);
  }
  const bundledCpuMs = spread(runs.map((run) => run.bundled.trace?.ourCpuMs ?? null));
  const keptCpuMs = spread(runs.map((run) => run.kept.trace?.ourCpuMs ?? null));
  const quietBundledCpuMs = spread(runs.map((run) => run.quietBundled?.trace?.ourCpuMs ?? null));
  const quietKeptCpuMs = spread(runs.map((run) => run.quietKept?.trace?.ourCpuMs ?? null));
  return {
    measured: {
      keptNames: BENCH_KEPT_NAMES,
      entries: catalog.entries.length,
      bundledCpuMs,
      keptCpuMs,
      vsBundled: ratio(keptCpuMs?.median, bundledCpuMs?.median),
      bundledMarks: spread(runs.map((run) => run.bundled.probe.marks)),
      marks: spread(runs.map((run) => run.kept.probe.marks)),
      rereadCpuMs: spread(runs.map((run) => run.reread)),
      quiet: quietPage
        ? {
            page: quietPage.label,
            bundledCpuMs: quietBundledCpuMs,
            keptCpuMs: quietKeptCpuMs,
            vsBundled: ratio(quietKeptCpuMs?.median, quietBundledCpuMs?.median),
            bundledMarks: spread(runs.map((run) => run.quietBundled?.probe.marks ?? null)),
            marks: spread(runs.map((run) => run.quietKept?.probe.marks ?? null)),
          }
        : null,
    },
  };
}

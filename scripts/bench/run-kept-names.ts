/**
 * The reader's catalog at library scale (issue #14): the real extension on the dense page with
 * the bundled catalog, and with BENCH_KEPT_NAMES kept names stored as the background stores them
 * (precompiled, in storage.local), interleaved run by run.
 */
import { buildReaderCatalog, READER_CATALOG_KEY, type KeptName } from '../../src/shared/catalog/reader-catalog';
import { syntheticCatalog } from '../synthetic-catalog';
import type { BenchBrowser } from './browser';
import type { BenchContext, BenchPage } from './context';
import { visit, type Visit } from './measure';
import type { KeptNamesSummary, Section } from './results';
import { BENCH_KEPT_NAMES } from './settings';
import { ratio, spread } from './stats';

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
export async function storeReaderCatalog(browser: BenchBrowser, value: unknown): Promise<void> {
  const { page } = await browser.newPage();
  try {
    await page.goto(`${browser.extensionOrigin ?? ''}options/options.html`);
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

export async function runKeptNames(context: BenchContext, page: BenchPage | undefined): Promise<Section<KeptNamesSummary>> {
  if (!page) return { skipped: 'the dense page is not registered' };
  const catalog = buildReaderCatalog(syntheticKeptNames(BENCH_KEPT_NAMES));
  const bundled: Visit[] = [];
  const kept: Visit[] = [];
  const options = { helpers: context.helpers, blankUrl: context.blankUrl, isOurs: context.isExtension };
  try {
    for (let run = 0; run < context.runs; run++) {
      context.progress(`reader's catalog, ${BENCH_KEPT_NAMES} kept names: run ${run + 1}/${context.runs}`);
      await storeReaderCatalog(context.withExtension, null);
      bundled.push(await visit(context.withExtension, page.url, options));
      await storeReaderCatalog(context.withExtension, catalog);
      kept.push(await visit(context.withExtension, page.url, options));
    }
  } finally {
    await storeReaderCatalog(context.withExtension, null);
  }
  const bundledCpuMs = spread(bundled.map((run) => run.trace?.ourCpuMs ?? null));
  const keptCpuMs = spread(kept.map((run) => run.trace?.ourCpuMs ?? null));
  return {
    measured: {
      keptNames: BENCH_KEPT_NAMES,
      entries: catalog.entries.length,
      bundledCpuMs,
      keptCpuMs,
      vsBundled: ratio(keptCpuMs?.median, bundledCpuMs?.median),
      marks: spread(kept.map((run) => run.probe.marks)),
      bundledMarks: spread(bundled.map((run) => run.probe.marks)),
    },
  };
}

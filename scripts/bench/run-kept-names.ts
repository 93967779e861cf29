/**
 * The reader's catalog at library scale (issue #14): the real extension on the dense page with
 * the bundled catalog, and with BENCH_KEPT_NAMES kept names stored as the background stores them
 * (precompiled, in storage.local), interleaved run by run.
 */
import { buildReaderCatalog, type KeptName } from '../../src/shared/catalog/reader-catalog';
import { READER_CATALOG_KEY } from '../../src/shared/catalog/reader-catalog-storage';
import { syntheticCatalog } from '../../src/shared/matcher/synthetic-catalog';
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

async function storeReaderCatalog(context: BenchContext, value: unknown): Promise<void> {
  const origin = context.withExtension.extensionOrigin;
  const target = await context.withExtension.browser.waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith(origin ?? '\0'));
  const worker = await target.worker();
  if (!worker) throw new Error('no extension service worker to store the reader catalog');
  await worker.evaluate(
    async (key, stored) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } } }).chrome.storage.local;
      if (stored === null) await storage.remove(key);
      else await storage.set({ [key]: stored });
    },
    READER_CATALOG_KEY,
    value as object | null,
  );
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
      await storeReaderCatalog(context, null);
      bundled.push(await visit(context.withExtension, page.url, options));
      await storeReaderCatalog(context, catalog);
      kept.push(await visit(context.withExtension, page.url, options));
    }
  } finally {
    await storeReaderCatalog(context, null);
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

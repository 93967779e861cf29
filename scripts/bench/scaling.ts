/**
 * The catalog-scaling curve: the extension's own matcher and highlighter modules, bundled by the
 * bench (same source, same esbuild settings as the content script) and run in the dense page with
 * 25, 500 and 5,000 catalog entries, in the Chromium without the extension. The bundle is served
 * from the loopback server and added with a <script> tag; its samples are ours by its URL. This is
 * not the shipped content script (no settings, no card, no start-up), so its figures stand for
 * matching and marking only. Each catalog arrives precompiled, as the extension's always does
 * (the build precompiles the bundled one, the background the reader's), so the page pays what a
 * content script pays: no finder is built in the page. That the synthetic padding adds no mentions is a unit test's job
 * (test/scripts/bench/scaling.test.ts, on a generated article), not the bench's.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { CATALOG } from '../../src/shared/catalog/entities';
import { precompileCatalog } from '../../src/shared/matcher/compiled-catalog';
import type { FixtureServer } from '../harness/server';
import { syntheticCatalog } from '../synthetic-catalog';
import type { BenchPage } from './bench-pages';
import { repeat, visit, waitUntilSettled, type BenchContext } from './measure';
import type { Section } from './results';
import type { ScalingCatalog } from './scaling/entry';
import { ratio, spread, type Spread } from './stats';

const SCALING_SIZES = [25, 500, 5000] as const;

export interface ScalingPoint {
  catalogSize: number;
  runs: number;
  /** All our CPU in the traced run: compiling the catalog and the first pass (ms). */
  ourCpuMs: Spread | null;
  /** ourCpuMs relative to the smallest catalog. */
  vsSmallest: number | null;
}

async function buildScalingBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'scaling', 'entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    define: { __TEST_HOOKS__: 'false', __BROWSER__: '"chrome"' },
    loader: { '.css': 'text' },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no scaling bundle');
  return code;
}

/** The real catalog padded with synthetic entries to `size`, and its precompiled form. */
function scalingCatalog(size: number): ScalingCatalog {
  const entries = [...CATALOG.slice(0, size), ...syntheticCatalog(Math.max(0, size - CATALOG.length))];
  return { entries, precompiled: precompileCatalog(entries) };
}

/**
 * Inside a traced visit: load the bundle, run it with the catalog, wait until marks settle. The
 * catalog arrives as data in a call of its own, so neither making it nor reading it is in the
 * bundle's samples or in the task that compiles and matches.
 */
async function runInPage(page: Page, scriptUrl: string, catalog: ScalingCatalog): Promise<void> {
  await page.addScriptTag({ url: scriptUrl });
  await page.evaluate((data) => {
    window.__benchScalingCatalog = data;
  }, catalog);
  const ran = await page.evaluate(async () => {
    const data = window.__benchScalingCatalog;
    if (data === undefined || window.__benchScaling === undefined) return false;
    await window.__benchScaling.run(data);
    return true;
  });
  if (!ran) throw new Error('the scaling bundle did not load');
  await waitUntilSettled(page);
}

export async function runScaling(context: BenchContext, server: FixtureServer, page: BenchPage | undefined): Promise<Section<ScalingPoint[]>> {
  if (!page) return { skipped: 'the dense page is not registered' };
  const scriptUrl = server.route('/__bench__/scaling.js', await buildScalingBundle(), 'text/javascript; charset=utf-8');
  const points: ScalingPoint[] = [];
  for (const size of SCALING_SIZES) {
    const catalog = scalingCatalog(size);
    const visits = await repeat(context, context.runs, `catalog scaling, ${size} entries`, () =>
      visit(context, context.without, page.url, { isOurs: (url) => url === scriptUrl, whileTracing: (tab) => runInPage(tab, scriptUrl, catalog) }),
    );
    const ourCpuMs = spread(visits.map((run) => run.trace?.ourCpuMs ?? null));
    points.push({
      catalogSize: size,
      runs: visits.length,
      ourCpuMs,
      vsSmallest: ratio(ourCpuMs?.median, points[0]?.ourCpuMs?.median ?? ourCpuMs?.median),
    });
  }
  return { measured: points };
}

/**
 * The catalog-scaling curve: the extension's own matcher and highlighter modules, bundled by the
 * bench (same source, same esbuild settings as the content script) and run in the dense page with
 * 25, 500 and 5,000 catalog entries. The bundle is served from the bench's loopback server and
 * added with a <script> tag; its samples are ours by its URL. This is not the shipped content
 * script (no settings, no card, no start-up), so its figures stand for matching and marking only.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { CatalogEntry } from '../../src/shared/catalog/types';
import { syntheticCatalog } from '../synthetic-catalog';
import type { ScalingRun } from './scaling/entry';
import { waitUntilSettled } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));

export const SCALING_SIZES = [25, 500, 5000] as const;
export const SCALING_SCRIPT_PATH = '/__bench__/scaling.js';

export async function buildScalingBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'scaling', 'entry.ts')],
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

/** The real catalog padded with synthetic entries (deterministic for a given size) to `size` entries. */
export function scalingCatalog(size: number): CatalogEntry[] {
  return [...CATALOG.slice(0, size), ...syntheticCatalog(Math.max(0, size - CATALOG.length))];
}

/**
 * Inside a traced visit: load the bundle, run it with `size` entries, wait until marks settle.
 * The catalog arrives as data in a call of its own, so neither making it nor reading it is in
 * the bundle's samples or in the task that compiles and matches.
 */
export async function runScaling(page: Page, scriptUrl: string, size: number): Promise<ScalingRun> {
  await page.addScriptTag({ url: scriptUrl });
  await page.evaluate((catalog) => {
    window.__benchScalingCatalog = catalog;
  }, scalingCatalog(size));
  const run = await page.evaluate(() => {
    const catalog = window.__benchScalingCatalog;
    return catalog === undefined ? null : (window.__benchScaling?.run(catalog) ?? null);
  });
  if (!run) throw new Error('the scaling bundle did not load');
  await waitUntilSettled(page);
  return run;
}

/**
 * Bundles ./in-page/ into one classic script for the page. Functions handed to page.evaluate are
 * serialised as source, and tsx wraps named inner functions in a `__name` helper the page does not
 * have; a real bundle avoids that and keeps the page code typed.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_HIGHLIGHT_PREFIX, UI_HOST_SELECTOR } from '../harness/page-helpers';
import { BENCH_IDLE_MAX_GAP_MS } from './settings';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildInPageScript(): Promise<string> {
  const result = await build({ entryPoints: [path.join(here, 'in-page', 'index.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'warning' });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no in-page script');
  return code;
}

/** The helpers plus the probe, started at once: for page.evaluateOnNewDocument. */
export function probeScript(helpers: string): string {
  return `${helpers}\nwindow.__bench.installProbe(${JSON.stringify(ENTITY_HIGHLIGHT_PREFIX)}, ${JSON.stringify(UI_HOST_SELECTOR)}, ${BENCH_IDLE_MAX_GAP_MS});`;
}

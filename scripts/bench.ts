/**
 * `npm run bench`: builds the extension, loads it into headless Chromium and measures what it
 * costs the pages it runs on, next to the same pages without it and the floor (the least work any
 * highlighter must do) measured in the same page. Prints one table to stdout and writes the full
 * figures to bench-results/<timestamp>.json and bench-results/latest.json.
 *
 *   npm run bench                         everything (about ten minutes)
 *   npm run bench -- --runs 2             fewer repeats
 *   npm run bench -- --skip streaming,firefox   leave parts out (pages, realworld, streaming, scaling, kept, card, firefox)
 *   npm run bench -- --no-build           measure dist/ as it is
 *
 * Progress goes to stderr; the README's "Benchmark" section says how to read the table.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../src/shared/catalog/entities';
import { BENCH_RUNS } from './bench/settings';
import { DIST_CHROME, DIST_DIR } from './harness/browsers';
import { startServer } from './harness/server';
import { launchChromium, type BenchBrowser } from './bench/browser';
import { bundleSizes } from './bench/bundles';
import { runCard } from './bench/run-card';
import { runFirefox } from './bench/run-firefox';
import { runKeptNames } from './bench/run-kept-names';
import { runPages } from './bench/run-pages';
import { registerBenchPages } from './bench/bench-pages';
import type { BenchContext, BenchPage } from './bench/context';
import { runScaling } from './bench/run-scaling';
import { runStreaming } from './bench/run-streaming';
import { buildInPageScript } from './bench/in-page-script';
import { METHOD } from './bench/method';
import { allForms } from './bench/names';
import { renderReport } from './bench/report';
import type { BenchResults, Section } from './bench/results';
import { checkTargets, PAGE_IDS } from './bench/targets';
import { buildExtension } from './build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REALWORLD_DIR = path.resolve(root, '..', 'shared', 'realworld-pages');
const RESULTS_DIR = path.join(root, 'bench-results');
const PARTS = ['pages', 'realworld', 'streaming', 'scaling', 'kept', 'card', 'firefox'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  runs: number;
  skip: Set<Part>;
  build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: BENCH_RUNS, skip: new Set(), build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Math.max(1, Number(argv[++i]));
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--skip') {
      for (const part of (argv[++i] ?? '').split(',')) {
        if (!PARTS.includes(part as Part)) throw new Error(`--skip: unknown part "${part}"; parts are ${PARTS.join(', ')}`);
        options.skip.add(part as Part);
      }
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isFinite(options.runs)) throw new Error('--runs needs a number');
  return options;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function skipped<T>(reason: string): Section<T> {
  return { skipped: reason };
}

/**
 * The card is timed on a test-hooks build (written beside the results, not over dist/), which
 * may leave a performance mark when hover intent fires; production builds never carry hooks.
 */
async function runCardOnTestHooksBuild(context: BenchContext, pages: readonly BenchPage[]) {
  context.progress('building the extension with test hooks, for the card');
  // Beside a private build when BACKSTORY_DIST_DIR names one, so two benches never share it.
  const outDir = process.env.BACKSTORY_DIST_DIR ? `${DIST_DIR}-test-hooks` : path.join(RESULTS_DIR, 'test-hooks-build');
  await buildExtension({ testHooks: true, outDir });
  const browser = await launchChromium(path.join(outDir, 'chrome'));
  try {
    return await runCard({ ...context, withExtension: browser }, pages);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = new Date();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const skippedParts: string[] = [];
  if (options.build) {
    progress('building the extension');
    await buildExtension({ outDir: DIST_DIR });
  }
  const bundles = await bundleSizes(DIST_CHROME);
  const helpers = await buildInPageScript();
  const server = await startServer({ mounts: existsSync(REALWORLD_DIR) ? { '/realworld/': REALWORLD_DIR } : {} });
  server.page('<!doctype html><title>blank</title>', '/bench/blank.html');
  const blankUrl = server.url('/bench/blank.html');
  const pages = await registerBenchPages(server, CATALOG, { demoFile: path.join(root, 'demo', 'article.html'), realWorldDir: REALWORLD_DIR, includeRealWorld: !options.skip.has('realworld') }, skippedParts);

  progress('launching Chromium with and without the extension');
  const withExtension: BenchBrowser = await launchChromium(DIST_CHROME);
  const without: BenchBrowser = await launchChromium(null);
  const extensionOrigin = withExtension.extensionOrigin ?? 'chrome-extension://';
  const isExtension = (url: string) => url.startsWith(extensionOrigin);
  const context: BenchContext = { withExtension, without, helpers, blankUrl, isExtension, floorForms: allForms(CATALOG), runs: options.runs, progress };
  const chromium = await withExtension.browser.version();

  try {
    const measuredPages = options.skip.has('pages') ? [] : await runPages(context, pages);
    const streaming = options.skip.has('streaming') ? skipped<never>('--skip streaming') : await runStreaming(context, server);
    const densePage = pages.find((page) => page.id === PAGE_IDS.dense);
    const scaling = options.skip.has('scaling') ? skipped<never>('--skip scaling') : await runScaling(context, server, densePage);
    const keptNames = options.skip.has('kept') ? skipped<never>('--skip kept') : await runKeptNames(context, densePage).catch((error: unknown) => skipped<never>(`failed: ${error instanceof Error ? error.message : String(error)}`));
    const card = options.skip.has('card') ? skipped<never>('--skip card') : await runCardOnTestHooksBuild(context, pages);
    await withExtension.close();
    await without.close();
    const firefox = options.skip.has('firefox') ? skipped<never>('--skip firefox') : await runFirefox(helpers, pages, Math.min(options.runs, 3), progress);

    const finished = new Date();
    const results: BenchResults = {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationSeconds: (finished.getTime() - started.getTime()) / 1000,
      environment: { node: process.version, cpus: os.cpus().length, loadAverage: [loadAtStart, os.loadavg()[0] ?? 0], chromium, firefox: 'measured' in firefox ? 'Firefox ESR' : null, runs: options.runs },
      method: METHOD,
      bundles,
      pages: measuredPages,
      streaming,
      scaling,
      card,
      keptNames,
      firefox,
      targets: [],
      skipped: skippedParts,
    };
    results.targets = checkTargets(results);
    await mkdir(RESULTS_DIR, { recursive: true });
    const json = JSON.stringify(results, null, 2) + '\n';
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    await writeFile(path.join(RESULTS_DIR, `${stamp}.json`), json);
    await writeFile(path.join(RESULTS_DIR, 'latest.json'), json);
    process.stdout.write(renderReport(results) + '\n');
    progress(`wrote bench-results/${stamp}.json and bench-results/latest.json`);
  } finally {
    await withExtension.close().catch(() => undefined);
    await without.close().catch(() => undefined);
    await server.close();
  }
}

await main();

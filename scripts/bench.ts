/**
 * `npm run bench`: builds the extension, loads it into headless Chromium and measures what it
 * costs the pages it runs on, next to the same pages without it and the floor (the least work any
 * highlighter must do) measured in the same page. Prints the figures and the targets to stdout
 * and writes them to bench-results/<timestamp>.json and bench-results/latest.json.
 *
 *   npm run bench                         everything (about ten minutes)
 *   npm run bench -- --runs 2             fewer repeats
 *   npm run bench -- --skip streaming,card   leave parts out (pages, realworld, first, pointer, streaming, scaling, kept, card)
 *   npm run bench -- --no-build           measure dist/ as it is
 *
 * Progress goes to stderr; the README's "Performance" section says how to read the table.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_IDS, registerBenchPages } from './bench/bench-pages';
import { bundleSizes } from './bench/bundles';
import { runCard } from './bench/card';
import { runFirstVisits } from './bench/first-visit';
import { buildInPageScript } from './bench/in-page-script';
import { runKeptNames } from './bench/kept-names';
import type { BenchContext } from './bench/measure';
import { runPointer } from './bench/pointer';
import { renderReport } from './bench/report';
import type { BenchResults, Section } from './bench/results';
import { runPages } from './bench/run-pages';
import { runScaling } from './bench/scaling';
import { BENCH_RUNS } from './bench/settings';
import { runStreaming } from './bench/streaming';
import { checkTargets } from './bench/targets';
import { buildExtension } from './build';
import { DIST_CHROME, DIST_DIR, launchBrowser, launchChromiumWithout, type LaunchOptions } from './harness/browsers';
import { startServer } from './harness/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REALWORLD_DIR = path.resolve(root, '..', 'shared', 'realworld-pages');
const RESULTS_DIR = path.join(root, 'bench-results');
const PARTS = ['pages', 'realworld', 'first', 'pointer', 'streaming', 'scaling', 'kept', 'card'] as const;
type Part = (typeof PARTS)[number];
/** Beyond the harness's request interception, a second wall: no name resolves except loopback. */
const LAUNCH: LaunchOptions = { chromiumArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] };

function parseOptions(argv: readonly string[]): { runs: number; skip: Set<Part>; build: boolean } {
  const options = { runs: BENCH_RUNS, skip: new Set<Part>(), build: true };
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

/** A part's figures, or why it has none: left out with --skip, or failed (the rest of the run goes on). */
async function section<T>(skip: boolean, name: Part, run: () => Promise<Section<T>>): Promise<Section<T>> {
  if (skip) return { skipped: `--skip ${name}` };
  return run().catch((error: unknown) => ({ skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  const started = new Date();
  const loadAtStart = os.loadavg()[0] ?? 0;
  if (options.build) {
    progress('building the extension');
    await buildExtension({ outDir: DIST_DIR });
  }
  // The card is timed on a test-hooks build, which marks the moment hover intent fires (production
  // builds never carry hooks); it goes beside a private build when BACKSTORY_DIST_DIR names one.
  const testHooksDir = process.env.BACKSTORY_DIST_DIR ? `${DIST_DIR}-test-hooks` : path.join(RESULTS_DIR, 'test-hooks-build');
  if (!options.skip.has('card')) {
    progress('building the extension with test hooks, for the card');
    await buildExtension({ testHooks: true, outDir: testHooksDir });
  }
  const skipped: string[] = [];
  const server = await startServer({ mounts: existsSync(REALWORLD_DIR) ? { '/realworld/': REALWORLD_DIR } : {} });
  const pages = await registerBenchPages(server, options.skip.has('realworld') ? null : REALWORLD_DIR, skipped);
  const densePage = pages.find((page) => page.id === PAGE_IDS.dense);
  progress('launching Chromium with and without the extension');
  const context: BenchContext = {
    withExtension: await launchBrowser('chromium', LAUNCH),
    without: await launchChromiumWithout(LAUNCH),
    helpers: await buildInPageScript(),
    blankUrl: server.page('<!doctype html><title>blank</title>', '/bench/blank.html'),
    runs: options.runs,
    progress,
  };
  try {
    const measured = {
      bundles: await bundleSizes(DIST_CHROME),
      pages: options.skip.has('pages') ? [] : await runPages(context, pages),
      firstVisits: await section(options.skip.has('first'), 'first', () => runFirstVisits(context, () => launchBrowser('chromium', LAUNCH), pages)),
      pointer: await section(options.skip.has('pointer'), 'pointer', () => runPointer(context, pages)),
      streaming: await section(options.skip.has('streaming'), 'streaming', () => runStreaming(context, server)),
      scaling: await section(options.skip.has('scaling'), 'scaling', () => runScaling(context, server, densePage)),
      keptNames: await section(options.skip.has('kept'), 'kept', () => runKeptNames(context, densePage, pages.find((page) => page.id === PAGE_IDS.noNames))),
      card: await section(options.skip.has('card'), 'card', async () => {
        const testHooks = await launchBrowser('chromium', { ...LAUNCH, extensionDir: path.join(testHooksDir, 'chrome') });
        return runCard(context, testHooks, pages).finally(() => testHooks.close());
      }),
    };
    const results: BenchResults = {
      startedAt: started.toISOString(),
      durationSeconds: (Date.now() - started.getTime()) / 1000,
      environment: { node: process.version, cpus: os.cpus().length, loadAverage: [loadAtStart, os.loadavg()[0] ?? 0], chromium: await context.withExtension.browser.version(), runs: options.runs },
      ...measured,
      targets: checkTargets(measured),
      skipped,
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    const json = JSON.stringify(results, null, 2) + '\n';
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    await writeFile(path.join(RESULTS_DIR, `${stamp}.json`), json);
    await writeFile(path.join(RESULTS_DIR, 'latest.json'), json);
    process.stdout.write(renderReport(results) + '\n');
    progress(`wrote bench-results/${stamp}.json and bench-results/latest.json`);
  } finally {
    await context.withExtension.close().catch(() => undefined);
    await context.without.close().catch(() => undefined);
    await server.close();
  }
}

await main();

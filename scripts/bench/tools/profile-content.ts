/**
 * Where the content script's time goes on one page: the real extension (built with readable
 * names) in headless Chromium, a CDP CPU profile from navigation until highlighting settles, and
 * our time by function, natives folded into the function of ours that called them. A report for
 * whoever is optimising, never a test.
 *
 *   npx tsx scripts/bench/tools/profile-content.ts [dense|one-mb|no-names|quiet-json|startup|demo|<file>|<url>] [--runs N] [--top N] [--kept N]
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReaderCatalog } from '../../../src/shared/catalog/reader-catalog';
import { buildExtension } from '../../build';
import { launchBrowser } from '../../harness/browsers';
import { startServer } from '../../harness/server';
import { registerBenchPages } from '../bench-pages';
import { buildInPageScript, probeScript } from '../in-page-script';
import { storeReaderCatalog, syntheticKeptNames } from '../kept-names';
import { waitUntilSettled } from '../measure';
import { median } from '../stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const which = argv.find((arg, index) => !arg.startsWith('--') && !argv[index - 1]?.startsWith('--')) ?? 'dense';
const runs = option('--runs', 3);
const top = option('--top', 30);
const kept = option('--kept', 0);

async function main(): Promise<void> {
  const outDir = path.join(os.tmpdir(), 'backstory-profile-build');
  await buildExtension({ outDir, readableNames: true });
  const server = await startServer({});
  // One of the bench's own pages by its id, else a file, else a URL.
  const benchPage = (await registerBenchPages(server, null, [])).find((page) => page.id === which);
  const url = benchPage?.url ?? (existsSync(which) ? server.page(readFileSync(which, 'utf8'), '/profile.html') : which);
  const blank = server.page('<!doctype html><title>blank</title>', '/blank.html');
  const helpers = await buildInPageScript();
  const chromium = await launchBrowser('chromium', { extensionDir: path.join(outDir, 'chrome') });
  const isOurs = (frameUrl: string) => frameUrl.startsWith(`${chromium.extensionOrigin}/`);
  if (kept > 0) await storeReaderCatalog(chromium, buildReaderCatalog(syntheticKeptNames(kept)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  /** Each run's total, for the median: on a shared machine one slow run moves the mean. */
  const perRun: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await chromium.newPage();
      await page.evaluateOnNewDocument(probeScript(helpers));
      await page.goto(blank);
      const session = await page.createCDPSession();
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 50 });
      await session.send('Profiler.start');
      await page.goto(url, { waitUntil: 'load' });
      await waitUntilSettled(page);
      const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
      await page.close();
      const before = total;
      const parent = new Map<number, ProfileNode>();
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
      const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      profile.samples.forEach((id, index) => {
        const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
        const stack: ProfileNode[] = [];
        for (let node = byId.get(id); node; node = parent.get(node.id)) stack.push(node);
        const ours = stack.filter((node) => isOurs(node.callFrame.url));
        if (ours.length === 0) return;
        total += ms;
        const leaf = ours[0] as ProfileNode;
        self.set(label(leaf), (self.get(label(leaf)) ?? 0) + ms);
        for (const name of new Set(ours.map(label))) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      });
      perRun.push(total - before);
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  const rows = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `${(ms / runs).toFixed(1).padStart(8)} ms  ${name}`);
  process.stdout.write(`${which}: ${(total / runs).toFixed(1)} ms of ours per run, median ${(median(perRun) ?? 0).toFixed(1)} ms (${runs} runs, natives folded into their caller)\n\nself:\n${rows(self).join('\n')}\n\ninclusive:\n${rows(inclusive).join('\n')}\n`);
}

await main();

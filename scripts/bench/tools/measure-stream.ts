/**
 * What one appended paragraph costs the highlighter on a long live page, in headless Chromium: a
 * report, never a test. Run: `npx tsx scripts/bench/tools/measure-stream.ts [--baseline <checkout>] [--runs N] [--profile out.cpuprofile]`.
 *
 * The bench's 1 MB page (2,000 paragraphs) is highlighted with the real matcher; then 100 more
 * paragraphs are appended one every BENCH_STREAM_INTERVAL_MS while the V8 sampling profiler runs.
 * The cost is the sampled time whose stack is inside the highlighter bundle, per paragraph: the
 * observer callback, the batch timer and the slices alike. A walk over the container's other
 * children on each append would show as cost that grows with the page.
 */
import puppeteer from 'puppeteer-core';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { BENCH_STREAM_INTERVAL_MS } from '../settings';
import { plantableNames } from '../names';
import { bundleHighlighter } from './highlighter-bundle';
import { generateArticlePage, generateParagraphs, ONE_MEGABYTE_PAGE } from '../pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;
const baseline = argv.includes('--baseline') ? argv[argv.indexOf('--baseline') + 1] : undefined;
const profileOut = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : undefined;
const APPENDED = 100;


interface ProfileNode {
  id: number;
  callFrame: { scriptId: string; url: string };
  children?: number[];
}

/** Sampled milliseconds whose stack has a frame from one of `scriptIds`. */
function timeInScripts(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, scriptIds: Set<string>): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = (node !== undefined && scriptIds.has(node.callFrame.scriptId)) || (up !== undefined && isInside(up));
    inside.set(id, result);
    return result;
  };
  let micros = 0;
  profile.samples.forEach((sample, index) => {
    // A sample's delta is the time since the previous one: charge it to the sample that ends it.
    if (isInside(sample)) micros += profile.timeDeltas[index] ?? 0;
  });
  return micros / 1000;
}

async function main() {
  const scripts: Record<string, string> = { current: await bundleHighlighter(path.resolve(here, '../../..')) };
  if (baseline) scripts.baseline = await bundleHighlighter(path.resolve(baseline));
  const names = plantableNames(CATALOG, ONE_MEGABYTE_PAGE.maxNames);
  const page1 = generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'stream', names });
  const later = generateParagraphs({ ...ONE_MEGABYTE_PAGE, seed: ONE_MEGABYTE_PAGE.seed + 1, paragraphs: APPENDED, mentions: 37, title: '', names }, ONE_MEGABYTE_PAGE.paragraphs);
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const perParagraph: Record<string, number[]> = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
  for (let repeat = 0; repeat < runs; repeat++) {
    for (const [name, script] of Object.entries(scripts)) {
      const page = await browser.newPage();
      await page.setContent(page1.html);
      const cdp = await page.createCDPSession();
      await cdp.send('Debugger.enable');
      const scriptIds = new Set<string>();
      cdp.on('Debugger.scriptParsed', (event) => {
        if (event.url === '' && event.length === script.length) scriptIds.add(event.scriptId);
      });
      await page.addScriptTag({ content: script });
      // tsx compiles with keepNames, which wraps functions in a __name helper the page lacks.
      await page.evaluate('window.__name = (fn) => fn');
      await page.evaluate(async () => {
        const w = window as unknown as { __h10: any; __highlighter: any };
        const pageMatcher = w.__h10.compileMatcher(w.__h10.CATALOG).newPage();
        w.__highlighter = w.__h10.createHighlighter({ root: document, findMentions: (text: string) => pageMatcher.scanBlock(text) });
        await w.__highlighter.start();
      });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.evaluate(
        async (paragraphs, interval) => {
          const w = window as unknown as { __highlighter: any };
          const article = document.querySelector('article')!;
          const template = document.createElement('template');
          for (const html of paragraphs) {
            template.setHTMLUnsafe(html);
            article.append(template.content);
            await new Promise((resolve) => setTimeout(resolve, interval));
          }
          await w.__highlighter.idle();
        },
        later.paragraphs,
        BENCH_STREAM_INTERVAL_MS,
      );
      const { profile } = await cdp.send('Profiler.stop');
      if (profileOut && name === 'current') await writeFile(profileOut, JSON.stringify(profile));
      perParagraph[name]!.push(timeInScripts(profile as never, scriptIds) / APPENDED);
      await page.close();
    }
  }
  await browser.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const lines = [`${APPENDED} paragraphs appended to ${ONE_MEGABYTE_PAGE.paragraphs}; highlighter ms per paragraph (sampled), medians of ${runs}:`];
  for (const [name, values] of Object.entries(perParagraph)) lines.push(`  ${name}: ${median(values).toFixed(3)}  [${values.map((v) => v.toFixed(3)).join(' ')}]`);
  process.stdout.write(lines.join('\n') + '\n');
}

await main();

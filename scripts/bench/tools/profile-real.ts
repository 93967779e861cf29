/**
 * The real pipeline (compiled catalog matcher → highlighter) on the bench's 1 MB page in headless
 * Chromium, next to the floor measured in the same page: a report, never a test.
 * Run: `npx tsx scripts/bench/tools/profile-real.ts [--no-names] [--profile out.cpuprofile] [--runs N]`.
 *
 * - floor: one TreeWalker pass + one combined RegExp per text node, no writes (scripts/bench/floor.ts);
 * - work: compile is excluded; highlighter.start() with scheduler.yield() resolving at once, so no
 *   rendering runs between slices: script and DOM work alone;
 * - wall: the same with real yields, and the longest task seen (longtask entries include
 *   style and layout the browser did between our slices);
 * - compile: compileMatcher(CATALOG) alone.
 */
import puppeteer from 'puppeteer-core';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { combinedPattern } from '../floor';
import { allForms, plantableNames } from '../names';
import { bundleHighlighter } from './highlighter-bundle';
import { generateArticlePage, ONE_MEGABYTE_PAGE } from '../pages';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const noNames = argv.includes('--no-names');
const profileOut = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : undefined;
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 5;
/** Another checkout (e.g. `git archive` of an earlier commit) to measure beside this one, interleaved. */
const baseline = argv.includes('--baseline') ? argv[argv.indexOf('--baseline') + 1] : undefined;


async function main() {
  const scripts = { current: await bundleHighlighter(path.resolve(here, '../../..')), baseline: baseline ? await bundleHighlighter(path.resolve(baseline)) : '' };
  const names = noNames ? [] : plantableNames(CATALOG, ONE_MEGABYTE_PAGE.maxNames);
  const page1 = generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'bench', names });
  const floor = combinedPattern(allForms(CATALOG));
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const rows: Record<string, number[]> = { floor: [], compile: [], work: [], wall: [], longest: [], 'baseline work': [], 'baseline wall': [], 'baseline longest': [] };
  const modes = baseline ? (['floor', 'work', 'wall', 'baseline work', 'baseline wall'] as const) : (['floor', 'work', 'wall'] as const);
  let marks = 0;
  for (let repeat = 0; repeat < runs; repeat++) {
    for (const mode of modes) {
      const page = await browser.newPage();
      await page.setContent(page1.html);
      await page.addScriptTag({ content: mode.startsWith('baseline') ? scripts.baseline : scripts.current });
      await page.evaluate('window.__name = (fn) => fn');
      const profiling = profileOut && mode === 'work' && repeat === runs - 1;
      const cdp = profiling ? await page.createCDPSession() : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const measured = await page.evaluate(
        async (mode, source, flags) => {
          const w = window as unknown as { __h10: any; scheduler: { yield(): Promise<void> } };
          const longest = { value: 0 };
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longest.value = Math.max(longest.value, entry.duration);
          }).observe({ type: 'longtask' });
          if (mode === 'floor') {
            const pattern = new RegExp(source, flags);
            const start = performance.now();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            let count = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              pattern.lastIndex = 0;
              while (pattern.exec((node as Text).data)) count++;
            }
            return { elapsed: performance.now() - start, compile: 0, count, longest: 0 };
          }
          const compileStart = performance.now();
          const matcher = w.__h10.compileMatcher(w.__h10.CATALOG);
          const compile = performance.now() - compileStart;
          if (mode === 'work') w.scheduler.yield = () => Promise.resolve();
          const pageMatcher = matcher.newPage();
          const start = performance.now();
          const highlighter = w.__h10.createHighlighter({ root: document, findMentions: (text: string) => pageMatcher.scanBlock(text), mayName: matcher.mayName });
          await highlighter.start();
          const elapsed = performance.now() - start;
          await new Promise((resolve) => setTimeout(resolve, 100));
          return { elapsed, compile, count: highlighter.marks().length, longest: longest.value };
        },
        mode.replace('baseline ', ''),
        floor.source,
        floor.flags,
      );
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        await writeFile(profileOut!, JSON.stringify(profile));
      }
      await page.close();
      rows[mode]!.push(measured.elapsed);
      if (mode === 'work' || mode === 'wall') rows.compile!.push(measured.compile);
      if (mode.endsWith('wall')) rows[mode.replace('wall', 'longest')]!.push(measured.longest);
      if (mode === 'wall') marks = measured.count;
    }
  }
  await browser.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  // Other work on a shared machine only ever adds time, so the least of several runs is the steadier figure.
  const least = (values: number[]) => Math.min(...values);
  const lines = [`page ${(page1.bytes / 1e6).toFixed(2)} MB, ${marks} marks; medians of ${runs} (ms):`];
  for (const [name, values] of Object.entries(rows)) if (values.length > 0) lines.push(`  ${name}: ${median(values).toFixed(1)}  [${values.map((v) => v.toFixed(0)).join(' ')}]`);
  lines.push(`  work / floor: ${(median(rows.work!) / median(rows.floor!)).toFixed(2)}x (least: ${(least(rows.work!) / least(rows.floor!)).toFixed(2)}x)`);
  lines.push(`  wall / floor: ${(median(rows.wall!) / median(rows.floor!)).toFixed(2)}x`);
  if (baseline) lines.push(`  baseline work / floor: ${(median(rows['baseline work']!) / median(rows.floor!)).toFixed(2)}x (least: ${(least(rows['baseline work']!) / least(rows.floor!)).toFixed(2)}x)`);
  process.stdout.write(lines.join('\n') + '\n');
}

await main();

/**
 * Rough cost of the highlighter against a bare pass, in headless Chromium (not a test: timings
 * belong in a report, never in an assertion). Run: `npx tsx scripts/bench/tools/measure-cost.ts [--sparse]`.
 *
 * On a generated ~1 MB article page it times, each on a fresh copy of the page:
 * - bare: a TreeWalker over text nodes running the names' RegExp (finds, wraps nothing);
 * - hand-wrap: the same walk plus hand-written splitText + <mark> wrapping of each match;
 * - highlighter: createHighlighter(...).start() with the same RegExp as findMentions
 *   (wall time including its yields between slices, when the browser also restyles and lays
 *   out what the last slice changed), and the longest task it caused;
 * - highlighter work: the same with scheduler.yield() resolving at once, so no rendering runs
 *   between slices: the script and DOM work alone, comparable with the two passes above.
 */
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const NAMES = String.raw`Salt\s+Typhoon|Ministry of State Security|MSS|Nvidia|H200|Xi Jinping|Scott Bessent`;

async function bundleHighlighter(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createHighlighter } from './src/content/highlighter'; window.createHighlighter = createHighlighter;`,
      resolveDir: path.resolve(here, '../../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * About 1 MB of article markup: paragraphs with inline elements. Dense (the default): most
 * sentences name something. `--sparse`: one sentence in twenty does, closer to a real page.
 */
function articleHtml(sparse: boolean): string {
  const plain = 'Markets were calm; the weather was mild and the harbour <i>quiet</i> for the season. ';
  const dense = [
    'Officials said the <a href="#">intrusion</a> was broad and <em>deliberate</em>. ',
    'The campaign known as Salt <em>Typhoon</em> reached telecom networks across the region. ',
    'Analysts at the <b>institute</b> pointed to the Ministry of State Security (MSS) as its sponsor. ',
    'Shares of Nvidia rose after talk of H200 export licences, according to <span>people familiar</span>. ',
    plain,
  ];
  const sentences = sparse ? [dense[1]!, ...Array.from({ length: 19 }, () => plain)] : dense;
  const paragraphs: string[] = [];
  let size = 0;
  for (let index = 0; size < 1_000_000; index++) {
    const paragraph = `<p>${Array.from({ length: 4 }, (_, offset) => sentences[(index + offset) % sentences.length]).join('')}</p>`;
    paragraphs.push(index % 20 === 0 ? `<h2>Section ${index}</h2>${paragraph}` : paragraph);
    size += paragraph.length;
  }
  return `<!doctype html><html><body><article>${paragraphs.join('')}</article></body></html>`;
}

async function main() {
  const bundle = await bundleHighlighter();
  const html = articleHtml(process.argv.includes('--sparse'));
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const results: Record<string, number[]> = {
    bare: [],
    'hand-wrap': [],
    highlighter: [],
    'highlighter longest task': [],
    'highlighter work': [],
  };
  let marks = 0;
  for (let repeat = 0; repeat < 5; repeat++) {
    for (const mode of ['bare', 'hand-wrap', 'highlighter', 'highlighter work'] as const) {
      // A fresh page each time: a highlighter left running would see the next copy's changes.
      const page = await browser.newPage();
      await page.setContent(html);
      await page.addScriptTag({ content: bundle });
      // tsx compiles with keepNames, which wraps functions in a __name helper the page lacks.
      await page.evaluate('window.__name = (fn) => fn');
      const measured = await page.evaluate(
        async (mode, names) => {
          const pattern = new RegExp(names, 'g');
          const longest = { value: 0 };
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longest.value = Math.max(longest.value, entry.duration);
          }).observe({ type: 'longtask' });
          const start = performance.now();
          let count = 0;
          if (mode === 'highlighter work') {
            (window as unknown as { scheduler: { yield(): Promise<void> } }).scheduler.yield = () => Promise.resolve();
          }
          if (mode.startsWith('highlighter')) {
            const create = (window as unknown as { createHighlighter: Function }).createHighlighter;
            const highlighter = create({
              root: document,
              findMentions: (text: string) =>
                [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, entityId: 'x' })),
            });
            await highlighter.start();
            count = highlighter.marks().length;
          } else {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const hits: Array<[Text, number, number]> = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const match of (node as Text).data.matchAll(pattern)) hits.push([node as Text, match.index, match[0].length]);
            }
            count = hits.length;
            if (mode === 'hand-wrap') {
              for (let index = hits.length - 1; index >= 0; index--) {
                const [node, offset, length] = hits[index]!;
                const middle = node.splitText(offset);
                middle.splitText(length);
                const mark = document.createElement('mark');
                middle.replaceWith(mark);
                mark.append(middle);
              }
            }
          }
          const elapsed = performance.now() - start;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { elapsed, count, longest: longest.value };
        },
        mode,
        NAMES,
      );
      await page.close();
      results[mode]!.push(measured.elapsed);
      if (mode === 'highlighter') {
        results['highlighter longest task']!.push(measured.longest);
        marks = measured.count;
      }
    }
  }
  await browser.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const lines = [`page ${(html.length / 1e6).toFixed(2)} MB, ${marks} marks; medians of 5 (ms):`];
  for (const [name, values] of Object.entries(results)) lines.push(`  ${name}: ${median(values).toFixed(1)}`);
  const ratio = (a: string, b: string) => `  ${a} / ${b}: ${(median(results[a]!) / median(results[b]!)).toFixed(2)}x`;
  lines.push(ratio('highlighter work', 'bare'), ratio('highlighter work', 'hand-wrap'), ratio('highlighter', 'bare'));
  process.stdout.write(lines.join('\n') + '\n');
}

await main();

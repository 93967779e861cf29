/**
 * Checks highlights.css in headless Chromium against hostile page styles (not a unit test: it
 * needs a real cascade and layout). Run: `npx tsx scripts/bench/tools/check-css.ts`.
 * For each page style it highlights a paragraph and reports whether the text stayed visible,
 * whether anything moved (paragraph size and every word's position), and the computed look.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

const HOSTILE_STYLES = [
  '',
  'mark { display: none }',
  'mark { background: yellow; padding: 10px; margin: 4px; border: 3px solid red; font-size: 30px; line-height: 3 }',
  'mark { display: block; position: absolute; top: 0 } mark::before { content: "★" }',
  'body { background: #111; color: #eee }',
  '* { all: revert } mark[data-entity] { visibility: hidden }',
];

async function main() {
  const bundled = await build({
    stdin: {
      contents: `import { createHighlighter } from './src/content/highlighter'; (window as any).createHighlighter = createHighlighter;`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  const css = await readFile(path.join(root, 'src/content/highlights.css'), 'utf8');
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  let failures = 0;
  for (const hostile of HOSTILE_STYLES) {
    for (const style of ['background', 'underline']) {
      const page = await browser.newPage();
      await page.setContent(
        `<!doctype html><style>${hostile}</style><p id="p" style="width: 300px">The hacking campaign known as Salt <em>Typhoon</em> was run by China's MSS, officials said.</p>`,
      );
      await page.addStyleTag({ content: css });
      await page.addScriptTag({ content: bundled.outputFiles[0]?.text ?? '' });
      await page.evaluate('window.__name = (fn) => fn');
      const result = await page.evaluate(async (style) => {
        const p = document.getElementById('p')!;
        const wordBoxes = () => {
          const boxes: string[] = [];
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let index = 0; index < (node as Text).length; index++) {
              range.setStart(node, index);
              range.setEnd(node, index + 1);
              const box = range.getBoundingClientRect();
              boxes.push(`${box.x.toFixed(1)},${box.y.toFixed(1)}`);
            }
          }
          return boxes.join(' ');
        };
        const before = { size: `${p.offsetWidth}x${p.offsetHeight}`, boxes: wordBoxes() };
        const create = (window as unknown as { createHighlighter: Function }).createHighlighter;
        const highlighter = create({
          root: document,
          style,
          findMentions: (text: string) =>
            [...text.matchAll(/Salt\s+Typhoon|MSS/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, entityId: 'x' })),
        });
        await highlighter.start();
        const marks: HTMLElement[] = highlighter.marks();
        const after = { size: `${p.offsetWidth}x${p.offsetHeight}`, boxes: wordBoxes() };
        const computed = getComputedStyle(marks[0]!);
        return {
          marks: marks.length,
          visible: marks.every((mark) => mark.getClientRects().length > 0 && getComputedStyle(mark).visibility === 'visible'),
          moved: before.size !== after.size || before.boxes !== after.boxes,
          look: `${computed.display} bg=${computed.backgroundColor} deco=${computed.textDecorationLine} pad=${computed.padding} font=${computed.fontSize}`,
        };
      }, style);
      const ok = result.marks === 3 && result.visible && !result.moved;
      if (!ok) failures++;
      process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${style.padEnd(10)} ${JSON.stringify(hostile || '(no page style)')}: ${JSON.stringify(result)}\n`);
      await page.close();
    }
  }
  await browser.close();
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();

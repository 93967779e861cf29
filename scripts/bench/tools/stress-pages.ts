/**
 * Page shapes the bench's pages do not have, at sizes few real pages reach: the content script's
 * CPU on each, and the most of it in one task (the bench's target for that is 25 ms). A report for
 * whoever works on the walk, the matcher or the painting, never a test or a target.
 *
 *   npx tsx scripts/bench/tools/stress-pages.ts [--runs N] [--no-build]
 */
import { buildExtension } from '../../build';
import { DIST_DIR, launchBrowser, launchChromiumWithout } from '../../harness/browsers';
import { startServer } from '../../harness/server';
import { buildInPageScript } from '../in-page-script';
import { visit, type BenchContext } from '../measure';
import { median } from '../stats';

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;

const NAMES = ['Salt Typhoon', 'Nvidia', 'the Ministry of State Security', 'H200 chips', 'Xi Jinping'];
const WORDS = 'the of and a to in is that it for on with as was by at from his her they'.split(' ');

/** `count` words, a name every 37th. */
const prose = (count: number, seed: number) => Array.from({ length: count }, (_, index) => (index % 37 === 5 ? NAMES[(index + seed) % NAMES.length] : WORDS[(index * 7 + seed) % WORDS.length])).join(' ');
const htmlPage = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Stress page</title></head><body>${body}</body></html>`;

/**
 * A long reference article as wikis serve it: sections of linked, cited prose, tables and lists,
 * 4,000 references, navboxes and inline JSON; 80,000 elements in all. Words are drawn from a
 * fixed sequence, so every run sees the same page.
 */
function wikiArticle(): string {
  // Context words too, so that ambiguous forms are held back and the page is weighed for them.
  const words = [...WORDS, 'state', 'security', 'report', 'said', 'company', 'chips', 'export', 'control'];
  const names = [...NAMES, 'H200', 'Volt Typhoon', 'Huawei', 'TSMC'];
  let seed = 1;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const word = () => words[Math.floor(next() * words.length)];
  const paragraph = (count: number) => {
    let text = '';
    for (let index = 0; index < count; index++) {
      const draw = next();
      if (draw < 0.02) text += `${names[Math.floor(next() * names.length)]} `;
      else if (draw < 0.12) text += `<a href="/wiki/${word()}">${word()} ${word()}</a> `;
      else if (draw < 0.16) text += `${word()}<sup class="reference"><a href="#cite-${index}">[${index}]</a></sup> `;
      else text += `${word()} `;
    }
    return `<p>${text}</p>`;
  };
  const repeat = (count: number, part: (index: number) => string) => Array.from({ length: count }, (_, index) => part(index)).join('');
  let body = `<table class="infobox">${repeat(40, () => `<tr><th>${word()}</th><td><a href="#">${word()}</a> ${word()}</td></tr>`)}</table>`;
  for (let section = 0; section < 250; section++) {
    body += `<h2><span>${word()} ${word()}</span><span class="edit">[<a href="#">edit</a>]</span></h2>${repeat(6, () => paragraph(120))}`;
    if (section % 5 === 0) body += `<table>${repeat(30, () => `<tr>${repeat(5, () => `<td><a href="#">${word()}</a> ${word()}</td>`)}</tr>`)}</table>`;
    if (section % 7 === 0) body += `<ul>${repeat(20, () => `<li><a href="#">${word()} ${word()}</a>, ${word()}</li>`)}</ul>`;
  }
  body += `<ol class="references">${repeat(4_000, (index) => `<li id="cite-${index}"><cite><a href="https://example.com/${index}">${word()} ${word()}</a>. <i>${word()}</i>.</cite></li>`)}</ol>`;
  body += `<div class="navbox">${repeat(30, () => `<table><tr><th>${word()}</th><td><ul>${repeat(40, () => `<li><a href="#">${word()}</a></li>`)}</ul></td></tr></table>`)}</div>`;
  body += `<script type="application/json">${JSON.stringify(Array.from({ length: 20_000 }, (_, id) => ({ id, title: `${word()} Nvidia` })))}</script>`;
  return htmlPage(`<main><h1>A long article</h1>${body}</main>`);
}

const SHAPES: Readonly<Record<string, () => string>> = {
  // One run of 40,000 nodes: a paragraph of links or tags, a name split across two of them.
  'one <p> of 20,000 <b> words': () => htmlPage(`<p>${Array.from({ length: 20_000 }, (_, index) => (index % 41 === 3 ? '<b>Salt</b> <i>Typhoon</i>' : `<b>${WORDS[index % WORDS.length]}</b>`)).join(' ')}</p>`),
  // One run, one text node: a text dump in a <div>.
  'one text node of 1.3 MB': () => htmlPage(`<div>${prose(330_000, 1)}</div>`),
  'divs nested 3,000 deep': () => htmlPage(`${'<div>'.repeat(3_000)}<p>${prose(200, 2)}</p>${'</div>'.repeat(3_000)}`),
  '50,000 paragraphs (3 MB)': () => htmlPage(Array.from({ length: 50_000 }, (_, index) => `<p>${prose(12, index)}</p>`).join('')),
  'a table of 20,000 rows': () => htmlPage(`<table>${Array.from({ length: 20_000 }, (_, index) => `<tr><td>${prose(6, index)}</td><td>${prose(5, index + 3)}</td></tr>`).join('')}</table>`),
  'a wiki-like article of 3.6 MB': wikiArticle,
  // Never read: code.
  'one <pre> of 1 MB of code': () => htmlPage(`<pre><code>${Array.from({ length: 20_000 }, (_, index) => `const nvidia${index} = lookUp("Salt Typhoon", ${index});`).join('\n')}</code></pre>`),
};

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) await buildExtension({ outDir: DIST_DIR });
  const server = await startServer({});
  const context: BenchContext = {
    withExtension: await launchBrowser('chromium', {}),
    without: await launchChromiumWithout({}),
    helpers: await buildInPageScript(),
    blankUrl: server.page('<!doctype html><title>blank</title>', '/stress/blank.html'),
    runs,
    progress: (message) => process.stderr.write(`[stress] ${message}\n`),
  };
  const rows: string[] = [];
  try {
    for (const [label, html] of Object.entries(SHAPES)) {
      const page = html();
      const url = server.page(page, `/stress/${label.replace(/\W+/g, '-')}.html`);
      const visits = [];
      for (let run = 0; run < runs; run++) {
        context.progress(`${label}: run ${run + 1}/${runs}`);
        visits.push(await visit(context, context.withExtension, url));
      }
      const cpu = median(visits.flatMap((one) => (one.trace ? [one.trace.ourCpuMs] : [])));
      const task = median(visits.flatMap((one) => (one.trace ? [one.trace.largestOurShareMs] : [])));
      const marks = median(visits.map((one) => one.probe.marks));
      const settled = visits.every((one) => one.settled) ? '' : '  (did not settle)';
      rows.push(`${label.padEnd(30)} ${(page.length / 1e6).toFixed(2).padStart(5)} MB  ${(cpu ?? NaN).toFixed(1).padStart(7)} ms  ${(task ?? NaN).toFixed(1).padStart(6)} ms  ${String(marks ?? '-').padStart(6)}${settled}`);
    }
  } finally {
    await context.withExtension.close();
    await context.without.close();
    await server.close();
  }
  process.stdout.write(`Stress pages, headless Chromium, medians of ${runs} runs:\n${'page'.padEnd(30)} ${'size'.padStart(8)}  ${'our CPU'.padStart(10)}  ${'1 task'.padStart(9)}  ${'marks'.padStart(6)}\n${rows.join('\n')}\n`);
}

await main();

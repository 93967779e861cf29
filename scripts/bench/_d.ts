import { startServer } from '../../test/e2e/server';
import { CATALOG } from '../../src/shared/catalog/entities';
import { launchChromium } from './browser';
import { buildInPageScript, probeScript } from './in-page-script';
import { TRACE_CATEGORIES, analyseTrace, ourTime } from './trace';
import { parseTrace, waitUntilSettled } from './measure';
import { generateArticlePage, ONE_MEGABYTE_PAGE } from './pages';
import { plantableNames } from './names';
const server = await startServer();
server.page('<!doctype html><title>blank</title>', '/bench/blank.html');
const which = process.argv[2];
const page1 = which === 'startup' ? generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 1, title: 'x', names: [] }) : generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'x', names: which === 'names' ? plantableNames(CATALOG, 40) : [] });
const url = server.page(page1.html, '/bench/p.html');
const b = await launchChromium(process.argv[3] === 'none' ? null : 'dist/chrome');
const ext = b.extensionOrigin ?? 'chrome-extension://';
for (let run = 0; run < 2; run++) {
const { page } = await b.newPage();
await page.evaluateOnNewDocument(probeScript(await buildInPageScript()));
await page.goto(server.url('/bench/blank.html'));
await page.tracing.start({ categories: TRACE_CATEGORIES }); await page.evaluate(() => 0);
await page.goto(url, { waitUntil: 'load' });
console.log('settled', await waitUntilSettled(page));
const events = parseTrace(Buffer.from((await page.tracing.stop())!).toString());
const a = analyseTrace(events, url, (u) => u.startsWith(ext), 50)!;
console.log(a.figures);
const top = [...a.tasks].sort((x, y) => y.dur - x.dur).slice(0, 5);
for (const t of top) {
  console.log('TASK', t.ts, (t.dur / 1000).toFixed(1), 'ours', (ourTime(a.attribution, t.ts, t.ts + t.dur) / 1000).toFixed(1));
  const inside = events.filter((e) => e.pid === a.thread.pid && e.tid === a.thread.tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && (e.dur ?? 0) > 2000 && e.name !== 'RunTask');
  for (const e of inside.slice(0, 12)) console.log('   ', e.name, ((e.dur ?? 0) / 1000).toFixed(1), JSON.stringify(e.args?.data ?? {}).slice(0, 150));
}
for (const i of a.attribution.intervals.slice(0, 8)) console.log('interval', i.ts, (i.dur / 1000).toFixed(1));
console.log('outside samples', a.attribution.samples.length, a.attribution.samples.reduce((s, x) => s + x.dur, 0) / 1000);
await page.close();
}
await b.close(); await server.close();

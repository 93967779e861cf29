import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import http from 'node:http';
const html = readFileSync(process.argv[2]!, 'utf8');
const server = http.createServer((req, res) => { res.setHeader('content-type', 'text/html'); res.end(req.url === '/' ? html : ''); }).listen(0);
const port = (server.address() as { port: number }).port;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setRequestInterception(true);
page.on('request', (r) => r.url().startsWith(`http://127.0.0.1:${port}/`) ? r.continue() : r.abort());
await page.evaluateOnNewDocument(() => {
  const stats = { records: 0, childList: 0, characterData: 0, attributes: 0, added: 0, addedText: 0, addedChars: 0 };
  (window as any).__stats = stats;
  new MutationObserver((records) => { for (const r of records) { stats.records++; (stats as any)[r.type]++; for (const n of Array.from(r.addedNodes)) { stats.added++; stats.addedChars += (n.textContent ?? '').length; } } }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'contenteditable'] });
});
await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
await new Promise((r) => setTimeout(r, 3000));
console.log(JSON.stringify(await page.evaluate(() => (window as any).__stats)));
await browser.close(); server.close();

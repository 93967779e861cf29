/**
 * `npm start`: builds the extension, serves the bundled demo news page on 127.0.0.1 and opens a
 * browser with Backstory loaded on it. Chromium by default; `npm start -- --firefox` runs Firefox
 * ESR through `web-ext run`.
 *
 * With no display (no DISPLAY or WAYLAND_DISPLAY) it runs headless instead: it prints the
 * entities it found with their mention counts, saves a screenshot with a card open to
 * test-results/start-<browser>.png, and exits.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { START_CARD_TIMEOUT_MS, START_HIGHLIGHT_TIMEOUT_MS } from './start-settings';
import { DIST_FIREFOX, launchBrowser, screenshot } from './harness/browsers';
import { countByEntity, hoverMention, mentions, waitForCard, waitForMarksIn } from './harness/page-helpers';
import { startServer, type FixtureServer } from './harness/server';
import { buildExtension } from './build';
import { browserPath, INSTALL_COMMAND, missingBrowser, type BrowserName } from './check-browsers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_PATH = '/demo/article.html';
/** The demo's last box names entities; once something in it is highlighted, the whole page has been scanned. */
const DEMO_LAST_BOX = '#most-read';

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

/** Stops the server (and whatever else `cleanup` holds) on Ctrl-C, then exits. */
function exitOnInterrupt(cleanup: () => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(0));
    });
  }
}

/** Mention count per entity, most mentioned first. */
async function mentionCounts(page: Page): Promise<Array<[string, number]>> {
  const counts = countByEntity(await mentions(page));
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
}

async function runHeadless(name: BrowserName, server: FixtureServer): Promise<void> {
  say(`No display found (DISPLAY and WAYLAND_DISPLAY are unset): running ${name} headless.`);
  const handle = await launchBrowser(name);
  try {
    const page = await handle.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const url = server.url(DEMO_PATH);
    await page.goto(url);
    say(`Opened ${url}`);
    const complete = await waitForMarksIn(page, DEMO_LAST_BOX, START_HIGHLIGHT_TIMEOUT_MS)
      .then(() => true)
      .catch(() => false);

    const counts = await mentionCounts(page);
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    if (counts.length === 0) {
      say('Backstory highlighted nothing on the demo page.');
    } else {
      say(`Backstory found ${counts.length} entities, ${total} mentions${complete ? '' : ' (page not fully scanned yet)'}:`);
      const width = Math.max(...counts.map(([id]) => id.length));
      for (const [id, count] of counts) say(`  ${id.padEnd(width)}  ${count}`);
    }

    // Open one card so the screenshot shows what hovering does.
    const first = counts.find(([id]) => id === 'salt-typhoon')?.[0] ?? counts[0]?.[0];
    if (first) {
      // Highlights are painted ranges, not elements (DESIGN.md): point at the range itself.
      await hoverMention(page, first);
      await waitForCard(page, undefined, START_CARD_TIMEOUT_MS).catch(() => say('(No card opened on hover.)'));
    }
    const shot = await screenshot(page, `start-${name}`);
    say(`Screenshot saved to ${path.relative(process.cwd(), shot) || shot}`);
  } finally {
    await handle.close();
  }
}

async function runChromiumWindow(server: FixtureServer): Promise<void> {
  const handle = await launchBrowser('chromium', { headless: false });
  const page = await handle.newPage();
  await page.goto(server.url(DEMO_PATH));
  say(`Chromium is open on ${server.url(DEMO_PATH)} with Backstory loaded. Ctrl-C to quit.`);
  exitOnInterrupt(async () => {
    await handle.close().catch(() => undefined);
    await server.close();
  });
  await new Promise<void>((resolve) => handle.browser.once('disconnected', () => resolve()));
}

async function runFirefoxWindow(server: FixtureServer): Promise<void> {
  const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');
  const args = ['run', '--target=firefox-desktop', `--firefox=${browserPath('firefox')}`, `--source-dir=${DIST_FIREFOX}`, `--start-url=${server.url(DEMO_PATH)}`];
  say(`Starting Firefox ESR with Backstory as a temporary add-on on ${server.url(DEMO_PATH)}. Ctrl-C to quit.`);
  const child = spawn(webExt, args, { stdio: 'inherit' });
  exitOnInterrupt(async () => {
    child.kill('SIGINT');
    await server.close();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await server.close().catch(() => undefined);
  if (code) process.exitCode = code;
}

async function main() {
  const name: BrowserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
  const missing = missingBrowser(name);
  if (missing) {
    process.stderr.write(`${missing}\nInstall it with:\n\n  ${INSTALL_COMMAND}\n\n`);
    process.exit(1);
  }
  say('Building the extension…');
  await buildExtension();
  const server = await startServer();
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) {
    try {
      await runHeadless(name, server);
    } finally {
      await server.close();
    }
  } else if (name === 'chromium') {
    await runChromiumWindow(server);
  } else {
    await runFirefoxWindow(server);
  }
}

await main();

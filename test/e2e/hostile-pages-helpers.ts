/**
 * Helpers for the hostile-page and real-world undo browser tests:
 *
 * - a main-world snapshot taken at DOMContentLoaded, before the content script (document_idle)
 *   can touch anything, compared node for node while the extension is on (highlights are painted,
 *   never written, so the page must already be its own) and again after it is switched off;
 * - counting our painted pieces: ranges in the `backstory-entity-<id>` highlights of
 *   CSS.highlights (the DESIGN.md contract), read from puppeteer's isolated world so a page that
 *   replaces built-ins cannot fool the count;
 * - switching the extension off and on through its stored settings, as the popup does;
 * - waiting for highlighting to settle;
 * - a fixture server for test/fixtures/hostile/ that sends the headers those pages need (the
 *   harness's server sends none but content-type), runnable twice for a second origin;
 * - in Chromium, errors and console errors from every world of the page, the content script's
 *   isolated world included (pageerror sees the main world only).
 *
 * In-page code lives in strings: it is injected before the page exists, and functions bound to
 * names would pick up a `__name` helper the page does not have (see page-helpers.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'puppeteer-core';
import { HOSTILE_SETTLE_POLL_MS, HOSTILE_SETTLE_QUIET_MS, HOSTILE_SETTLE_TIMEOUT_MS } from './timing';
import { isolatedWorld, mentionPoint, type BrowserHandle } from './harness';

/** Main-world registry key of the snapshot; a Symbol.for so no page property is named. */
const SNAPSHOT_KEY = 'backstory-test.load-snapshot';

/**
 * Records, at DOMContentLoaded, every node of the document (open shadow trees the page attached
 * included; inside `data-test-volatile` elements, nothing) in order: identity, parent, text and
 * attributes. Exposes compare(), which walks the
 * document again and names the first difference. The extension's UI host is skipped both times.
 */
const SNAPSHOT_SCRIPT = `(() => {
  // Built-ins a hostile page may replace (Array.prototype.push, map, JSON.stringify…) are not
  // used here, so the snapshot works on the page that traps them.
  const key = Symbol.for(${JSON.stringify(SNAPSHOT_KEY)});
  const isHost = (node) => node.nodeType === 1 && node.localName === 'backstory-ui';
  // Iterative, not recursive: the 10,000-deep page would overflow the stack.
  const walk = () => {
    const entries = [];
    const stack = [document];
    while (stack.length > 0) {
      const node = stack[stack.length - 1];
      stack.length--;
      if (isHost(node)) continue;
      entries[entries.length] = {
        node,
        parent: node.parentNode,
        data: node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11 ? null : (node.data ?? null),
        attributes: node.nodeType === 1 && !node.hasAttribute('data-test-volatile') ? Array.from(node.attributes, (a) => a.name + '=' + a.value).sort().join('\u0000') : null,
      };
      // The page's own moving parts: the element is recorded; its attributes and what it holds
      // are the test's to check.
      if (node.nodeType === 1 && node.hasAttribute('data-test-volatile')) continue;
      // Children go on the stack last first, so they come off in document order, after the shadow tree.
      for (let child = node.lastChild; child; child = child.previousSibling) stack[stack.length] = child;
      if (node.nodeType === 1 && node.shadowRoot) stack[stack.length] = node.shadowRoot;
    }
    return entries;
  };
  const describe = (entry) => {
    if (!entry) return 'nothing';
    const node = entry.node;
    const name = node.nodeName + (node.nodeType === 1 && node.id ? '#' + node.id : '') + (entry.parent && entry.parent.nodeType === 1 ? ' in ' + entry.parent.nodeName + (entry.parent.id ? '#' + entry.parent.id : '') : '');
    return name + (entry.data === null ? '' : ' "' + String(entry.data).slice(0, 60) + '"');
  };
  // Our painted pieces: ranges in the backstory-entity-<id> highlights (the main world sees the registry).
  const pieces = () => {
    let count = 0;
    if (typeof CSS === 'undefined' || !CSS.highlights) return -1;
    CSS.highlights.forEach((highlight, name) => {
      if (name.indexOf('backstory-entity-') === 0) count += highlight.size;
    });
    return count;
  };
  const state = { taken: false, marksAtSnapshot: -1, hostAtSnapshot: false, entries: [], bodyText: null };
  state.take = () => {
    state.entries = walk();
    state.bodyText = document.body ? document.body.textContent : null;
    state.marksAtSnapshot = pieces();
    state.hostAtSnapshot = document.querySelector('backstory-ui') !== null;
    state.taken = true;
  };
  state.compare = () => {
    const now = walk();
    const before = state.entries;
    const length = Math.max(now.length, before.length);
    for (let index = 0; index < length; index++) {
      const a = before[index];
      const b = now[index];
      if (!a || !b || a.node !== b.node || a.parent !== b.parent || a.data !== b.data || a.attributes !== b.attributes) {
        return { same: false, nodes: before.length, nodesNow: now.length, at: index, was: describe(a), is: describe(b) };
      }
    }
    return { same: true, nodes: before.length, nodesNow: now.length, at: -1, was: '', is: '' };
  };
  window[key] = state;
  document.addEventListener('DOMContentLoaded', state.take, { once: true });
})();`;

export interface LoadSnapshot {
  taken: boolean;
  /** Our painted pieces when the snapshot was taken: must be 0, or it was taken too late (-1: no registry). */
  marksAtSnapshot: number;
  hostAtSnapshot: boolean;
  nodes: number;
}

export interface SnapshotComparison {
  same: boolean;
  nodes: number;
  nodesNow: number;
  /** Document-order index of the first difference, -1 when none. */
  at: number;
  was: string;
  is: string;
}

/** Makes every document `page` loads from now on snapshot itself at DOMContentLoaded. */
export async function snapshotAtLoad(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(SNAPSHOT_SCRIPT);
}

export function loadSnapshot(page: Page): Promise<LoadSnapshot> {
  return page.evaluate((key: string) => {
    const state = (window as unknown as Record<symbol, { taken: boolean; marksAtSnapshot: number; hostAtSnapshot: boolean; entries: unknown[] } | undefined>)[Symbol.for(key)];
    if (!state) return { taken: false, marksAtSnapshot: -1, hostAtSnapshot: false, nodes: 0 };
    return { taken: state.taken, marksAtSnapshot: state.marksAtSnapshot, hostAtSnapshot: state.hostAtSnapshot, nodes: state.entries.length };
  }, SNAPSHOT_KEY);
}

/** The document now against its snapshot at load: same node objects, places, text, attributes. */
export function compareWithLoadSnapshot(page: Page): Promise<SnapshotComparison> {
  return page.evaluate((key: string) => {
    const state = (window as unknown as Record<symbol, { compare(): SnapshotComparison } | undefined>)[Symbol.for(key)];
    if (!state) throw new Error('no load snapshot: call snapshotAtLoad before goto');
    return state.compare();
  }, SNAPSHOT_KEY);
}

/** body.textContent now and at load. */
export function bodyTextSinceLoad(page: Page): Promise<{ atLoad: string | null; now: string | null }> {
  return page.evaluate((key: string) => {
    const state = (window as unknown as Record<symbol, { bodyText: string | null } | undefined>)[Symbol.for(key)];
    return { atLoad: state?.bodyText ?? null, now: document.body ? document.body.textContent : null };
  }, SNAPSHOT_KEY);
}

/** The extension API inside an extension page (Firefox: browser, Chromium: chrome). */
interface ExtensionGlobal {
  browser?: { storage: { sync: { set(items: object): Promise<void> } } };
  chrome?: { storage: { sync: { set(items: object): Promise<void> } } };
}

/** Switches Backstory on or off for every site, through storage, as the popup's switch does. */
export async function setEnabled(handle: BrowserHandle, enabled: boolean): Promise<void> {
  const page = await handle.openExtensionPage('options/options.html');
  try {
    await page.evaluate(async (on: boolean) => {
      const global = globalThis as unknown as ExtensionGlobal;
      const api = (global.browser ?? global.chrome)!;
      await api.storage.sync.set({ settings: { version: 2, enabled: on } });
    }, enabled);
  } finally {
    await page.close();
  }
}

/**
 * Page-side (isolated world): our painted pieces, the non-collapsed ranges in the
 * `backstory-entity-` highlights; with `hostSelector`, only those inside the open shadow root of
 * that element.
 */
const countPiecesInPage = (hostSelector: string | null): number => {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  if (!registry) return 0;
  const root = hostSelector ? (document.querySelector(hostSelector)?.shadowRoot ?? null) : null;
  let count = 0;
  registry.forEach((highlight, name) => {
    if (!name.startsWith('backstory-entity-')) return;
    highlight.forEach((range) => {
      if (range.collapsed) return;
      if (hostSelector && range.startContainer.getRootNode() !== root) return;
      count++;
    });
  });
  return count;
};

/** How many painted pieces of ours the page has (inside one open shadow root, given its host). */
export function pieceCount(page: Page, hostSelector: string | null = null): Promise<number> {
  return isolatedWorld(page).evaluate(countPiecesInPage, hostSelector);
}

/** Every highlight name of ours in the registry (entity, style and active highlights). */
export function ourHighlightNames(page: Page): Promise<string[]> {
  return isolatedWorld(page).evaluate(() => {
    const names: string[] = [];
    (globalThis as unknown as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.forEach((_highlight, name) => {
      if (name.startsWith('backstory-')) names.push(name);
    });
    return names.sort();
  });
}

/**
 * Waits until the piece count has held for HOSTILE_SETTLE_QUIET_MS (at least `atLeast` pieces),
 * and returns it. A page with none of our names settles at 0.
 */
export async function waitForSettledMarks(page: Page, atLeast = 0, hostSelector: string | null = null): Promise<number> {
  const deadline = Date.now() + HOSTILE_SETTLE_TIMEOUT_MS;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = await pieceCount(page, hostSelector);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (count >= atLeast && Date.now() - since >= HOSTILE_SETTLE_QUIET_MS) {
      return count;
    }
    if (Date.now() > deadline) throw new Error(`highlighting did not settle: ${count} pieces, wanted ≥ ${atLeast}`);
    await new Promise((resolve) => setTimeout(resolve, HOSTILE_SETTLE_POLL_MS));
  }
}

/**
 * Waits until no highlight of ours (no registry name starting `backstory-`) is left, after
 * switching off. Polls with plain evaluate calls: puppeteer's waitForFunction runs helpers in
 * the page that a page replacing MutationObserver or Array methods would break.
 */
export async function waitForNoMarks(page: Page): Promise<void> {
  const deadline = Date.now() + HOSTILE_SETTLE_TIMEOUT_MS;
  while ((await ourHighlightNames(page)).length > 0) {
    if (Date.now() > deadline) throw new Error(`highlights still registered after switching off: ${(await ourHighlightNames(page)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, HOSTILE_SETTLE_POLL_MS));
  }
}

export interface WorldErrors {
  /** Uncaught exceptions in any world of the page: "<world>: <message>". */
  exceptions: string[];
  /** console.error/assert/warn calls in any world. */
  consoleProblems: string[];
  /** Names of the isolated worlds seen (the extension's content script world among them). */
  isolatedWorlds: string[];
  stop(): Promise<void>;
}

/**
 * Chromium only: listens to every execution context of the page over a CDP session of its own,
 * so errors thrown in the content script's isolated world are seen too. Start it before goto.
 */
export async function watchAllWorlds(page: Page): Promise<WorldErrors> {
  const session: CDPSession = await page.createCDPSession();
  const worlds = new Map<number, string>();
  const errors: WorldErrors = {
    exceptions: [],
    consoleProblems: [],
    isolatedWorlds: [],
    stop: () => session.detach().catch(() => undefined),
  };
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const auxData = context.auxData as { type?: string } | undefined;
    const name = auxData?.type === 'isolated' ? `isolated:${context.name || context.origin}` : 'main';
    worlds.set(context.id, name);
    if (auxData?.type === 'isolated') errors.isolatedWorlds.push(name);
  });
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const world = worlds.get(exceptionDetails.executionContextId ?? -1) ?? 'unknown';
    errors.exceptions.push(`${world}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  });
  session.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    if (type !== 'error' && type !== 'assert' && type !== 'warning') return;
    const world = worlds.get(executionContextId) ?? 'unknown';
    errors.consoleProblems.push(`${world}: ${type} ${args.map((arg) => arg.value ?? arg.description ?? '').join(' ')}`);
  });
  await session.send('Runtime.enable');
  return errors;
}

const HOSTILE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');

/** The strict policy of csp.html: nothing but its own origin, no inline code, no eval. */
export const STRICT_CSP = "default-src 'self'; report-uri /csp-report";

const HOSTILE_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface HostileServer {
  origin: string;
  url(pathname: string): string;
  /** Bodies of CSP violation reports the browser posted. */
  readonly cspReports: string[];
  close(): Promise<void>;
}

/** Serves test/fixtures/hostile/ on 127.0.0.1 (a fresh port each call), with each page's headers. */
export async function startHostileServer(): Promise<HostileServer> {
  const cspReports: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      if (pathname === '/csp-report') {
        cspReports.push(await readBody(request));
        response.writeHead(204).end();
        return;
      }
      const name = path.posix.basename(pathname);
      const type = HOSTILE_TYPES[path.extname(name)];
      const body = type ? await readFile(path.join(HOSTILE_DIR, name)).catch(() => null) : null;
      if (!type || !body) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('not found');
        return;
      }
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
      if (name.startsWith('csp.')) headers['content-security-policy'] = STRICT_CSP;
      response.writeHead(200, headers).end(body);
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    cspReports,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The page's own self-check (every hostile fixture defines window.fixtureCheck). */
export function fixtureCheck<T = Record<string, unknown>>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { fixtureCheck(): unknown }).fixtureCheck()) as Promise<T>;
}

/**
 * Rests the mouse on the first painted piece of `entity` (inside `within`, if given), the way a
 * reader hovers a name. The point is read in puppeteer's isolated world, which a page that
 * replaces built-ins cannot reach.
 */
export async function hoverMark(page: Page, entity: string, within: string | null = null): Promise<void> {
  const point = await mentionPoint(page, entity, within);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

export interface CardBox {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  viewportWidth: number;
  viewportHeight: number;
  fontSize: string;
}

/** The open card's box and font size, or null when no card is rendered. */
export function cardBox(page: Page): Promise<CardBox | null> {
  return page.evaluate(() => {
    const card = document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!card) return null;
    const box = card.getBoundingClientRect();
    return {
      width: box.width,
      height: box.height,
      left: box.left,
      top: box.top,
      right: box.right,
      bottom: box.bottom,
      viewportWidth: innerWidth,
      viewportHeight: innerHeight,
      fontSize: getComputedStyle(card).fontSize,
    };
  });
}

/**
 * Waits for a visible card named `name`. Polls with plain evaluate calls and reads the name
 * without Array methods, so it works on the page that replaces them (the harness's waitForCard
 * runs puppeteer's page-side poller, which needs the page's MutationObserver).
 */
export async function waitForCardNamed(page: Page, name: string, timeout = HOSTILE_SETTLE_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await page.evaluate(() => {
      const shadow = document.querySelector('backstory-ui')?.shadowRoot;
      const card = shadow?.querySelector<HTMLElement>('[role="dialog"]');
      if (!shadow || !card || !card.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return null;
      const label = card.getAttribute('aria-labelledby');
      return (label ? shadow.getElementById(label)?.textContent : card.getAttribute('aria-label'))?.trim() ?? '';
    });
    if (shown === name) return;
    if (Date.now() > deadline) throw new Error(`no card named ${name} opened (shown: ${String(shown)})`);
    await new Promise((resolve) => setTimeout(resolve, HOSTILE_SETTLE_POLL_MS));
  }
}

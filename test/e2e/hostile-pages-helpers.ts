/**
 * Helpers for the hostile-page and real-world undo browser tests:
 *
 * - a main-world snapshot taken at DOMContentLoaded, before the content script (document_idle)
 *   can touch anything, compared node for node after the extension is switched off;
 * - switching the extension off and on through its stored settings, as the popup does;
 * - waiting for highlighting to settle;
 * - in Chromium, errors and console errors from every world of the page, the content script's
 *   isolated world included (pageerror sees the main world only).
 *
 * In-page code lives in strings: it is injected before the page exists, and functions bound to
 * names would pick up a `__name` helper the page does not have (see page-helpers.ts).
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { HOSTILE_SETTLE_POLL_MS, HOSTILE_SETTLE_QUIET_MS, HOSTILE_SETTLE_TIMEOUT_MS } from '../../src/shared/constants';
import type { BrowserHandle } from './harness';

/** Main-world registry key of the snapshot; a Symbol.for so no page property is named. */
const SNAPSHOT_KEY = 'backstory-test.load-snapshot';

/**
 * Records, at DOMContentLoaded, every node of the document (shadow trees the page attached
 * included) in order: identity, parent, text and attributes. Exposes compare(), which walks the
 * document again and names the first difference. The extension's UI host is skipped both times.
 */
const SNAPSHOT_SCRIPT = `(() => {
  const key = Symbol.for(${JSON.stringify(SNAPSHOT_KEY)});
  const isHost = (node) => node.nodeType === 1 && node.localName === 'backstory-ui';
  const walk = () => {
    const entries = [];
    const visit = (node) => {
      if (isHost(node)) return;
      entries.push({
        node,
        parent: node.parentNode,
        data: node.nodeType === 1 ? null : (node.data ?? null),
        attributes: node.nodeType === 1 ? Array.from(node.attributes, (a) => a.name + '=' + a.value).sort().join('\\u0000') : null,
      });
      if (node.nodeType === 1 && node.shadowRoot) visit(node.shadowRoot);
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    };
    visit(document);
    return entries;
  };
  const describe = (entry) => {
    if (!entry) return 'nothing';
    const node = entry.node;
    const name = node.nodeName + (node.nodeType === 1 && node.id ? '#' + node.id : '');
    return name + (entry.data === null ? '' : ' ' + JSON.stringify(String(entry.data).slice(0, 60)));
  };
  const state = { taken: false, marksAtSnapshot: -1, hostAtSnapshot: false, entries: [], bodyText: null };
  state.take = () => {
    state.entries = walk();
    state.bodyText = document.body ? document.body.textContent : null;
    state.marksAtSnapshot = document.querySelectorAll('mark[data-entity]').length;
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
  /** Our marks on the page when the snapshot was taken: must be 0, or it was taken too late. */
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

export function markCount(page: Page, selector = 'mark[data-entity]'): Promise<number> {
  return page.evaluate((wanted: string) => document.querySelectorAll(wanted).length, selector);
}

/**
 * Waits until the mark count has held for HOSTILE_SETTLE_QUIET_MS (at least `atLeast` marks),
 * and returns it. A page with none of our names settles at 0.
 */
export async function waitForSettledMarks(page: Page, atLeast = 0, selector?: string): Promise<number> {
  const deadline = Date.now() + HOSTILE_SETTLE_TIMEOUT_MS;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = await markCount(page, selector);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (count >= atLeast && Date.now() - since >= HOSTILE_SETTLE_QUIET_MS) {
      return count;
    }
    if (Date.now() > deadline) throw new Error(`highlighting did not settle: ${count} marks, wanted ≥ ${atLeast}`);
    await new Promise((resolve) => setTimeout(resolve, HOSTILE_SETTLE_POLL_MS));
  }
}

/** Waits until the page has none of our marks (after switching off). */
export async function waitForNoMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('mark[data-entity]').length === 0, {
    polling: 'mutation',
    timeout: HOSTILE_SETTLE_TIMEOUT_MS,
  });
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

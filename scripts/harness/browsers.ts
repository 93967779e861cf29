/**
 * Launching the real browsers with the built extension: headless Chromium over CDP, Firefox ESR
 * over WebDriver BiDi (recipes: /work/shared/docs/browser-testing.md). Pages opened through a
 * handle may talk only to loopback; everything else is aborted and recorded.
 *
 * Each launch loads a private copy of the build: browsers read extension files lazily, and a
 * rebuild of dist/ elsewhere in the checkout mid-run would otherwise pull them from under it.
 *
 * Free of vitest, so `npm start`, the bench and the e2e tests launch the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page, type Target, type WebWorker } from 'puppeteer-core';
import { browserPath, type BrowserName } from '../check-browsers';
import { waitForAnimationsToFinish } from './page-helpers';

export type { BrowserName } from '../check-browsers';

/** Longest wait for a just-started extension service worker to have its extension APIs: far past the moment it takes. */
const EXTENSION_READY_TIMEOUT_MS = 5_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The build under test: dist/ unless BACKSTORY_DIST_DIR points at another build's output. */
export const DIST_DIR = path.resolve(root, process.env.BACKSTORY_DIST_DIR || 'dist');
export const DIST_CHROME = path.join(DIST_DIR, 'chrome');
export const DIST_FIREFOX = path.join(DIST_DIR, 'firefox');
export const TEST_RESULTS_DIR = path.join(root, 'test-results');

/**
 * Without these Chromium reaches for Google's services at start-up; this machine has no network,
 * and the extension must never need one.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Firefox gives extension pages a fresh random UUID each run unless told one; tests need a known origin. */
const FIREFOX_EXTENSION_UUID = '6f1d2c3a-8b7e-4c5d-9a0f-b4c7e2d1a9f3';

/** What went wrong on a page: requests we stopped, uncaught errors, console errors. */
export interface PageLog {
  /** Requests to anything but loopback, aborted before they left the browser. */
  blockedRequests: string[];
  /** Uncaught exceptions (page or, where the browser reports them, content script). */
  pageErrors: string[];
  /** console.error messages. */
  consoleErrors: string[];
}

/** A browser whose tabs may reach only loopback. */
export interface GuardedBrowser {
  browser: Browser;
  /** A fresh tab that may reach only loopback; its problems are in `pageLog(page)`. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserHandle extends GuardedBrowser {
  name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  extensionOrigin: string;
  /** The id the browser gave the extension: Chromium's generated id, Firefox's gecko id. */
  extensionId: string;
  /** Milliseconds from launch to extension installed (for reports, never for assertions). */
  launchMs: number;
  /** Opens `path` (e.g. 'reader/reader.html?article=x&p=2') of the extension in a fresh tab, loaded. */
  openExtensionPage(extensionPath: string): Promise<Page>;
  /**
   * Chromium: the extension's service worker target (waits for it). Firefox runs the background
   * as an event page with no target of its own over BiDi: null.
   */
  backgroundTarget(): Promise<Target | null>;
  /** Chromium: the running service worker, to evaluate in. Firefox: null. */
  backgroundWorker(): Promise<WebWorker | null>;
  /** Installs the same build again over itself: an update, as the extension sees it (runtime.onInstalled says "update"). */
  reinstallExtension(): Promise<void>;
}

/** What launching one browser gives; launchBrowser adds the rest. */
type Launched = Omit<BrowserHandle, 'newPage' | 'openExtensionPage' | 'close' | 'launchMs' | 'reinstallExtension'>;

const pageLogs = new WeakMap<Page, PageLog>();

/** The log newPage() keeps for a page; an empty log for pages it did not open. */
export function pageLog(page: Page): PageLog {
  return pageLogs.get(page) ?? { blockedRequests: [], pageErrors: [], consoleErrors: [] };
}

/** Whether a page may load `url`: loopback, or no network at all (data:, blob:, extension files). */
export function isLoopbackOrLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return true; // data:, blob:, extension pages
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

async function guardPage(page: Page): Promise<Page> {
  const log: PageLog = { blockedRequests: [], pageErrors: [], consoleErrors: [] };
  pageLogs.set(page, log);
  page.on('pageerror', (error) => log.pageErrors.push(error instanceof Error ? error.message : String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const source = message.location().url;
      log.consoleErrors.push(source ? `${message.text()} (${source})` : message.text());
    }
  });
  await blockNonLoopback(page, (url) => log.blockedRequests.push(url));
  return page;
}

/** Lets `page` load only loopback and local URLs; every other request is aborted and reported. */
export async function blockNonLoopback(page: Page, onBlocked: (url: string) => void): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (isLoopbackOrLocal(request.url())) {
      void request.continue().catch(() => undefined);
    } else {
      onBlocked(request.url());
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
}

interface ExtensionManifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readManifest(dir: string): ExtensionManifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ExtensionManifest;
}

/** Copies an unpacked build somewhere only this launch uses, and checks nothing it names is missing. */
async function privateCopyOfBuild(source: string): Promise<string> {
  if (!existsSync(path.join(source, 'manifest.json'))) throw new Error(`no build at ${source}: run npm run build`);
  const copy = await mkdtemp(path.join(tmpdir(), 'backstory-extension-'));
  await cp(source, copy, { recursive: true });
  const manifest = readManifest(copy);
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
  ].filter((file): file is string => Boolean(file));
  const missing = named.filter((file) => !existsSync(path.join(copy, file)));
  if (missing.length > 0) {
    await rm(copy, { recursive: true, force: true });
    throw new Error(`${source} lacks ${missing.join(', ')}: is a build still running?`);
  }
  return copy;
}

/** Chromium as every launch starts it; with `extensions` false it cannot load any. */
function startChromium(options: LaunchOptions, extensions: boolean): Promise<Browser> {
  return puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: options.headless ?? true, // the new headless mode runs extensions
    // A window someone looks at should fill itself; headless pages keep puppeteer's fixed size.
    ...(options.headless === false ? { defaultViewport: null } : {}),
    pipe: true, // loading an unpacked extension over CDP needs the pipe transport
    enableExtensions: extensions,
    args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
  });
}

async function launchChromium(options: LaunchOptions, extensionDir: string): Promise<Launched> {
  const browser = await startChromium(options, true);
  try {
    // installExtension returns the id; `enableExtensions: [path]` would drop it.
    const extensionId = await browser.installExtension(extensionDir);
    const extensionOrigin = `chrome-extension://${extensionId}`;
    const backgroundTarget = () =>
      browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith(`${extensionOrigin}/`));
    return {
      browser,
      name: 'chromium',
      extensionId,
      extensionOrigin,
      backgroundTarget,
      backgroundWorker: () => extensionReady(async () => (await backgroundTarget()).worker()),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The worker once its extension APIs are bound: a service worker found the moment it starts can
 * briefly evaluate without `chrome` (seen once in a full run, on the first launch after the unit
 * tests), which is the harness being early, not the extension failing to start. The target is
 * asked again each time, in case the worker it named was replaced.
 */
async function extensionReady(worker: () => Promise<WebWorker | null>): Promise<WebWorker | null> {
  const deadline = Date.now() + EXTENSION_READY_TIMEOUT_MS;
  for (;;) {
    const current = await worker();
    if (!current) return null;
    const ready = await current
      .evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime === 'object')
      .catch(() => false);
    if (ready) return current;
    if (Date.now() > deadline) throw new Error('the extension service worker never had its chrome.runtime');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function launchFirefox(options: LaunchOptions, extensionDir: string): Promise<Launched> {
  const manifest = readManifest(extensionDir);
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: options.headless ?? true,
    ...(options.headless === false ? { defaultViewport: null } : {}),
    // Lets tests navigate to moz-extension:// pages directly.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }) },
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    return {
      browser,
      name: 'firefox',
      extensionId,
      extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}`,
      backgroundTarget: async () => null,
      backgroundWorker: async () => null,
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export interface LaunchOptions {
  /** Default true. `npm start` shows a window when there is a display. */
  headless?: boolean;
  /** The unpacked build to load instead of dist/<browser> (the bench's test-hooks build). */
  extensionDir?: string;
  /** Chromium flags beyond CHROMIUM_ARGS (Firefox ignores them). */
  chromiumArgs?: readonly string[];
}

/** Launches `name` with the built extension installed (headless unless told). Close it when done. */
export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<BrowserHandle> {
  const started = performance.now();
  const extensionDir = await privateCopyOfBuild(options.extensionDir ?? (name === 'chromium' ? DIST_CHROME : DIST_FIREFOX));
  const launched = await (name === 'chromium' ? launchChromium(options, extensionDir) : launchFirefox(options, extensionDir)).catch(
    async (error: unknown) => {
      await rm(extensionDir, { recursive: true, force: true });
      throw error;
    },
  );
  const launchMs = Math.round(performance.now() - started);
  const { browser, extensionOrigin } = launched;

  const newPage = async () => guardPage(await browser.newPage());

  const openExtensionPage = async (extensionPath: string) => {
    const page = await newPage();
    const url = `${extensionOrigin}/${extensionPath.replace(/^\//, '')}`;
    // Firefox never reports 'load' for extension pages over BiDi, though they load; it does go network-idle.
    await page.goto(url, { waitUntil: name === 'firefox' ? 'networkidle2' : 'load' });
    return page;
  };

  const close = async () => {
    await browser.close();
    await rm(extensionDir, { recursive: true, force: true });
  };

  const reinstallExtension = async () => {
    const id = await browser.installExtension(extensionDir);
    if (id !== launched.extensionId) throw new Error(`reinstalling gave the extension another id (${id}, not ${launched.extensionId})`);
  };
  return { ...launched, launchMs, newPage, openExtensionPage, close, reinstallExtension };
}

/** Chromium launched as launchBrowser launches it, with no extension at all: the bench's baseline. */
export async function launchChromiumWithout(options: LaunchOptions = {}): Promise<GuardedBrowser> {
  const browser = await startChromium(options, false);
  return { browser, newPage: async () => guardPage(await browser.newPage()), close: () => browser.close() };
}

/**
 * Saves a screenshot of the viewport to test-results/<name>.png (git-ignored) once animations
 * have settled, and returns its path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await waitForAnimationsToFinish(page);
  await mkdir(TEST_RESULTS_DIR, { recursive: true });
  const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

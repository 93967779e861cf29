// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { startPopup } from '../../src/popup/popup';
import { defaultSettings, type Settings } from '../../src/shared/settings/schema';
import type { PageEntities } from '../../src/shared/messages';
import { POPUP_PAGE_REPORT_TIMEOUT_MS } from '../../src/shared/constants';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const html = readFileSync(path.resolve(import.meta.dirname, '../../src/popup/popup.html'), 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
const LABELS = { mss: { name: 'Ministry of State Security', category: 'agency' }, h200: { name: 'H200', category: 'technology' } };

let stop: (() => void) | undefined;
let page: PageEntities;

function answerAsPage() {
  fake.setTabResponder((_tabId, message) => {
    const type = (message as { type: string }).type;
    if (type === 'reveal-entity') return { ok: true, value: true };
    return { ok: false, error: 'unexpected' };
  });
}

/** The page's report as the background keeps it: the popup reads it there, never asking the page. */
async function reportAsPage(report: PageEntities = page, tabId = 1) {
  await fake.storage.session.set({ [`page-report:${tabId}`]: report });
}

/** A tab whose page never reports (no content script): the popup waits, then says so. */
async function openWithoutReport(tabId = 1) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await openPopup(tabId);
  await vi.advanceTimersByTimeAsync(POPUP_PAGE_REPORT_TIMEOUT_MS);
  await settle();
}

function answerAsBackground() {
  fake.runtime.onMessage.addListener((message: unknown) => {
    const request = message as { type: string; ids?: string[] };
    if (request.type !== 'describe-entities') return undefined;
    const labels = Object.fromEntries((request.ids ?? []).flatMap((id) => (id in LABELS ? [[id, LABELS[id as keyof typeof LABELS]]] : [])));
    return Promise.resolve({ ok: true, value: labels });
  });
}

/** Opens the popup on a tab whose page has reported `page`. */
async function open(tabId: number | null = 1) {
  await reportAsPage(page, tabId ?? 1);
  await openPopup(tabId);
}

async function openPopup(tabId: number | null) {
  stop = await startPopup(document, { tabId, closeWhenDone: false });
  await settle();
}

/** Lets pending promise callbacks (storage events, messages) run. */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const stored = () => fake.storage.sync.data.settings as Settings;

beforeEach(() => {
  // happy-dom keeps the markup as text: the test inserts the popup's own markup the way the page loads it.
  document.body.innerHTML = body;
  fake.storage.sync.data = { settings: defaultSettings() };
  fake.storage.onChanged.listeners.clear();
  fake.storage.session.data = {};
  fake.runtime.onMessage.listeners.clear();
  fake.calls.tabMessages.length = 0;
  fake.setTabs([{ id: 1, index: 0, windowId: 1, url: 'https://news.example.com/story', active: true }]);
  page = { counts: { mss: 3, h200: 1 }, active: true };
  answerAsPage();
  answerAsBackground();
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

describe('switches', () => {
  it('are named exactly and reflect the settings', async () => {
    fake.storage.sync.data.settings = { ...defaultSettings(), disabledSites: ['example.com'] };
    await open();
    const all = $<HTMLInputElement>('#switch-all');
    const site = $<HTMLInputElement>('#switch-site');
    expect(document.querySelector(`label[for="${all.id}"]`)?.textContent).toBe('Highlight on all sites');
    expect(document.querySelector(`label[for="${site.id}"]`)?.textContent).toBe('Highlight on this site');
    expect(all.getAttribute('role')).toBe('switch');
    expect(all.checked).toBe(true);
    expect(site.checked).toBe(false);
    expect($('#site-name').textContent).toBe('On example.com');
    expect($('#status').textContent).toBe('Highlighting is off on this site.');
  });

  it('the global switch writes the setting', async () => {
    await open();
    const all = $<HTMLInputElement>('#switch-all');
    all.click();
    await settle();
    expect(stored().enabled).toBe(false);
    expect($('#status').textContent).toBe('Highlighting is off on all sites.');
  });

  it('the site switch turns off the registrable domain, and back on removes every rule covering the host', async () => {
    await open();
    const site = $<HTMLInputElement>('#switch-site');
    site.click();
    await settle();
    expect(stored().disabledSites).toEqual(['example.com']);
    await fake.storage.sync.set({ settings: { ...stored(), disabledSites: ['example.com', 'news.example.com', 'other.org'] } });
    site.click();
    await settle();
    expect(stored().disabledSites).toEqual(['other.org']);
  });

  it('follow changes made elsewhere while open', async () => {
    await open();
    await fake.storage.sync.set({ settings: { ...defaultSettings(), enabled: false } });
    expect($<HTMLInputElement>('#switch-all').checked).toBe(false);
  });

  it('says why when a change cannot be saved, and puts the switch back', async () => {
    await open();
    vi.spyOn(fake.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    $<HTMLInputElement>('#switch-all').click();
    await settle();
    expect($('#status').textContent).toContain('QUOTA_BYTES quota exceeded');
    expect($<HTMLInputElement>('#switch-all').checked).toBe(true);
    $<HTMLInputElement>('#switch-all').click();
    await settle();
    expect(stored().enabled).toBe(false);
    expect($('#status').textContent).toBe('Highlighting is off on all sites.');
  });
});

describe('entity list', () => {
  it('lists what the page found, grouped, with counts', async () => {
    await open();
    expect([...document.querySelectorAll('#entity-list h3')].map((h) => h.textContent)).toEqual(['Agencies', 'Technology']);
    expect([...document.querySelectorAll('#entity-list .entity')].map((b) => b.textContent)).toEqual([
      'Ministry of State Security3 mentions',
      'H2001 mention',
    ]);
    expect($('#entity-list').getAttribute('aria-busy')).toBe('false');
  });

  it('asks the page to reveal an entity when clicked', async () => {
    await open();
    $<HTMLButtonElement>('.entity[data-entity-id="h200"]').click();
    await settle();
    expect(fake.calls.tabMessages.at(-1)).toEqual({ tabId: 1, message: { type: 'reveal-entity', id: 'h200' } });
  });

  it('updates when the page reports a change', async () => {
    await open();
    await reportAsPage({ counts: { h200: 4 }, active: true });
    await settle();
    expect([...document.querySelectorAll('#entity-list .entity')].map((b) => b.textContent)).toEqual(['H2004 mentions']);
  });

  it('ignores reports from other tabs', async () => {
    await open();
    await reportAsPage({ counts: {}, active: true }, 2);
    await settle();
    expect(document.querySelectorAll('#entity-list .entity')).toHaveLength(2);
  });

  it('says so when the page found nothing', async () => {
    page = { counts: {}, active: true };
    await open();
    expect($('#entity-list').textContent).toBe('No names from Backstory’s library on this page.');
  });
});

describe('pages it cannot run on', () => {
  it.each([
    ['chrome://extensions/', 'browser’s own pages'],
    ['about:addons', 'browser’s own pages'],
    ['https://chromewebstore.google.com/detail/abc', 'stores'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'stores'],
    ['file:///tmp/story.html', 'files opened from your computer'],
  ])('%s: explains why and does not ask the page', async (url, why) => {
    fake.setTabs([{ id: 1, index: 0, windowId: 1, url, active: true }]);
    await open();
    expect($('#status').textContent).toContain(why);
    expect($<HTMLInputElement>('#switch-site').disabled).toBe(true);
    expect($<HTMLInputElement>('#switch-all').disabled).toBe(false);
    expect(fake.calls.tabMessages).toEqual([]);
    expect($('.entities').hidden).toBe(true);
  });

  it('a PDF that does not answer is explained as the PDF viewer', async () => {
    fake.setTabs([{ id: 1, index: 0, windowId: 1, url: 'https://example.com/paper.pdf', active: true }]);
    await openWithoutReport();
    expect($('#status').textContent).toContain('PDF viewer');
  });

  it('a PDF whose viewer answers with nothing found is explained as the PDF viewer, not as an empty page', async () => {
    fake.setTabs([{ id: 1, index: 0, windowId: 1, url: 'https://example.com/paper.pdf', active: true }]);
    page = { counts: {}, active: true };
    await open();
    expect($('#status').textContent).toContain('PDF viewer');
    expect($('.entities').hidden).toBe(true);
  });

  it('a web page without the content script asks for a reload', async () => {
    await openWithoutReport();
    expect($('#status').textContent).toBe('Backstory hasn’t started on this page. Reload the page to use it here.');
    expect($<HTMLInputElement>('#switch-site').disabled).toBe(false);
  });

  it('keys the site from the page when the browser hides the address', async () => {
    fake.setTabs([{ id: 1, index: 0, windowId: 1, active: true }]);
    page = { counts: { mss: 1 }, active: true, hostname: 'www.bbc.co.uk' };
    await open();
    expect($('#site-name').textContent).toBe('On bbc.co.uk');
    $<HTMLInputElement>('#switch-site').click();
    await settle();
    expect(stored().disabledSites).toEqual(['bbc.co.uk']);
  });
});

describe('first paint', () => {
  it('shows the skeleton and a loading line until the page reports', async () => {
    await openPopup(1);
    expect(document.querySelector('.skeleton')).not.toBeNull();
    expect($('#status').textContent).toBe('Looking at this page…');
    expect($('#entity-list').getAttribute('aria-busy')).toBe('true');
    expect($('[data-i18n="popupEntitiesHeading"]').textContent).toBe('Names on this page');
    await reportAsPage();
    await settle();
    expect(document.querySelector('.skeleton')).toBeNull();
    expect(document.querySelectorAll('#entity-list .entity')).toHaveLength(2);
  });

  it('waits again when the tab starts a new page, then shows its report', async () => {
    await open();
    await fake.storage.session.remove('page-report:1');
    await settle();
    expect($('#status').textContent).toBe('Looking at this page…');
    expect(document.querySelector('.skeleton')).not.toBeNull();
    await reportAsPage({ counts: { h200: 2 }, active: true });
    await settle();
    expect([...document.querySelectorAll('#entity-list .entity')].map((b) => b.textContent)).toEqual(['H2002 mentions']);
  });
});

it('names the target tab explicitly when told to (the test hook)', async () => {
  fake.setTabs([
    { id: 1, index: 0, windowId: 1, url: 'https://news.example.com/', active: true },
    { id: 7, index: 1, windowId: 1, url: 'https://other.org/', active: false },
  ]);
  await reportAsPage({ counts: {}, active: true }, 1);
  await open(7);
  expect($('#site-name').textContent).toBe('On other.org');
  expect(document.querySelectorAll('#entity-list .entity')).toHaveLength(2);
});

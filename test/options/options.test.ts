// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { startOptions } from '../../src/options/options';
import { defaultSettings, type Settings } from '../../src/shared/settings/schema';
import { CATEGORIES } from '../../src/shared/catalog/types';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS } from '../../src/shared/constants';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const html = readFileSync(path.resolve(import.meta.dirname, '../../src/options/options.html'), 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

let stop: (() => void) | undefined;
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const stored = () => fake.storage.sync.data.settings as Settings;

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

async function open(settings: unknown = defaultSettings()) {
  fake.storage.sync.data = { settings };
  stop = await startOptions(document);
  await settle();
}

function labelOf(control: HTMLElement): string {
  return document.querySelector(`label[for="${control.id}"]`)?.textContent?.trim() ?? '';
}

function change(control: HTMLInputElement, value?: string) {
  if (value !== undefined) control.value = value;
  control.dispatchEvent(new Event('change'));
}

beforeEach(() => {
  document.body.innerHTML = body;
  fake.storage.onChanged.listeners.clear();
});

afterEach(() => stop?.());

describe('rendering', () => {
  it('labels every control and fills it from settings', async () => {
    await open({ ...defaultSettings(), highlightStyle: 'underline', hoverDelayMs: 900, categories: { ...defaultSettings().categories, person: false } });
    for (const control of document.querySelectorAll<HTMLInputElement>('input')) expect(labelOf(control)).not.toBe('');
    expect(labelOf($('#enabled'))).toBe('Highlight on all sites');
    const boxes = [...document.querySelectorAll<HTMLInputElement>('#categories input')];
    expect(boxes.map(labelOf)).toEqual(['Campaigns', 'Agencies', 'Technology', 'Companies', 'People', 'Organisations', 'Policy', 'Places']);
    expect(boxes).toHaveLength(CATEGORIES.length);
    expect($<HTMLInputElement>('#category-person').checked).toBe(false);
    expect($<HTMLInputElement>('#category-place').checked).toBe(true);
    expect($<HTMLInputElement>('#style-underline').checked).toBe(true);
    expect($<HTMLInputElement>('#hover-delay').value).toBe('900');
    expect($('#hover-delay-hint').textContent).toContain(`${HOVER_DELAY_MIN_MS} to ${HOVER_DELAY_MAX_MS}`);
  });

  it('leaves no string unlocalised', async () => {
    await open();
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      expect(element.textContent, element.dataset.i18n).not.toBe(element.dataset.i18n);
      expect(element.textContent).not.toBe('');
    }
  });

  it('survives corrupted storage and shows the defaults', async () => {
    await open('{{corrupt');
    expect($<HTMLInputElement>('#enabled').checked).toBe(true);
    expect($<HTMLInputElement>('#style-background').checked).toBe(true);
    expect($('#sites-empty').hidden).toBe(false);
  });
});

describe('changes apply to storage at once', () => {
  it('global switch, category, style', async () => {
    await open();
    $<HTMLInputElement>('#enabled').click();
    await settle();
    expect(stored().enabled).toBe(false);
    $<HTMLInputElement>('#category-technology').click();
    await settle();
    expect(stored().categories.technology).toBe(false);
    expect(stored().categories.person).toBe(true);
    $<HTMLInputElement>('#style-underline').click();
    await settle();
    expect(stored().highlightStyle).toBe('underline');
    expect($('#status').textContent).toBe('Saved.');
  });

  it('hover delay, clamped into range', async () => {
    await open();
    const delay = $<HTMLInputElement>('#hover-delay');
    change(delay, '650');
    await settle();
    expect(stored().hoverDelayMs).toBe(650);
    change(delay, '5');
    await settle();
    expect(stored().hoverDelayMs).toBe(HOVER_DELAY_MIN_MS);
    expect(delay.value).toBe(String(HOVER_DELAY_MIN_MS));
    change(delay, '');
    await settle();
    expect(stored().hoverDelayMs).toBe(defaultSettings().hoverDelayMs);
  });
});

describe('disabled sites', () => {
  it('adds a site by address or domain, keyed by registrable domain', async () => {
    await open();
    $<HTMLInputElement>('#site-input').value = 'https://news.example.co.uk/some/story';
    $<HTMLFormElement>('#add-site').requestSubmit();
    await settle();
    expect(stored().disabledSites).toEqual(['example.co.uk']);
    expect([...document.querySelectorAll('#sites li span')].map((s) => s.textContent)).toEqual(['example.co.uk']);
    expect($('#sites-empty').hidden).toBe(true);
    expect($<HTMLInputElement>('#site-input').value).toBe('');
    expect($('#status').textContent).toBe('Backstory is now off on example.co.uk and its subdomains.');
  });

  it('refuses what is not a site and says so', async () => {
    await open();
    $<HTMLInputElement>('#site-input').value = 'not a site';
    $<HTMLFormElement>('#add-site').requestSubmit();
    await settle();
    expect(stored().disabledSites).toEqual([]);
    expect($('#site-input').getAttribute('aria-invalid')).toBe('true');
    expect($('#status').textContent).toBe('That isn’t a website address or domain.');
  });

  it('removes a site with a button named after it', async () => {
    await open({ ...defaultSettings(), disabledSites: ['a.com', 'b.org'] });
    const remove = $<HTMLButtonElement>('button[aria-label="Turn Backstory back on for a.com"]');
    remove.focus();
    remove.click();
    await settle();
    expect(stored().disabledSites).toEqual(['b.org']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Turn Backstory back on for b.org');
  });

  it('shows site names as text', async () => {
    await open({ ...defaultSettings(), disabledSites: ['xn--80ak6aa92e.com'] });
    expect($('#sites li span').textContent).toBe('xn--80ak6aa92e.com');
  });
});

describe('live', () => {
  it('follows changes made elsewhere', async () => {
    await open();
    await fake.storage.sync.set({ settings: { ...defaultSettings(), enabled: false, disabledSites: ['x.com'] } });
    expect($<HTMLInputElement>('#enabled').checked).toBe(false);
    expect(document.querySelectorAll('#sites li')).toHaveLength(1);
  });

  it('resets everything to defaults', async () => {
    await open({ ...defaultSettings(), enabled: false, disabledSites: ['x.com'], hoverDelayMs: 1500 });
    $<HTMLButtonElement>('#reset').click();
    await settle();
    expect(stored()).toEqual(defaultSettings());
    expect($<HTMLInputElement>('#hover-delay').value).toBe(String(defaultSettings().hoverDelayMs));
    expect($('#status').textContent).toBe('All settings are back to their defaults.');
  });

  it('says why a change could not be saved', async () => {
    await open();
    vi.spyOn(fake.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    $<HTMLInputElement>('#enabled').click();
    await settle();
    expect($('#status').textContent).toBe('Couldn’t save: MAX_WRITE_OPERATIONS_PER_MINUTE');
  });
});

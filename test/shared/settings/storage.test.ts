import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from './fake-browser';
import { SETTINGS_VERSION, defaultSettings, type Settings } from '../../../src/shared/settings/schema';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;

// The module keeps a write queue and remembers when sync failed, so each test gets a fresh copy.
async function freshStorage() {
  vi.resetModules();
  return import('../../../src/shared/settings/storage');
}

beforeEach(() => {
  fake.storage.sync.data = {};
  fake.storage.local.data = {};
  fake.storage.sync.failWith = null;
  fake.storage.local.failWith = null;
  fake.storage.onChanged.listeners.clear();
});

describe('loadSettings', () => {
  it('gives defaults when nothing is stored', async () => {
    const { loadSettings } = await freshStorage();
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('survives garbage in storage', async () => {
    const { loadSettings } = await freshStorage();
    fake.storage.sync.data.settings = '{not json';
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('reads an old version migrated, without writing (content scripts only read)', async () => {
    const { loadSettings } = await freshStorage();
    fake.storage.sync.data.settings = { version: 1, on: false, disabledHosts: [] };
    expect((await loadSettings()).enabled).toBe(false);
    expect(fake.storage.sync.data.settings).toEqual({ version: 1, on: false, disabledHosts: [] });
  });

  it('falls back to this device when storage.sync is unavailable', async () => {
    const { loadSettings, saveSettings } = await freshStorage();
    fake.storage.sync.failWith = new Error('storage.sync is disabled');
    fake.storage.local.data.settings = { ...defaultSettings(), enabled: false };
    expect((await loadSettings()).enabled).toBe(false);
    await saveSettings({ enabled: true });
    expect((fake.storage.local.data.settings as Settings).enabled).toBe(true);
  });

  it('resolves to defaults even when no storage works at all', async () => {
    const { loadSettings } = await freshStorage();
    fake.storage.sync.failWith = new Error('broken');
    fake.storage.local.failWith = new Error('broken too');
    expect(await loadSettings()).toEqual(defaultSettings());
  });
});

describe('saveSettings', () => {
  it('changes only the fields in the patch, validated', async () => {
    const { saveSettings } = await freshStorage();
    fake.storage.sync.data.settings = { ...defaultSettings(), highlightStyle: 'underline' };
    const saved = await saveSettings({ enabled: false, hoverDelayMs: 99_999 });
    expect(saved.enabled).toBe(false);
    expect(saved.highlightStyle).toBe('underline');
    expect(saved.hoverDelayMs).toBeLessThan(99_999);
    expect(fake.storage.sync.data.settings).toEqual(saved);
  });

  it('runs quick successive writes in order, losing none', async () => {
    const { saveSettings, updateSettings, loadSettings } = await freshStorage();
    await Promise.all([
      saveSettings({ enabled: false }),
      updateSettings((s) => ({ ...s, categories: { ...s.categories, person: false } })),
      updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'example.com'] })),
    ]);
    const stored = await loadSettings();
    expect(stored.enabled).toBe(false);
    expect(stored.categories.person).toBe(false);
    expect(stored.disabledSites).toEqual(['example.com']);
  });

  it('rejects a failed write to the caller and keeps working afterwards', async () => {
    const { saveSettings } = await freshStorage();
    await saveSettings({ enabled: true });
    const setSpy = vi.spyOn(fake.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(saveSettings({ enabled: false })).rejects.toThrow(/quota/);
    setSpy.mockRestore();
    expect((await saveSettings({ highlightStyle: 'underline' })).highlightStyle).toBe('underline');
  });
});

describe('resetSettings', () => {
  it('stores the defaults', async () => {
    const { resetSettings } = await freshStorage();
    fake.storage.sync.data.settings = { ...defaultSettings(), enabled: false, disabledSites: ['a.com'] };
    await resetSettings();
    expect(fake.storage.sync.data.settings).toEqual(defaultSettings());
  });
});

describe('onSettingsChanged', () => {
  it('reports each change as validated settings, and stops when asked', async () => {
    const { onSettingsChanged, saveSettings } = await freshStorage();
    const seen: Settings[] = [];
    const stop = onSettingsChanged((settings) => seen.push(settings));
    await saveSettings({ enabled: false });
    fake.storage.sync.data = {};
    await fake.storage.sync.set({ settings: { enabled: 'garbage', hoverDelayMs: -1 } });
    stop();
    await saveSettings({ enabled: true });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.enabled).toBe(false);
    expect(seen[1]?.enabled).toBe(true);
    expect(seen[1]?.version).toBe(SETTINGS_VERSION);
  });

  it('reports defaults when the settings are removed', async () => {
    const { onSettingsChanged, saveSettings } = await freshStorage();
    await saveSettings({ enabled: false });
    const seen: Settings[] = [];
    onSettingsChanged((settings) => seen.push(settings));
    await fake.storage.sync.clear();
    expect(seen).toEqual([defaultSettings()]);
  });

  it('ignores a copy in the area it does not use', async () => {
    const { onSettingsChanged } = await freshStorage();
    const listener = vi.fn();
    onSettingsChanged(listener);
    await fake.storage.local.set({ settings: { ...defaultSettings(), enabled: false } });
    expect(listener).not.toHaveBeenCalled();
  });

  it('follows storage.local once storage.sync has failed', async () => {
    const { onSettingsChanged, loadSettings } = await freshStorage();
    fake.storage.sync.failWith = new Error('sync disabled');
    await loadSettings();
    const seen: Settings[] = [];
    onSettingsChanged((settings) => seen.push(settings));
    await fake.storage.local.set({ settings: { ...defaultSettings(), enabled: false } });
    expect(seen.map((settings) => settings.enabled)).toEqual([false]);
  });

  it('ignores other keys and the session area', async () => {
    const { onSettingsChanged } = await freshStorage();
    const listener = vi.fn();
    onSettingsChanged(listener);
    await fake.storage.sync.set({ other: 1 });
    await fake.storage.session.set({ settings: defaultSettings() });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('ensureStoredSettings (install and update)', () => {
  it('stores defaults on a fresh install', async () => {
    const { ensureStoredSettings } = await freshStorage();
    await ensureStoredSettings();
    expect(fake.storage.sync.data.settings).toEqual(defaultSettings());
  });

  it('never clobbers valid settings', async () => {
    const { ensureStoredSettings } = await freshStorage();
    const mine = { ...defaultSettings(), enabled: false, disabledSites: ['example.com'], hoverDelayMs: 900 };
    fake.storage.sync.data.settings = structuredClone(mine);
    const setSpy = vi.spyOn(fake.storage.sync, 'set');
    expect(await ensureStoredSettings()).toEqual(mine);
    expect(setSpy).not.toHaveBeenCalled();
    setSpy.mockRestore();
  });

  it('rewrites an old version in the current shape', async () => {
    const { ensureStoredSettings } = await freshStorage();
    fake.storage.sync.data.settings = { version: 1, on: false, disabledHosts: ['news.example.com'] };
    await ensureStoredSettings();
    expect(fake.storage.sync.data.settings).toMatchObject({
      version: SETTINGS_VERSION,
      enabled: false,
      disabledSites: ['news.example.com'],
    });
  });

  it('repairs a damaged blob', async () => {
    const { ensureStoredSettings } = await freshStorage();
    fake.storage.sync.data.settings = { version: 2, enabled: 'maybe', hoverDelayMs: 'soon' };
    await ensureStoredSettings();
    expect(fake.storage.sync.data.settings).toEqual(defaultSettings());
  });

  it('leaves a blob from a newer version alone', async () => {
    const { ensureStoredSettings } = await freshStorage();
    const future = { version: SETTINGS_VERSION + 1, enabled: false, newThing: [1, 2, 3] };
    fake.storage.sync.data.settings = structuredClone(future);
    expect((await ensureStoredSettings()).enabled).toBe(false);
    expect(fake.storage.sync.data.settings).toEqual(future);
  });
});

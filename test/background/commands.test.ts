import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { COMMANDS, runCommand } from '../../src/background/commands';
import { defaultSettings } from '../../src/shared/settings/schema';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const tab = { id: 9, index: 0, windowId: 1, active: true };

beforeEach(() => {
  fake.storage.sync.data = {};
  fake.calls.tabMessages.length = 0;
  fake.setTabResponder(() => ({ ok: true, value: null }));
});

describe('runCommand', () => {
  it('toggle flips the global switch in storage, and back', async () => {
    fake.storage.sync.data.settings = { ...defaultSettings(), disabledSites: ['example.com'] };
    await runCommand('toggle', tab);
    expect(fake.storage.sync.data.settings).toMatchObject({ enabled: false, disabledSites: ['example.com'] });
    await runCommand('toggle', tab);
    expect(fake.storage.sync.data.settings).toMatchObject({ enabled: true });
  });

  it('sends next and previous mention to the tab they were pressed in', async () => {
    await runCommand('next-mention', tab);
    await runCommand('previous-mention', tab);
    expect(fake.calls.tabMessages).toEqual([
      { tabId: 9, message: { type: 'command', name: 'next-mention' } },
      { tabId: 9, message: { type: 'command', name: 'previous-mention' } },
    ]);
  });

  it('falls back to the active tab when the browser does not say which', async () => {
    fake.setTabs([{ id: 5, index: 0, windowId: 1, active: true, url: 'https://a.test/' }]);
    await runCommand('next-mention', undefined);
    expect(fake.calls.tabMessages).toEqual([{ tabId: 5, message: { type: 'command', name: 'next-mention' } }]);
  });

  it('does nothing (and does not throw) where no content script listens', async () => {
    fake.setTabResponder(null);
    await expect(runCommand('next-mention', tab)).resolves.toBeUndefined();
  });

  it('ignores commands it does not know', async () => {
    await runCommand('_execute_action', tab);
    expect(fake.calls.tabMessages).toEqual([]);
    expect(fake.storage.sync.data).toEqual({});
  });
});

describe('manifest commands', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key: Record<string, string>; description: string }>;
  };

  /** Browser and OS shortcuts a suggestion must not take (Chromium's accelerator tables, ChromeOS's ash, Firefox). */
  const TAKEN = new Set([
    'Alt+Shift+A', // Chrome: focus inactive dialogs
    'Alt+Shift+B', // Chrome: focus bookmarks bar
    'Alt+Shift+I', // Chrome: feedback
    'Alt+Shift+T', // Chrome: focus toolbar
    'Alt+Shift+N', // Chrome: new split tab; ChromeOS: notifications
    'Alt+Shift+P', // ChromeOS: stylus tools
    'Alt+Shift+S', // ChromeOS: system tray
    'Alt+Shift+M', // ChromeOS: files app
  ]);

  it('declares exactly the commands the background runs, each with a localised description', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const command of Object.values(manifest.commands)) expect(command.description).toMatch(/^__MSG_\w+__$/);
  });

  it('suggests keys that are free and distinct on every platform', () => {
    const suggestions = Object.values(manifest.commands).flatMap((command) => Object.entries(command.suggested_key));
    for (const [, key] of suggestions) expect(TAKEN.has(key), key).toBe(false);
    for (const platform of new Set(suggestions.map(([name]) => name))) {
      const keys = suggestions.filter(([name]) => name === platform).map(([, key]) => key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

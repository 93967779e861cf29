import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { runCommand } from '../../src/background/commands';
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

import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { startBackground } from '../../src/background/start';
import { BADGE_COLOR } from '../../src/background/page-state';
import { defaultSettings } from '../../src/shared/settings/schema';
import { KB } from './knowledge-fixture';
import { ARTICLES } from '../../src/shared/library';
import { libraryStore } from '../../src/shared/library/store';
import { catalogDeriver } from '../../src/shared/library/catalog-deriver';
import { keptNames } from '../../src/shared/library/names';
import { buildReaderCatalog, READER_CATALOG_KEY } from '../../src/shared/catalog/reader-catalog';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const tab = { id: 3, index: 0, windowId: 1, active: true };

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

beforeAll(() => startBackground(KB));

beforeEach(() => {
  fake.storage.sync.data = {};
  fake.storage.session.data = {};
  fake.calls.tabMessages.length = 0;
  fake.calls.badgeText.clear();
  fake.calls.badgeColor.length = 0;
});

describe('startBackground', () => {
  it('stores defaults on install and colours the badge', async () => {
    fake.runtime.onInstalled.fire({ reason: 'install' });
    await settle();
    expect(fake.storage.sync.data.settings).toEqual(defaultSettings());
    expect(fake.calls.badgeColor).toEqual([{ color: BADGE_COLOR }]);
  });

  it('keeps the user’s settings on update', async () => {
    const mine = { ...defaultSettings(), enabled: false };
    fake.storage.sync.data.settings = structuredClone(mine);
    fake.runtime.onInstalled.fire({ reason: 'update', previousVersion: '0.0.9' });
    await settle();
    expect(fake.storage.sync.data.settings).toEqual(mine);
  });

  it('on update, builds the reader catalog and every article’s quotes anew from the kept names', async () => {
    // The same database the background opens.
    const library = libraryStore(catalogDeriver);
    const cnews = ARTICLES.find((article) => article.id === 'cnews-us-shelves-mss-sanctions')!;
    const page = { title: cnews.headline!, siteName: 'CNews Live', author: null, published: null, lang: 'en', url: 'https://cnews.example/mss', paragraphs: cnews.paragraphs };
    await library.save(page, { replace: false, now: 1 });
    const records = (await library.decideName('name-beijing', { action: 'keep' }))!;
    // What an older version left behind: a stored catalog from before, and quotes derived without the name.
    fake.storage.local.data[READER_CATALOG_KEY] = buildReaderCatalog([]);
    expect(await library.quotesFor('name-beijing')).toEqual([]);

    fake.runtime.onInstalled.fire({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(() => expect(fake.storage.local.data[READER_CATALOG_KEY]).toEqual(buildReaderCatalog(keptNames(records))));
    await vi.waitFor(async () => expect((await library.quotesFor('name-beijing')).length).toBeGreaterThan(0));
  });

  it('answers messages from the moment it starts', async () => {
    expect(await fake.deliver({ type: 'get-entity', id: 'h200' }, { id: fake.runtime.id, tab })).toEqual({
      ok: true,
      value: KB.entities.h200,
    });
  });

  it('clears a tab’s badge when it starts loading a new page', async () => {
    await fake.deliver({ type: 'page-entities', counts: { mss: 2 }, active: true }, { id: fake.runtime.id, tab });
    expect(fake.calls.badgeText.get(3)).toBe('1');
    fake.tabs.onUpdated.fire(3, { status: 'loading' }, tab);
    await settle();
    expect(fake.calls.badgeText.get(3)).toBe('');
  });

  it('keeps a tab’s last report for the popup, and forgets it when the tab loads a new page or closes', async () => {
    const report = { counts: { mss: 1, h200: 4 }, active: true, hostname: 'example.com' };
    await fake.deliver({ type: 'page-entities', ...report }, { id: fake.runtime.id, tab });
    await settle();
    expect(fake.storage.session.data['page-report:3']).toEqual(report);
    fake.tabs.onUpdated.fire(3, { status: 'loading' }, tab);
    await settle();
    expect(fake.storage.session.data).toEqual({});

    await fake.deliver({ type: 'page-entities', ...report }, { id: fake.runtime.id, tab });
    await settle();
    fake.tabs.onRemoved.fire(3, { windowId: 1, isWindowClosing: false });
    await settle();
    expect(fake.storage.session.data).toEqual({});
    // Nobody asks the page: counts travel one way.
    expect(fake.calls.tabMessages).toEqual([]);
  });

  it('leaves the badge blank on a loaded page without a content script', async () => {
    fake.setTabResponder(null);
    fake.tabs.onUpdated.fire(3, { status: 'loading' }, tab);
    fake.tabs.onUpdated.fire(3, { status: 'complete' }, tab);
    await settle();
    expect(fake.calls.badgeText.get(3)).toBe('');
  });

  it('ignores other tab updates', async () => {
    await fake.deliver({ type: 'page-entities', counts: { mss: 2 }, active: true }, { id: fake.runtime.id, tab });
    fake.tabs.onUpdated.fire(3, { title: 'New title' } as { status?: string }, tab);
    await settle();
    expect(fake.calls.badgeText.get(3)).toBe('1');
  });

  it('runs the toggle shortcut', async () => {
    fake.storage.sync.data.settings = defaultSettings();
    fake.commands.onCommand.fire('toggle', tab);
    await settle();
    expect(fake.storage.sync.data.settings).toMatchObject({ enabled: false });
  });
});

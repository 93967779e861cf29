import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { backgroundHandlers } from '../../src/background/handlers';
import { knowledgeLookup } from '../../src/background/knowledge';
import { onBackgroundRequest } from '../../src/shared/messages';
import { KB } from './knowledge-fixture';
import { emptyLibrary } from './library-fixture';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const tab = { id: 4, index: 3, windowId: 2, active: true, url: 'https://example.com/' };
const fromContent = { id: fake.runtime.id, tab };

beforeEach(() => {
  fake.runtime.onMessage.listeners.clear();
  fake.calls.createdTabs.length = 0;
  fake.calls.badgeText.clear();
  fake.calls.icons.clear();
  onBackgroundRequest(backgroundHandlers(knowledgeLookup(KB), emptyLibrary()));
});

describe('get-entity', () => {
  it('answers with the entity, or null for an id the knowledge base lacks', async () => {
    expect(await fake.deliver({ type: 'get-entity', id: 'mss' }, fromContent)).toEqual({ ok: true, value: KB.entities.mss });
    expect(await fake.deliver({ type: 'get-entity', id: 'nobody' }, fromContent)).toEqual({ ok: true, value: null });
  });

  it('does not reach into Object.prototype', async () => {
    expect(await fake.deliver({ type: 'get-entity', id: 'constructor' }, fromContent)).toEqual({ ok: true, value: null });
  });
});

describe('describe-entities', () => {
  it('labels the ids it knows and leaves out the rest', async () => {
    expect(await fake.deliver({ type: 'describe-entities', ids: ['h200', 'unknown', 'mss'] }, fromContent)).toEqual({
      ok: true,
      value: {
        h200: { name: 'H200', category: 'technology' },
        mss: { name: 'Ministry of State Security', category: 'agency' },
      },
    });
  });
});

describe('open-reader', () => {
  it('opens the reader at the paragraph and passage, right after the sender tab', async () => {
    const answer = await fake.deliver({ type: 'open-reader', articleId: 'ft', paragraph: 1, start: 0, end: 4 }, fromContent);
    expect(answer).toEqual({ ok: true, value: null });
    expect(fake.calls.createdTabs).toEqual([
      {
        url: fake.runtime.getURL('reader/reader.html?article=ft&p=1&q=0-4'),
        active: true,
        openerTabId: 4,
        index: 4,
        windowId: 2,
      },
    ]);
  });

  it('opens at the end of the window when no tab asked (the popup)', async () => {
    await fake.deliver({ type: 'open-reader', articleId: 'ft' }, { id: fake.runtime.id });
    expect(fake.calls.createdTabs).toEqual([{ url: fake.runtime.getURL('reader/reader.html?article=ft'), active: true }]);
  });

  it('refuses an article the extension does not bundle', async () => {
    expect(await fake.deliver({ type: 'open-reader', articleId: 'elsewhere' }, fromContent)).toMatchObject({ ok: false });
    expect(fake.calls.createdTabs).toEqual([]);
  });
});

describe('reference-articles', () => {
  it('answers with the bundled articles, whole, for the reader page', async () => {
    const fromReader = { id: fake.runtime.id, url: fake.runtime.getURL('reader/reader.html') };
    expect(await fake.deliver({ type: 'reference-articles' }, fromReader)).toEqual({ ok: true, value: KB.articles });
  });
});

describe('page-entities', () => {
  it('badges the sender tab with the number of distinct entities', async () => {
    await fake.deliver({ type: 'page-entities', counts: { mss: 5, h200: 1 }, active: true }, fromContent);
    expect(fake.calls.badgeText.get(4)).toBe('2');
    expect(JSON.stringify(fake.calls.icons.get(4))).not.toContain('off');
  });

  it('greys the icon and clears the badge where Backstory is off', async () => {
    await fake.deliver({ type: 'page-entities', counts: {}, active: false, reason: 'disabled-on-site' }, fromContent);
    expect(fake.calls.badgeText.get(4)).toBe('');
    expect(JSON.stringify(fake.calls.icons.get(4))).toContain('icon-off-16.png');
  });

  it('refuses a report that comes from no tab', async () => {
    expect(await fake.deliver({ type: 'page-entities', counts: {}, active: true }, { id: fake.runtime.id })).toMatchObject({
      ok: false,
    });
  });
});

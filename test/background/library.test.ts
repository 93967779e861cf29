import { describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../shared/settings/fake-browser';
import { backgroundHandlers } from '../../src/background/handlers';
import { knowledgeLookup } from '../../src/background/knowledge';
import { parseCaptureResult } from '../../src/background/library';
import { onBackgroundRequest } from '../../src/shared/messages';
import { KB } from './knowledge-fixture';
import { emptyLibrary } from './library-fixture';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const page = { title: 'T', siteName: 'Site', author: null, published: null, lang: 'en', url: 'https://site.example/a', paragraphs: ['Text.'] };

describe('parseCaptureResult (what a page hands back is checked)', () => {
  it('keeps a well-formed capture and drops anything extra', () => {
    expect(parseCaptureResult({ ok: true, page: { ...page, html: '<b>x</b>' } })).toEqual({ ok: true, page });
  });

  it('reads refusals, and treats nothing or nonsense as no capture at all', () => {
    expect(parseCaptureResult({ ok: false, reason: 'too-big' })).toEqual({ ok: false, reason: 'too-big' });
    expect(parseCaptureResult({ ok: false, reason: 'whatever' })).toEqual({ ok: false, reason: 'no-article' });
    expect(parseCaptureResult({ ok: true, page: { ...page, url: 'javascript:alert(1)' } })).toEqual({ ok: false, reason: 'no-article' });
    expect(parseCaptureResult(null)).toBeNull();
    expect(parseCaptureResult(undefined)).toBeNull();
    expect(parseCaptureResult('{"ok":true}')).toBeNull();
  });
});

describe('get-entity with a library', () => {
  it('answers with saved quotes first, then the bundled ones', async () => {
    fake.runtime.onMessage.listeners.clear();
    const saved = { text: 'Saved.', articleId: 'saved-1', publisher: 'Site', paragraph: 0, url: 'https://site.example/a' };
    onBackgroundRequest(backgroundHandlers(knowledgeLookup(KB), emptyLibrary({ mss: [saved] })));
    const answer = (await fake.deliver({ type: 'get-entity', id: 'mss' }, { id: fake.runtime.id })) as { value: { quotes: unknown[] } };
    expect(answer.value.quotes).toEqual([saved, ...KB.entities.mss!.quotes]);
  });

  it('refuses save-page from a content script: a page never chooses what is saved', async () => {
    fake.runtime.onMessage.listeners.clear();
    onBackgroundRequest(backgroundHandlers(knowledgeLookup(KB), emptyLibrary()));
    const fromPage = { id: fake.runtime.id, tab: { id: 4, index: 0, windowId: 1, active: true }, url: 'https://evil.example/' };
    expect(await fake.deliver({ type: 'save-page', tabId: 4, replace: true }, fromPage)).toMatchObject({ ok: false });
  });
});

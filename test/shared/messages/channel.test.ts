import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import type { FakeBrowser } from '../settings/fake-browser';
import {
  MessageError,
  notifyBackground,
  onBackgroundRequest,
  onTabRequest,
  sendFromExtensionPage,
  sendToBackground,
  sendToTab,
  type BackgroundHandlers,
} from '../../../src/shared/messages/channel';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../settings/fake-browser')).createFakeBrowser() }));

const fake = browser as unknown as FakeBrowser;
const tab = { id: 7, index: 2, windowId: 1, active: true, url: 'https://example.com/' };
const fromContent = { id: fake.runtime.id, tab };

function handlers(overrides: Partial<BackgroundHandlers> = {}): BackgroundHandlers {
  return {
    'get-entity': () => null,
    'describe-entities': () => ({}),
    'open-reader': () => null,
    'reference-articles': () => [],
    'page-entities': () => null,
    'save-page': () => ({ status: 'no-article' }),
    'library-lookup': () => null,
    ...overrides,
  };
}

beforeEach(() => {
  fake.runtime.onMessage.listeners.clear();
  fake.setTabResponder(null);
});

describe('onBackgroundRequest', () => {
  it('hands valid requests to their handler with the sender, and answers in an envelope', async () => {
    const getEntity = vi.fn(() => null);
    onBackgroundRequest(handlers({ 'get-entity': getEntity }));
    expect(await fake.deliver({ type: 'get-entity', id: 'mss' }, fromContent)).toEqual({ ok: true, value: null });
    expect(getEntity).toHaveBeenCalledWith({ type: 'get-entity', id: 'mss' }, fromContent);
  });

  it('answers invalid requests with an error and never calls a handler', async () => {
    const getEntity = vi.fn(() => null);
    onBackgroundRequest(handlers({ 'get-entity': getEntity }));
    expect(await fake.deliver({ type: 'get-entity', id: 3 }, fromContent)).toMatchObject({ ok: false });
    expect(await fake.deliver({ type: 'delete-everything' }, fromContent)).toMatchObject({ ok: false });
    expect(getEntity).not.toHaveBeenCalled();
  });

  it('refuses messages from other extensions', async () => {
    const getEntity = vi.fn(() => null);
    onBackgroundRequest(handlers({ 'get-entity': getEntity }));
    expect(await fake.deliver({ type: 'get-entity', id: 'mss' }, { id: 'someone-else' })).toEqual({
      ok: false,
      error: 'unknown sender',
    });
    expect(getEntity).not.toHaveBeenCalled();
  });

  it('turns a handler that throws or rejects into an error answer', async () => {
    onBackgroundRequest(
      handlers({
        'get-entity': () => {
          throw new Error('boom');
        },
        'open-reader': () => Promise.reject(new Error('no such article')),
      }),
    );
    expect(await fake.deliver({ type: 'get-entity', id: 'mss' }, fromContent)).toEqual({ ok: false, error: 'boom' });
    expect(await fake.deliver({ type: 'open-reader', articleId: 'x' }, fromContent)).toEqual({
      ok: false,
      error: 'no such article',
    });
  });

  it('stops listening when asked', async () => {
    const stop = onBackgroundRequest(handlers());
    stop();
    expect(await fake.deliver({ type: 'get-entity', id: 'mss' }, fromContent)).toBeUndefined();
  });
});

describe('sendToBackground and sendFromExtensionPage', () => {
  it('resolve to the checked answer', async () => {
    onBackgroundRequest(handlers({ 'describe-entities': () => ({ mss: { name: 'MSS', category: 'agency' } }), 'get-entity': () => null }));
    expect(await sendFromExtensionPage({ type: 'describe-entities', ids: ['mss'] })).toEqual({
      mss: { name: 'MSS', category: 'agency' },
    });
    expect(await sendToBackground({ type: 'get-entity', id: 'mss' })).toBeNull();
  });

  it('reject with a MessageError when the background refuses or answers nonsense', async () => {
    onBackgroundRequest(handlers({ 'describe-entities': () => ({ mss: 'not a label' }) as never, 'get-entity': () => 'not knowledge' as never }));
    await expect(sendToBackground({ type: 'get-entity', id: 'NOT VALID' })).rejects.toBeInstanceOf(MessageError);
    await expect(sendToBackground({ type: 'get-entity', id: 'mss' })).rejects.toBeInstanceOf(MessageError);
    await expect(sendFromExtensionPage({ type: 'describe-entities', ids: ['mss'] })).rejects.toThrow(/label/);
  });

  it('rejects when nothing answers', async () => {
    await expect(sendToBackground({ type: 'get-entity', id: 'mss' })).rejects.toBeInstanceOf(MessageError);
  });
});

describe('notifyBackground', () => {
  it('delivers the request to its handler and resolves to nothing, whatever the answer', async () => {
    const pageEntities = vi.fn(() => null);
    onBackgroundRequest(handlers({ 'page-entities': pageEntities, 'open-reader': () => Promise.reject(new Error('no such article')) }));
    await expect(notifyBackground({ type: 'page-entities', counts: { mss: 2 }, active: true })).resolves.toBeUndefined();
    expect(pageEntities).toHaveBeenCalledWith({ type: 'page-entities', counts: { mss: 2 }, active: true }, expect.anything());
    // A refusal comes back in the answer, which a notice does not read.
    await expect(notifyBackground({ type: 'open-reader', articleId: 'gone' })).resolves.toBeUndefined();
  });

  it('rejects when the message cannot be delivered', async () => {
    const sendMessage = vi.spyOn(fake.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(notifyBackground({ type: 'page-entities', counts: {}, active: true })).rejects.toThrow(/Receiving end/);
    sendMessage.mockRestore();
  });
});

describe('onTabRequest and sendToTab', () => {
  it('routes a tab request to the content handler and checks its answer', async () => {
    const reveal = vi.fn(() => true);
    onTabRequest({
      'reveal-entity': reveal,
      'command': () => null,
      'library-changed': () => null,
    });
    fake.setTabResponder((_tabId, message) => fake.deliver(message, { id: fake.runtime.id }));
    expect(await sendToTab(7, { type: 'command', name: 'next-mention' })).toBeNull();
    expect(await sendToTab(7, { type: 'reveal-entity', id: 'mss' })).toBe(true);
    expect(reveal).toHaveBeenCalledWith({ type: 'reveal-entity', id: 'mss' }, { id: fake.runtime.id });
  });

  it('rejects a malformed page answer', async () => {
    onTabRequest({
      'reveal-entity': () => 'yes' as never,
      'command': () => null,
      'library-changed': () => null,
    });
    fake.setTabResponder((_tabId, message) => fake.deliver(message, { id: fake.runtime.id }));
    await expect(sendToTab(7, { type: 'reveal-entity', id: 'mss' })).rejects.toBeInstanceOf(MessageError);
  });

  it('rejects when the tab has no content script', async () => {
    await expect(sendToTab(7, { type: 'library-changed' })).rejects.toThrow(/Receiving end/);
  });
});

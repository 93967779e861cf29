/** The library's messages are checked like every other: bad shapes are errors, unknown fields dropped. */
import { describe, expect, it } from 'vitest';
import { backgroundResponseParsers, parseBackgroundRequest, parseEntityKnowledge, parseTabRequest } from '../../../src/shared/messages/validate';

describe('library requests', () => {
  it('accepts save-page with a tab id and whether to replace, library-lookup with an address, library-changed bare', () => {
    expect(parseBackgroundRequest({ type: 'save-page', tabId: 3, replace: false })).toEqual({ ok: true, value: { type: 'save-page', tabId: 3, replace: false } });
    expect(parseBackgroundRequest({ type: 'library-lookup', url: 'https://a.example/' })).toEqual({ ok: true, value: { type: 'library-lookup', url: 'https://a.example/' } });
    expect(parseTabRequest({ type: 'library-changed', extra: 1 })).toEqual({ ok: true, value: { type: 'library-changed' } });
  });

  it.each([
    { type: 'save-page', tabId: -1, replace: false },
    { type: 'save-page', tabId: 3 },
    { type: 'save-page', tabId: '3', replace: true },
    { type: 'library-lookup', url: 42 },
    { type: 'library-lookup', url: 'x'.repeat(5000) },
  ])('refuses %j', (request) => {
    expect(parseBackgroundRequest(request).ok).toBe(false);
  });

  it('checks save replies', () => {
    const parse = backgroundResponseParsers['save-page'];
    expect(parse({ status: 'saved', id: 'saved-1', title: 'T', names: 2 })).toEqual({ ok: true, value: { status: 'saved', id: 'saved-1', title: 'T', names: 2, newNames: [] } });
    expect(parse({ status: 'saved', id: 'saved-1', title: 'T', names: 2, newNames: ['Beijing', 7] })).toEqual({
      ok: true,
      value: { status: 'saved', id: 'saved-1', title: 'T', names: 2, newNames: ['Beijing'] },
    });
    expect(parse({ status: 'duplicate', id: 'saved-1', title: 'T', savedAt: 5 }).ok).toBe(true);
    expect(parse({ status: 'no-article', id: 'ignored' })).toEqual({ ok: true, value: { status: 'no-article' } });
    expect(parse({ status: 'saved', id: 'saved-1' }).ok).toBe(false);
    expect(parse({ status: 'exploded' }).ok).toBe(false);
  });

  it('keeps a saved quote’s headline, date and web address, and drops an address that is not http(s)', () => {
    const quote = { text: 'A.', articleId: 'saved-1', publisher: 'Site', paragraph: 0, headline: 'H', published: '2025-11-21T07:30:00.000Z' };
    const entity = (url: string) => ({ id: 'mss', name: 'MSS', category: 'agency', summary: { ...quote, url }, quotes: [], related: [] });
    const good = parseEntityKnowledge(entity('https://site.example/a'));
    expect(good.ok && good.value?.summary).toEqual({ ...quote, url: 'https://site.example/a' });
    const bad = parseEntityKnowledge(entity('javascript:alert(1)'));
    expect(bad.ok && bad.value?.summary.url).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backgroundResponseParsers,
  parseBackgroundRequest,
  parseEntityKnowledge,
  parseEnvelope,
  parsePageEntities,
  parseTabRequest,
  tabResponseParsers,
} from '../../../src/shared/messages/validate';
import type { EntityKnowledge } from '../../../src/shared/knowledge/types';
import { MAX_REPORTED_ENTITIES } from '../../../src/shared/constants';

const entity: EntityKnowledge = {
  id: 'salt-typhoon',
  name: 'Salt Typhoon',
  category: 'campaign',
  summary: { text: 'A sentence.', articleId: 'ft', publisher: 'Financial Times', paragraph: 3, start: 0, end: 11 },
  quotes: [{ text: 'Another.', articleId: 'cnews', publisher: 'CNews Live', paragraph: 1 }],
  related: ['mss'],
};

describe('parseBackgroundRequest', () => {
  it.each([
    { type: 'get-entity', id: 'salt-typhoon' },
    { type: 'describe-entities', ids: ['mss', 'h200'] },
    { type: 'open-reader', articleId: 'ft-white-house-watch' },
    { type: 'open-reader', articleId: 'ft', paragraph: 4 },
    { type: 'open-reader', articleId: 'ft', paragraph: 4, start: 10, end: 40 },
    { type: 'page-entities', counts: { mss: 3, 'salt-typhoon': 1 }, active: true },
    { type: 'page-entities', counts: {}, active: false, reason: 'disabled-on-site' },
    { type: 'reference-articles' },
  ])('accepts %j', (message) => {
    expect(parseBackgroundRequest(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    [null, 'not an object'],
    ['get-entity', 'not an object'],
    [{ type: 'get-entity' }, 'entity id'],
    [{ type: 'get-entity', id: 'Salt Typhoon' }, 'entity id'],
    [{ type: 'get-entity', id: '<img src=x>' }, 'entity id'],
    [{ type: 'get-entity', id: 'a'.repeat(65) }, 'entity id'],
    [{ type: 'describe-entities', ids: 'mss' }, 'ids'],
    [{ type: 'describe-entities', ids: ['mss', 7] }, 'ids'],
    [{ type: 'open-reader' }, 'article id'],
    [{ type: 'open-reader', articleId: 'ft', paragraph: -1 }, 'paragraph'],
    [{ type: 'open-reader', articleId: 'ft', paragraph: 1.5 }, 'paragraph'],
    [{ type: 'open-reader', articleId: 'ft', start: 1, end: 4 }, 'passage'],
    [{ type: 'open-reader', articleId: 'ft', paragraph: 1, start: 9, end: 4 }, 'passage'],
    [{ type: 'page-entities', counts: { mss: -1 }, active: true }, 'counts'],
    [{ type: 'page-entities', counts: { mss: 1.5 }, active: true }, 'counts'],
    [{ type: 'page-entities', counts: { 'Not An Id': 1 }, active: true }, 'counts'],
    [{ type: 'page-entities', counts: [], active: true }, 'counts'],
    [{ type: 'page-entities', counts: {}, active: 'yes' }, 'active'],
    [{ type: 'page-entities', counts: {}, active: false, reason: 'tired' }, 'reason'],
    [{ type: 'list-entities' }, 'unknown message type'],
    [{ type: 'toString' }, 'unknown message type'],
    [{}, 'unknown message type'],
  ])('rejects %j', (message, error) => {
    const parsed = parseBackgroundRequest(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });

  it('leaves extra fields behind', () => {
    expect(parseBackgroundRequest({ type: 'get-entity', id: 'mss', extra: '<script>' })).toEqual({
      ok: true,
      value: { type: 'get-entity', id: 'mss' },
    });
  });

  it('bounds the size of a page report', () => {
    const counts = Object.fromEntries(Array.from({ length: MAX_REPORTED_ENTITIES + 1 }, (_, i) => [`e${i}`, 1]));
    expect(parseBackgroundRequest({ type: 'page-entities', counts, active: true }).ok).toBe(false);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom('get-entity', 'open-reader', 'page-entities', 'describe-entities'), id: fc.anything(), ids: fc.anything(), counts: fc.anything(), active: fc.anything(), articleId: fc.anything(), paragraph: fc.anything() })), (raw) => {
        expect(() => parseBackgroundRequest(raw)).not.toThrow();
        expect(() => parseTabRequest(raw)).not.toThrow();
      }),
    );
  });
});

describe('parseTabRequest', () => {
  it.each([
    { type: 'reveal-entity', id: 'xi-jinping' },
    { type: 'command', name: 'next-mention' },
    { type: 'command', name: 'previous-mention' },
  ])('accepts %j', (message) => {
    expect(parseTabRequest(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    { type: 'reveal-entity' },
    { type: 'reveal-entity', id: 42 },
    { type: 'command', name: 'toggle' },
    { type: 'command' },
    { type: 'get-entity', id: 'mss' },
    // Counts are pushed by the page, never asked for.
    { type: 'list-entities' },
    [],
  ])('rejects %j', (message) => {
    expect(parseTabRequest(message).ok).toBe(false);
  });
});

describe('parsePageEntities', () => {
  it('drops zero counts and ignores a reason on an active page', () => {
    expect(parsePageEntities({ counts: { mss: 0, h200: 2 }, active: true, reason: 'disabled-globally' })).toEqual({
      ok: true,
      value: { counts: { h200: 2 }, active: true },
    });
  });
});

describe('parseEntityKnowledge', () => {
  it('accepts an entity and null', () => {
    expect(parseEntityKnowledge(entity)).toEqual({ ok: true, value: entity });
    expect(parseEntityKnowledge(null)).toEqual({ ok: true, value: null });
  });

  it.each([
    { ...entity, category: 'weather' },
    { ...entity, summary: 'text' },
    { ...entity, quotes: [{ text: 1 }] },
    { ...entity, related: 'mss' },
    { ...entity, name: undefined },
  ])('rejects a malformed entity %#', (raw) => {
    expect(parseEntityKnowledge(raw).ok).toBe(false);
  });
});

describe('response parsers', () => {
  it('check each answer type', () => {
    expect(backgroundResponseParsers['describe-entities']({ mss: { name: 'MSS', category: 'agency' } }).ok).toBe(true);
    expect(backgroundResponseParsers['describe-entities']({ mss: { name: 'MSS', category: 'spy' } }).ok).toBe(false);
    expect(tabResponseParsers['command'](null).ok).toBe(true);
    expect(tabResponseParsers['command']('done').ok).toBe(false);
    const article = { id: 'ft', publisher: 'FT', headline: null, paragraphs: ['One.'] };
    expect(backgroundResponseParsers['reference-articles']([article])).toEqual({ ok: true, value: [article] });
    expect(backgroundResponseParsers['reference-articles']([{ ...article, paragraphs: 'One.' }]).ok).toBe(false);
    expect(backgroundResponseParsers['reference-articles'](null).ok).toBe(false);
    expect(tabResponseParsers['reveal-entity'](true)).toEqual({ ok: true, value: true });
    expect(tabResponseParsers['reveal-entity']('true').ok).toBe(false);
  });
});

describe('parseEnvelope', () => {
  it('opens good envelopes and turns anything else into an error', () => {
    expect(parseEnvelope({ ok: true, value: 3 })).toEqual({ ok: true, value: 3 });
    expect(parseEnvelope({ ok: false, error: 'nope' })).toEqual({ ok: false, error: 'nope' });
    expect(parseEnvelope({ ok: false })).toEqual({ ok: false, error: 'failed' });
    expect(parseEnvelope(undefined).ok).toBe(false);
    expect(parseEnvelope({ value: 3 }).ok).toBe(false);
  });
});

describe('page hostname', () => {
  it('accepts a hostname or an IPv6 literal, lower-cased', () => {
    expect(parsePageEntities({ counts: {}, active: true, hostname: 'News.Example.com' })).toEqual({
      ok: true,
      value: { counts: {}, active: true, hostname: 'news.example.com' },
    });
    expect(parsePageEntities({ counts: {}, active: true, hostname: '[::1]' }).ok).toBe(true);
    expect(parsePageEntities({ counts: {}, active: true, hostname: 'localhost' }).ok).toBe(true);
  });

  it.each([42, '', 'a b', 'http://x.com', 'x.com/path', 'a'.repeat(64) + '.com'])('rejects %j', (hostname) => {
    expect(parsePageEntities({ counts: {}, active: true, hostname }).ok).toBe(false);
  });
});

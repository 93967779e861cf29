/** What the valibot schemas must do as the hand-written parsers did, where valibot's defaults differ. */
import { describe, expect, it } from 'vitest';
import { backgroundResponseParsers, parseBackgroundRequest, parseEntityKnowledge, parseEnvelope, parsePageEntities } from '../../../src/shared/messages/validate';

describe('message schemas', () => {
  it('keep entities whose id is "constructor" or "prototype" (v.record would skip them)', () => {
    expect(parsePageEntities({ counts: { constructor: 2, prototype: 1 }, active: true })).toEqual({
      ok: true,
      value: { counts: { constructor: 2, prototype: 1 }, active: true },
    });
    const labels = backgroundResponseParsers['describe-entities']({ constructor: { name: 'Constructor', category: 'company' } });
    expect(labels.ok && Object.hasOwn(labels.value, 'constructor')).toBe(true);
    expect(parsePageEntities({ counts: JSON.parse('{"__proto__": 1}'), active: true }).ok).toBe(false);
  });

  it('fail a missing field with its own error, as one sent wrong', () => {
    expect(parsePageEntities({ active: true })).toEqual({ ok: false, error: 'counts must map entity ids to whole numbers' });
    expect(parsePageEntities({ counts: {} })).toEqual({ ok: false, error: 'active must be a boolean' });
    expect(backgroundResponseParsers['save-page']({ status: 'saved', id: 's', title: 'T' })).toEqual({ ok: false, error: 'unknown save reply' });
    expect(backgroundResponseParsers['save-page']({ status: 'saved', title: 'T', names: 1 })).toEqual({ ok: false, error: 'save reply needs an id and a title' });
    expect(parseEntityKnowledge({ id: 'mss', name: 'MSS', category: 'agency' })).toEqual({ ok: false, error: 'entity needs a summary, quotes and related ids' });
  });

  it('name the label at fault', () => {
    expect(backgroundResponseParsers['describe-entities']({ mss: { name: 'MSS', category: 'spy' } })).toEqual({ ok: false, error: 'bad label for "mss"' });
    expect(backgroundResponseParsers['describe-entities']([])).toEqual({ ok: false, error: 'labels must be an object' });
  });

  it('leave out an optional field sent as undefined', () => {
    const parsed = parseBackgroundRequest({ type: 'open-reader', articleId: 'ft', paragraph: undefined });
    expect(parsed.ok && Object.keys(parsed.value)).toEqual(['type', 'articleId']);
    const page = parsePageEntities({ counts: {}, active: false, hostname: undefined, reason: undefined });
    expect(page.ok && Object.keys(page.value)).toEqual(['counts', 'active']);
  });

  it('refuse a list of ids with holes in it', () => {
    // Structured cloning keeps holes; the hand-written parser let one through as undefined.
    const ids: string[] = [];
    ids[0] = 'mss';
    ids[2] = 'h200';
    expect(parseBackgroundRequest({ type: 'describe-entities', ids }).ok).toBe(false);
  });

  it('open an envelope without a value to an undefined value', () => {
    expect(parseEnvelope({ ok: true })).toEqual({ ok: true, value: undefined });
    expect('value' in parseEnvelope({ ok: true })).toBe(true);
  });
});

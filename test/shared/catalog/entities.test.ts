import { describe, expect, it } from 'vitest';
import { CATALOG, catalogById } from '../../../src/shared/catalog/entities';
import { CATEGORIES } from '../../../src/shared/catalog/types';
import { compileMatcher } from '../../../src/shared/matcher';
import { ARTICLES } from '../../../src/shared/library';

const REQUIRED_IDS = [
  'salt-typhoon', 'mss', 'h200', 'blackwell', 'nvidia', 'alibaba', 'xi-jinping', 'donald-trump',
  'scott-bessent', 'stephen-miller', 'jake-sullivan', 'zack-cooper', 'michael-sobolik', 'joe-biden',
  'rare-earths', 'export-controls', 'busan-truce', 'fentanyl-precursors', 'hudson-institute',
  'american-enterprise-institute', 'financial-times', 'us-treasury', 'white-house', 'national-guard',
  'chinese-communist-party',
];

/** How a form is compared across entries: case and separators do not make two forms different. */
function key(form: string): string {
  return form.toLowerCase().replace(/[\s\-\u2010\u2011]+/g, ' ');
}

describe('catalog', () => {
  it('has every id the project relies on', () => {
    const ids = CATALOG.map((entry) => entry.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it('has unique kebab-case ids', () => {
    const ids = CATALOG.map((entry) => entry.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every entry a display name, a known category and at least one full form', () => {
    for (const entry of CATALOG) {
      expect(entry.name.trim(), entry.id).not.toBe('');
      expect(CATEGORIES, entry.id).toContain(entry.category);
      expect(entry.forms.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('writes every form trimmed, starting and ending with a letter, digit or full stop', () => {
    const forms = CATALOG.flatMap((entry) => [
      ...entry.forms,
      ...(entry.shortForms ?? []),
      ...(entry.ambiguousForms ?? []).map((ambiguous) => ambiguous.form),
    ]);
    for (const form of forms) {
      expect(form, form).toMatch(/^[\p{L}\p{N}](?:.*[\p{L}\p{N}.])?$/u);
      expect(form, form).not.toMatch(/\s{2}/);
    }
  });

  it('gives every ambiguous form some context to count on', () => {
    for (const entry of CATALOG) {
      for (const ambiguous of entry.ambiguousForms ?? []) expect(ambiguous.contextAnyOf.length, ambiguous.form).toBeGreaterThan(0);
    }
  });

  it('lets no two entities claim the same form unless one of them needs context for it', () => {
    const claims = new Map<string, string[]>();
    for (const entry of CATALOG) {
      for (const form of [...entry.forms, ...(entry.shortForms ?? [])]) {
        claims.set(key(form), [...(claims.get(key(form)) ?? []), entry.id]);
      }
    }
    for (const [form, ids] of claims) expect(new Set(ids).size, `${form}: ${ids.join(', ')}`).toBe(1);
  });

  it('never lists a short form that is also a full form of the same entity', () => {
    for (const entry of CATALOG) {
      const full = new Set(entry.forms.map(key));
      for (const form of entry.shortForms ?? []) expect(full.has(key(form)), `${entry.id}: ${form}`).toBe(false);
    }
  });

  it('looks entries up by id', () => {
    expect(catalogById.get('mss')?.name).toBe('Ministry of State Security (MSS)');
    expect(catalogById.size).toBe(CATALOG.length);
  });
});

describe('catalog against the bundled articles', () => {
  const matcher = compileMatcher(CATALOG);

  /** Ids found in each article, scanning its headline and paragraphs as one page. */
  function idsByArticle(): Map<string, Set<string>> {
    const found = new Map<string, Set<string>>();
    for (const article of ARTICLES) {
      const page = matcher.newPage();
      const ids = new Set<string>();
      for (const block of [article.headline ?? '', ...article.paragraphs]) {
        for (const mention of page.scanBlock(block)) ids.add(mention.entityId);
      }
      found.set(article.id, ids);
    }
    return found;
  }

  it('finds every catalog entity in the article text as written', () => {
    const found = new Set([...idsByArticle().values()].flatMap((ids) => [...ids]));
    const missing = CATALOG.map((entry) => entry.id).filter((id) => !found.has(id));
    expect(missing).toEqual([]);
  });

  it('finds the key names of both articles', () => {
    const byArticle = [...idsByArticle().values()];
    for (const ids of byArticle) {
      for (const id of ['mss', 'salt-typhoon', 'donald-trump', 'xi-jinping', 'white-house', 'export-controls']) {
        expect(ids.has(id), id).toBe(true);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../../../src/shared/library';
import { catalogCategory, decide, findNewNames, keptNames, offer } from '../../../src/shared/library/names';
import type { NameRecord, SavedArticle } from '../../../src/shared/library/types';

const cnews = ARTICLES.find((article) => article.id === 'cnews-us-shelves-mss-sanctions')!;
const saved = (id: string): SavedArticle => ({
  id,
  savedAt: 1,
  title: cnews.headline!,
  siteName: 'CNews Live',
  author: null,
  published: null,
  lang: 'en',
  url: `https://cnews.example/${id}`,
  paragraphs: cnews.paragraphs,
});

function offeredFrom(article: SavedArticle, records: NameRecord[] = []): NameRecord[] {
  return findNewNames(article, records).flatMap((candidate) => offer(records.find((record) => record.id === candidate.id), candidate, article) ?? []);
}

describe('names found in saved articles', () => {
  it('offers the names of a real article that the catalog does not have, each with its first sentence verbatim', () => {
    const records = offeredFrom(saved('saved-a'));
    expect(records.map((record) => record.name)).toEqual(expect.arrayContaining(['Beijing', 'Washington']));
    for (const record of records) {
      expect(record.status).toBe('offered');
      expect(cnews.paragraphs[record.firstSentence.paragraph]).toContain(record.firstSentence.text);
      expect(record.id).toMatch(/^name-/);
    }
    // Catalog names are recognised, never offered.
    expect(records.map((record) => record.name)).not.toContain('Ministry of State Security');
  });

  it('counts a name again in another article, but not twice in the same one', () => {
    const first = offeredFrom(saved('saved-a'));
    const beijing = first.find((record) => record.id === 'name-beijing')!;
    const [candidate] = findNewNames(saved('saved-b'), first).filter((found) => found.id === 'name-beijing');
    const again = offer(beijing, candidate!, saved('saved-b'))!;
    expect(again.count).toBe(beijing.count * 2);
    expect(again.articleIds).toEqual(['saved-a', 'saved-b']);
    expect(offer(again, candidate!, saved('saved-b'))).toBeNull();
  });

  it('never offers a dismissed or kept name again', () => {
    const first = offeredFrom(saved('saved-a'));
    const decided = decide(decide(first, 'name-beijing', { action: 'keep' })!, 'name-washington', { action: 'dismiss' })!;
    const later = findNewNames(saved('saved-b'), decided).map((candidate) => candidate.id);
    expect(later).not.toContain('name-beijing');
    expect(later).not.toContain('name-washington');
  });

  it('keeps, renames, recategorises, switches, merges and deletes', () => {
    let records = offeredFrom(saved('saved-a'));
    records = decide(records, 'name-beijing', { action: 'keep' })!;
    records = decide(records, 'name-washington', { action: 'keep' })!;
    expect(keptNames(records).map((name) => name.id).sort()).toEqual(['name-beijing', 'name-washington']);
    records = decide(records, 'name-beijing', { action: 'rename', name: '  Beijing   city ' })!;
    expect(records.find((record) => record.id === 'name-beijing')).toMatchObject({ name: 'Beijing city', forms: ['Beijing city', 'Beijing'] });
    records = decide(records, 'name-beijing', { action: 'categorise', category: 'place' })!;
    records = decide(records, 'name-beijing', { action: 'switch', enabled: false })!;
    expect(keptNames(records).find((name) => name.id === 'name-beijing')).toMatchObject({ category: 'place', enabled: false });
    records = decide(records, 'name-washington', { action: 'merge', into: 'name-beijing' })!;
    expect(records.find((record) => record.id === 'name-washington')).toBeUndefined();
    expect(records.find((record) => record.id === 'name-beijing')!.forms).toContain('Washington');
    records = decide(records, 'name-beijing', { action: 'delete' })!;
    expect(keptNames(records)).toEqual([]);
    expect(decide(records, 'name-nobody', { action: 'keep' })).toBeNull();
    expect(decide(records, 'name-china', { action: 'rename', name: '   ' })).toBeNull();
  });

  it('maps discovery’s own kinds onto the catalog’s categories', () => {
    expect(catalogCategory('product')).toBe('technology');
    expect(catalogCategory('other')).toBe('organisation');
    expect(catalogCategory('person')).toBe('person');
  });
});

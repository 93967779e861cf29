import { describe, expect, it } from 'vitest';
import { catalogById } from '../../../src/shared/catalog/entities';
import { mergeKnowledge } from '../../../src/shared/knowledge/merge';
import type { Article, EntityKnowledge, Quote } from '../../../src/shared/knowledge/types';

const articles: Article[] = [{ id: 'cnews', publisher: 'CNews Live', headline: 'A headline', paragraphs: ['One.'] }];
const bundledQuote: Quote = { text: 'One.', articleId: 'cnews', publisher: 'CNews Live', paragraph: 0 };
const bundled: EntityKnowledge = { id: 'mss', name: 'MSS', category: 'agency', summary: bundledQuote, quotes: [bundledQuote], related: ['h200'] };
const saved = (id: string): Quote => ({ text: `From ${id}.`, articleId: id, publisher: 'Site', paragraph: 0, headline: 'Saved', url: 'https://site.example/' });

describe('mergeKnowledge', () => {
  it('puts saved quotes first, in the order the library gives (newest saved first), then the bundled ones with their headline', () => {
    const merged = mergeKnowledge(bundled, catalogById.get('mss'), [saved('saved-new'), saved('saved-old')], articles)!;
    expect(merged.quotes.map((quote) => quote.articleId)).toEqual(['saved-new', 'saved-old', 'cnews']);
    expect(merged.quotes[2]!.headline).toBe('A headline');
    expect(merged.summary.headline).toBe('A headline');
    expect(merged.related).toEqual(['h200']);
  });

  it('leaves bundled knowledge as it is when nothing is saved', () => {
    expect(mergeKnowledge(bundled, catalogById.get('mss'), [], [])).toEqual(bundled);
  });

  it('builds knowledge from saved quotes for a catalog name the bundled articles lack', () => {
    const merged = mergeKnowledge(null, catalogById.get('nvidia'), [saved('saved-x')], articles)!;
    expect(merged).toMatchObject({ id: 'nvidia', name: catalogById.get('nvidia')!.name, summary: saved('saved-x') });
    expect(mergeKnowledge(null, catalogById.get('nvidia'), [], articles)).toBeNull();
    expect(mergeKnowledge(null, undefined, [saved('saved-x')], articles)).toBeNull();
  });
});

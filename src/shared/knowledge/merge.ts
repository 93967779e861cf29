/**
 * One knowledge model: what a card shows for an entity is the bundled knowledge with the reader's
 * saved quotes in front, newest saved first (the order the library hands them over), then the
 * bundled quotes. Bundled quotes gain their article's headline, so every source line can name it.
 */
import type { CatalogEntry } from '../catalog/types';
import type { Article, EntityKnowledge, Quote } from './types';

export function mergeKnowledge(
  bundled: EntityKnowledge | null,
  entry: CatalogEntry | undefined,
  saved: readonly Quote[],
  articles: readonly Article[],
): EntityKnowledge | null {
  const withHeadline = (quote: Quote): Quote => {
    const headline = articles.find((article) => article.id === quote.articleId)?.headline;
    return headline && quote.headline === undefined ? { ...quote, headline } : quote;
  };
  if (bundled) {
    return {
      ...bundled,
      summary: withHeadline(bundled.summary),
      quotes: [...saved, ...bundled.quotes.map(withHeadline)],
    };
  }
  // A catalog name the bundled articles never mention, found in the reader's own: the newest saved sentence introduces it.
  const [first] = saved;
  if (!entry || !first) return null;
  // A copy: the same object twice in one message reaches Firefox's receiver as null the second time.
  return { id: entry.id, name: entry.name, category: entry.category, summary: { ...first }, quotes: [...saved], related: [] };
}

/** Whether a quote comes from the reader's library (saved quotes carry their original address). */
export function isSavedQuote(quote: Quote): boolean {
  return quote.url !== undefined;
}

/**
 * Full-text search over the library with MiniSearch (a maintained library, not a hand-written
 * index): titles, sites and text, with prefix and slight fuzzy matching. Results come with the
 * terms that matched, for marking, and an excerpt around the first of them.
 */
import MiniSearch from 'minisearch';
import { LIBRARY_SNIPPET_CHARS } from '../shared/constants';
import type { LibraryEntry } from '../shared/library/types';

export interface SearchHit {
  id: string;
  terms: string[];
  snippet: string;
}

interface IndexedArticle {
  id: string;
  title: string;
  siteName: string;
  text: string;
}

export interface LibrarySearch {
  search(query: string): SearchHit[];
}

export function buildSearch(entries: readonly LibraryEntry[]): LibrarySearch {
  const index = new MiniSearch<IndexedArticle>({ fields: ['title', 'siteName', 'text'], storeFields: [] });
  const paragraphs = new Map<string, readonly string[]>();
  index.addAll(
    entries.map(({ article }) => {
      paragraphs.set(article.id, article.paragraphs);
      return { id: article.id, title: article.title, siteName: article.siteName, text: article.paragraphs.join('\n') };
    }),
  );
  return {
    search(query) {
      if (query.trim() === '') return [];
      return index
        .search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 2 } })
        .map((result) => ({ id: String(result.id), terms: result.terms, snippet: excerpt(paragraphs.get(String(result.id)) ?? [], result.terms) }));
    },
  };
}

/** About LIBRARY_SNIPPET_CHARS of the first paragraph holding a matched term, centred on it. */
export function excerpt(paragraphs: readonly string[], terms: readonly string[]): string {
  const lowered = terms.map((term) => term.toLowerCase());
  for (const paragraph of paragraphs) {
    const lower = paragraph.toLowerCase();
    const at = Math.min(...lowered.map((term) => lower.indexOf(term)).filter((index) => index >= 0));
    if (!Number.isFinite(at)) continue;
    const start = Math.max(0, at - LIBRARY_SNIPPET_CHARS / 3);
    const end = Math.min(paragraph.length, start + LIBRARY_SNIPPET_CHARS);
    return `${start > 0 ? '\u2026' : ''}${paragraph.slice(start, end)}${end < paragraph.length ? '\u2026' : ''}`;
  }
  return '';
}

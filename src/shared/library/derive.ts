/**
 * Derives what cards and the library page need from one saved article, once, at save time: its
 * sentences with the catalog entities each names, its word count, and per entity the quotes a
 * card shows. Pure: the matcher is passed in, so Node tests and the background share it.
 */
import { LIBRARY_MAX_QUOTE_CHARS, LIBRARY_MAX_QUOTES_PER_ARTICLE } from '../constants';
import type { Quote } from '../knowledge/types';
import type { CompiledMatcher } from '../matcher';
import { splitSentences } from '../text/sentences';
import type { ArticleDerived, EntityQuotesRecord, SavedArticle, SentenceRecord } from './types';

export interface DerivedArticle {
  derived: ArticleDerived;
  quotes: EntityQuotesRecord[];
}

export type Deriver = (article: SavedArticle) => DerivedArticle;

export function deriveArticle(article: SavedArticle, matcher: CompiledMatcher): DerivedArticle {
  // One page memory for the whole article, as the content script has for a page: a surname
  // counts once the full name appeared earlier in the article.
  const page = matcher.newPage();
  const sentences: SentenceRecord[] = [];
  const mentionCounts = new Map<string, number>();
  let wordCount = 0;

  article.paragraphs.forEach((text, paragraph) => {
    wordCount += countWords(text);
    const mentions = page.scanBlock(text);
    for (const sentence of splitSentences(text)) {
      const ids = new Set<string>();
      for (const mention of mentions) {
        if (mention.start >= sentence.start && mention.start < sentence.end) ids.add(mention.entityId);
      }
      sentences.push({ paragraph, start: sentence.start, end: sentence.end, entityIds: [...ids] });
    }
    for (const mention of mentions) mentionCounts.set(mention.entityId, (mentionCounts.get(mention.entityId) ?? 0) + 1);
  });

  const entityIds = [...mentionCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return {
    derived: { articleId: article.id, wordCount, entityIds, sentences },
    quotes: entityIds.flatMap((entityId) => {
      const quotes = quotesAbout(article, sentences, entityId);
      return quotes.length === 0 ? [] : [{ entityId, articleId: article.id, savedAt: article.savedAt, quotes }];
    }),
  };
}

function quotesAbout(article: SavedArticle, sentences: readonly SentenceRecord[], entityId: string): Quote[] {
  const quotes: Quote[] = [];
  for (const sentence of sentences) {
    if (quotes.length >= LIBRARY_MAX_QUOTES_PER_ARTICLE) break;
    // A "sentence" longer than this is a page without full stops; quoting all of it helps no one.
    if (!sentence.entityIds.includes(entityId) || sentence.end - sentence.start > LIBRARY_MAX_QUOTE_CHARS) continue;
    const text = article.paragraphs[sentence.paragraph]!.slice(sentence.start, sentence.end);
    quotes.push(savedQuote(article, text, sentence));
  }
  return quotes;
}

function savedQuote(article: SavedArticle, text: string, at: { paragraph: number; start: number; end: number }): Quote {
  return {
    text,
    articleId: article.id,
    publisher: article.siteName,
    paragraph: at.paragraph,
    start: at.start,
    end: at.end,
    headline: article.title,
    ...(article.published ? { published: article.published } : {}),
    url: article.url,
  };
}

export function countWords(text: string): number {
  let count = 0;
  // A loop over matches, not split(): a 2 MB paragraph must not allocate an array of every word.
  const words = /\S+/gu;
  while (words.exec(text) !== null) count++;
  return count;
}

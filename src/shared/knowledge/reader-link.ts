/**
 * The reader page's address, written and read in one place so the links other contexts build
 * and the page that opens them cannot drift apart.
 *
 * Format: reader/reader.html?article=<id>&p=<paragraph index>&q=<start>-<end>, where q is the
 * quoted passage's UTF-16 offsets in the paragraph. The path is relative to the extension root:
 * pass it to runtime.getURL().
 */
import type { Quote } from './types';

export const READER_PAGE = 'reader/reader.html';

/** A passage within a paragraph: paragraph.slice(start, end). */
export interface PassageRange {
  start: number;
  end: number;
}

export interface ReaderTarget {
  articleId: string | null;
  paragraph: number | null;
  passage: PassageRange | null;
}

export function readerPath(articleId: string, paragraph?: number, passage?: PassageRange): string {
  const params = new URLSearchParams({ article: articleId });
  if (paragraph !== undefined && isIndex(paragraph)) {
    params.set('p', String(paragraph));
    if (passage && isIndex(passage.start) && isIndex(passage.end) && passage.end > passage.start) {
      params.set('q', `${passage.start}-${passage.end}`);
    }
  }
  return `${READER_PAGE}?${params.toString()}`;
}

/** The reader link for a quote: its article, its paragraph, and the sentence itself when its offsets are known. */
export function readerPathForQuote(quote: Quote): string {
  const passage = quote.start !== undefined && quote.end !== undefined ? { start: quote.start, end: quote.end } : undefined;
  return readerPath(quote.articleId, quote.paragraph, passage);
}

/** Reads a reader address's query string ("?article=…&p=…&q=…"). Anything malformed reads as absent. */
export function parseReaderSearch(search: string): ReaderTarget {
  const params = new URLSearchParams(search);
  const articleId = params.get('article') || null;
  const paragraph = parseIndex(params.get('p'));
  const range = /^(\d+)-(\d+)$/.exec(params.get('q') ?? '');
  const start = parseIndex(range?.[1] ?? null);
  const end = parseIndex(range?.[2] ?? null);
  const passage = paragraph !== null && start !== null && end !== null && end > start ? { start, end } : null;
  return { articleId, paragraph, passage };
}

function isIndex(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function parseIndex(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return isIndex(value) ? value : null;
}

/**
 * The reader's own library: articles captured from open tabs, kept in IndexedDB in the
 * extension's origin, with data derived from each kept beside it so cards never re-scan.
 */
import type { Quote } from '../knowledge/types';

/** What the capture script reads from a tab: plain data, never HTML. */
export interface CapturedPage {
  title: string;
  /** What the page declares (og:site_name, application-name, …), else its host name. */
  siteName: string;
  author: string | null;
  /** When the page says it was first published (ISO 8601), never when it was modified; null when it does not say. */
  published: string | null;
  lang: string | null;
  /** The page's canonical address (link rel=canonical), else its address without the fragment: the article's identity. */
  url: string;
  /** The article's paragraphs as plain text, whitespace normalised, none empty. */
  paragraphs: string[];
}

/** A saved article as stored and exported. */
export interface SavedArticle extends CapturedPage {
  /** "saved-<uuid>": also its reader link id. */
  id: string;
  /** When the reader saved it (ms since the epoch). */
  savedAt: number;
}

/** One sentence of a saved article and the catalog entities it names. */
export interface SentenceRecord {
  paragraph: number;
  start: number;
  end: number;
  entityIds: string[];
}

/** Data derived from one article, stored beside it (store "derived", keyed by articleId). */
export interface ArticleDerived {
  articleId: string;
  wordCount: number;
  /** Catalog entities the article names, most mentioned first. */
  entityIds: string[];
  sentences: SentenceRecord[];
}

/**
 * One row per (entity, article): that article's sentences about the entity, ready to quote with
 * their source, so a card reads these rows and never the articles themselves.
 */
export interface EntityQuotesRecord {
  entityId: string;
  articleId: string;
  /** Copied from the article: cards order saved quotes newest saved first. */
  savedAt: number;
  quotes: Quote[];
}

/** What the library page lists for each article. */
export interface LibraryEntry {
  article: SavedArticle;
  derived: ArticleDerived | null;
}

export const SAVED_ID_PREFIX = 'saved-';

export function isSavedArticleId(id: string): boolean {
  return id.startsWith(SAVED_ID_PREFIX);
}

/** Why a tab gave nothing to save. */
export type CaptureFailure = 'no-article' | 'too-big';

/** What the capture script hands back from a tab. */
export type CaptureResult = { ok: true; page: CapturedPage } | { ok: false; reason: CaptureFailure };

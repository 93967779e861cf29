/**
 * The reader's own library: articles captured from open tabs, kept in IndexedDB in the
 * extension's origin, with data derived from each kept beside it so cards never re-scan.
 */
import type { Category } from '../catalog/types';
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

/** Where a found name stands with the reader: offered to them, kept, or dismissed (never offered again). */
export type NameStatus = 'offered' | 'kept' | 'dismissed';

/** A name found in the reader's saved articles (store "names", keyed by id). */
export interface NameRecord {
  /** "name-…", never a catalog id. */
  id: string;
  name: string;
  category: Category;
  /** Full forms that always name it, the name first. */
  forms: string[];
  /** Forms that count only where a full form is on the page: surnames, and the acronym. */
  shortForms: string[];
  status: NameStatus;
  /** A kept name switched off stays kept but is not highlighted. */
  enabled: boolean;
  /** Mentions across the saved articles it was found in. */
  count: number;
  /** The sentence it first appears in, verbatim, and where. */
  firstSentence: { text: string; articleId: string; paragraph: number };
  /** The saved articles it was found in. */
  articleIds: string[];
}

/**
 * The library's export file: one JSON document with a format tag and a version, holding every
 * saved article whole (what was captured, its id and when it was saved) and, from version 2, the
 * names found in them with the reader's decisions. Derived data is left out: it is recomputed on
 * import, so a file cannot plant quotes its text does not hold.
 *
 * `parseLibraryExport` checks a file completely before anything is written: it is untrusted
 * input, and an import either takes all of it or none of it.
 */
import {
  CAPTURE_MAX_ARTICLE_CHARS,
  CAPTURE_MAX_META_CHARS,
  LIBRARY_IMPORT_MAX_ARTICLES,
  LIBRARY_IMPORT_MAX_NAMES,
  LIBRARY_MAX_PARAGRAPHS,
  LIBRARY_MAX_URL_CHARS,
} from '../constants';
import { isRecord } from '../settings/schema';
import { parseNameRecord } from './name-format';
import { SAVED_ID_PREFIX, type NameRecord, type SavedArticle } from './types';

export const EXPORT_FORMAT = 'backstory-library';
/** 1: articles; 2: articles and names. Both are read. */
export const EXPORT_VERSION = 2;

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: SavedArticle[];
  names: NameRecord[];
}

export type ParsedExport = { ok: true; value: LibraryExport } | { ok: false; error: string };

export function buildLibraryExport(articles: readonly SavedArticle[], now: Date, names: readonly NameRecord[] = []): LibraryExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    articles: articles.map(copyArticle),
    names: names.map((record) => structuredClone(record)),
  };
}

/** The file name a download suggests: backstory-library-2026-12-05.json. */
export function exportFileName(now: Date): string {
  return `backstory-library-${now.toISOString().slice(0, 10)}.json`;
}

const SAVED_ID = new RegExp(`^${SAVED_ID_PREFIX}[A-Za-z0-9-]{1,64}$`);
const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Reads an export file's text; every failure is a sentence a reader can act on. */
export function parseLibraryExport(text: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('This file is not a Backstory library export: it is not JSON.');
  }
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT) return fail('This file is not a Backstory library export.');
  if (typeof raw.version !== 'number' || !Number.isSafeInteger(raw.version)) return fail('This export has no version.');
  if (raw.version > EXPORT_VERSION) return fail(`This export is from a newer Backstory (format version ${raw.version}). Update Backstory, then import it.`);
  if (raw.version < 1) return fail('This export has an unknown version.');
  if (!Array.isArray(raw.articles)) return fail('This export is damaged: it has no list of articles.');
  if (raw.articles.length > LIBRARY_IMPORT_MAX_ARTICLES) return fail(`This export holds more than ${LIBRARY_IMPORT_MAX_ARTICLES} articles.`);
  const articles: SavedArticle[] = [];
  const urls = new Set<string>();
  const ids = new Set<string>();
  for (const [index, item] of raw.articles.entries()) {
    const article = parseArticle(item);
    if (typeof article === 'string') return fail(`This export is damaged: article ${index + 1} ${article}.`);
    if (urls.has(article.url) || ids.has(article.id)) return fail(`This export is damaged: article ${index + 1} appears twice.`);
    urls.add(article.url);
    ids.add(article.id);
    articles.push(article);
  }
  const names: NameRecord[] = [];
  if (raw.version >= 2) {
    if (!Array.isArray(raw.names) || raw.names.length > LIBRARY_IMPORT_MAX_NAMES) return fail('This export is damaged: its list of names is missing or too long.');
    const nameIds = new Set<string>();
    for (const [index, item] of raw.names.entries()) {
      const record = parseNameRecord(item);
      if (typeof record === 'string') return fail(`This export is damaged: name ${index + 1} ${record}.`);
      if (nameIds.has(record.id)) return fail(`This export is damaged: name ${index + 1} appears twice.`);
      nameIds.add(record.id);
      names.push(record);
    }
  }
  const exportedAt = typeof raw.exportedAt === 'string' ? raw.exportedAt.slice(0, 64) : '';
  return { ok: true, value: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, articles, names } };
}

/** The article, or what is wrong with it. Unknown fields are dropped, never kept. */
export function parseArticle(raw: unknown): SavedArticle | string {
  if (!isRecord(raw)) return 'is not an object';
  const { id, url, title, siteName, author, published, lang, savedAt, paragraphs } = raw;
  if (typeof id !== 'string' || !SAVED_ID.test(id)) return 'has no valid id';
  if (!isWebUrl(url)) return 'has no http(s) address';
  if (!isText(title) || title === '') return 'has no title';
  if (!isText(siteName) || siteName === '') return 'has no site name';
  if (author !== null && !isText(author)) return 'has a bad author';
  if (published !== null && !(isText(published) && isIsoDate(published))) return 'has a bad publication date';
  if (lang !== null && !(typeof lang === 'string' && LANG.test(lang))) return 'has a bad language';
  if (typeof savedAt !== 'number' || !Number.isSafeInteger(savedAt) || savedAt < 0) return 'has no date saved';
  if (!Array.isArray(paragraphs) || paragraphs.length === 0 || paragraphs.length > LIBRARY_MAX_PARAGRAPHS) return 'has no paragraphs';
  let chars = 0;
  for (const paragraph of paragraphs) {
    if (typeof paragraph !== 'string' || paragraph.trim() === '') return 'has an empty or non-text paragraph';
    chars += paragraph.length;
  }
  if (chars > CAPTURE_MAX_ARTICLE_CHARS) return 'is longer than Backstory keeps';
  return { id, url, title, siteName, author, published, lang, savedAt, paragraphs: [...(paragraphs as string[])] };
}

export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIBRARY_MAX_URL_CHARS) return false;
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.href === value;
  } catch {
    return false;
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= CAPTURE_MAX_META_CHARS;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));
}

function copyArticle(article: SavedArticle): SavedArticle {
  const { id, url, title, siteName, author, published, lang, savedAt, paragraphs } = article;
  return { id, url, title, siteName, author, published, lang, savedAt, paragraphs: [...paragraphs] };
}

function fail(error: string): ParsedExport {
  return { ok: false, error: `${error} Nothing was changed.` };
}

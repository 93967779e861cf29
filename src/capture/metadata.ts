/**
 * Reads what a page says about itself: site name, author, published date (never the modified
 * one), language and canonical address. Pure over a Document, so it is tested on real pages.
 */
import { CAPTURE_MAX_META_CHARS } from '../shared/constants';
import { normaliseWhitespace } from './paragraphs';

export interface PageMetadata {
  siteName: string;
  author: string | null;
  published: string | null;
  lang: string | null;
  url: string;
}

const SITE_NAME_SELECTORS = [
  'meta[property="og:site_name"]',
  'meta[name="application-name"]',
  'meta[name="apple-mobile-web-app-title"]',
  'meta[name="publisher"]',
];
/** Publication dates only: article:modified_time, dateModified and the like are deliberately absent. */
const PUBLISHED_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="sailthru.date"]',
];

export interface MetadataHints {
  /** What Readability found (it reads JSON-LD and bylines too). */
  siteName?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  /** The article element Readability picked, where a time[datetime] is the article's own. */
  articleRoot?: ParentNode | null;
}

export function readMetadata(doc: Document, location: URL, hints: MetadataHints = {}): PageMetadata {
  const jsonLd = readJsonLd(doc);
  const siteName =
    bounded(firstContent(doc, SITE_NAME_SELECTORS)) ?? bounded(hints.siteName) ?? bounded(jsonLd.publisher) ?? location.hostname.replace(/^www\./, '');
  const author = bounded(hints.byline) ?? bounded(metaContent(doc, 'meta[name="author"]')) ?? bounded(jsonLd.author);
  const published =
    isoDate(firstContent(doc, PUBLISHED_SELECTORS)) ??
    isoDate(jsonLd.datePublished) ??
    isoDate(hints.publishedTime) ??
    isoDate(timeIn(hints.articleRoot ?? null));
  const lang = langTag(doc.documentElement.getAttribute('lang')) ?? langTag(hints.lang ?? null);
  return { siteName, author, published, lang, url: canonicalUrl(doc, location) };
}

/** link rel=canonical when it is an http(s) address, else the page's own address without its fragment. */
export function canonicalUrl(doc: Document, location: URL): string {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  if (href) {
    try {
      const canonical = new URL(href, location);
      if (canonical.protocol === 'http:' || canonical.protocol === 'https:') {
        canonical.hash = '';
        return canonical.href;
      }
    } catch {
      // A malformed canonical link is ignored, like browsers do.
    }
  }
  const own = new URL(location.href);
  own.hash = '';
  return own.href;
}

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content') ?? null;
}

function firstContent(doc: Document, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const value = metaContent(doc, selector);
    if (value && value.trim() !== '') return value;
  }
  return null;
}

function timeIn(root: ParentNode | null): string | null {
  if (!root) return null;
  const time = root.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime], time[datetime]');
  return time?.getAttribute('datetime') ?? null;
}

interface JsonLdFacts {
  publisher: string | null;
  author: string | null;
  datePublished: string | null;
}

/** The first JSON-LD object (or @graph item) that says when it was published, by whom and where. */
function readJsonLd(doc: Document): JsonLdFacts {
  const facts: JsonLdFacts = { publisher: null, author: null, datePublished: null };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data];
    for (const item of items) {
      if (!isObject(item)) continue;
      facts.datePublished ??= stringOf(item.datePublished);
      facts.publisher ??= nameOf(item.publisher);
      facts.author ??= nameOf(Array.isArray(item.author) ? item.author[0] : item.author);
    }
  }
  return facts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return isObject(value) ? stringOf(value.name) : null;
}

function bounded(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = normaliseWhitespace(value).slice(0, CAPTURE_MAX_META_CHARS);
  return text === '' ? null : text;
}

/** An ISO 8601 timestamp for a date the page declared, or null when it is not a date. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200 ? date.toISOString() : null;
}

function langTag(value: string | null): string | null {
  const tag = value?.trim() ?? '';
  return /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

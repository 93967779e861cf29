/**
 * Captures the article in a document: Mozilla's Readability (Firefox Reader View's engine) on a
 * clone, so the page itself is never touched, then its content as plain-text paragraphs and the
 * page's metadata. Pages that are too big to parse without holding the tab, or that hold no
 * article (a search page, a feed, an app), give a reason instead.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import {
  CAPTURE_MAX_ARTICLE_CHARS,
  CAPTURE_MAX_ELEMENTS,
  CAPTURE_MAX_META_CHARS,
  CAPTURE_MAX_PAGE_CHARS,
  CAPTURE_MIN_ARTICLE_CHARS,
} from '../shared/constants';
import type { CaptureResult } from '../shared/library/types';
import { readMetadata } from './metadata';
import { extractParagraphs, normaliseWhitespace } from './paragraphs';

export function capturePage(doc: Document, location: URL): CaptureResult {
  const body = doc.body;
  if (!body) return { ok: false, reason: 'no-article' };
  // Both checks are cheap next to a parse: one count, one read of the text.
  if (doc.getElementsByTagName('*').length > CAPTURE_MAX_ELEMENTS) return { ok: false, reason: 'too-big' };
  if ((body.textContent ?? '').length > CAPTURE_MAX_PAGE_CHARS) return { ok: false, reason: 'too-big' };
  if (!isProbablyReaderable(doc, { minContentLength: 100, minScore: 20 })) return { ok: false, reason: 'no-article' };

  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    // The serializer hands back the cleaned element itself: its text is read below, its HTML never kept.
    parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, maxElemsToParse: CAPTURE_MAX_ELEMENTS }).parse();
  } catch {
    return { ok: false, reason: 'no-article' };
  }
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, reason: 'no-article' };

  const paragraphs = extractParagraphs(content, { maxChars: CAPTURE_MAX_ARTICLE_CHARS });
  const chars = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (chars < CAPTURE_MIN_ARTICLE_CHARS) return { ok: false, reason: 'no-article' };

  const meta = readMetadata(doc, location, {
    siteName: parsed.siteName,
    byline: parsed.byline,
    publishedTime: parsed.publishedTime,
    lang: parsed.lang,
    articleRoot: content,
  });
  const title = normaliseWhitespace(parsed.title || doc.title || meta.url).slice(0, CAPTURE_MAX_META_CHARS);
  // Readability usually drops the headline from the content; where it keeps it, it is not a paragraph.
  const body0 = paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  return { ok: true, page: { title, ...meta, paragraphs: body0 } };
}

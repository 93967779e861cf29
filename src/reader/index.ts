/**
 * The reader page (reader/reader.html?article=<id>&p=<paragraph>&q=<start>-<end>): shows a whole
 * reference article and brings the quoted passage into view.
 */
import { parseReaderSearch } from '../shared/knowledge/reader-link';
import { catalogDeriver } from '../shared/library/catalog-deriver';
import { libraryStore } from '../shared/library/store';
import { isSavedArticleId, type SavedArticle } from '../shared/library/types';
import { CATALOG, catalogById } from '../shared/catalog/entities';
import { loadReaderCatalog } from '../shared/catalog/reader-catalog-storage';
import { compileMatcher, matcherFromPrecompiled } from '../shared/matcher';
import { sendFromExtensionPage } from '../shared/messages';
import { markNames } from './mark-names';
import { paragraphElementId, renderReader, type ReaderArticle } from './render';

/** A saved article in the reader's shape: the site stands as its publisher, the title as its headline. */
function asReaderArticle(saved: SavedArticle): ReaderArticle {
  const { id, siteName, title, paragraphs, url, author, published, savedAt } = saved;
  return { id, publisher: siteName, headline: title, paragraphs, saved: { url, author, published, savedAt } };
}

/** The saved article the address names, read from the library (the page is in the extension's origin). */
async function savedArticle(id: string | null): Promise<ReaderArticle[]> {
  if (id === null || !isSavedArticleId(id)) return [];
  try {
    const saved = await libraryStore(catalogDeriver).get(id);
    return saved ? [asReaderArticle(saved)] : [];
  } catch {
    return [];
  }
}

/** The bundled articles, from the background: they ship there only. */
async function referenceArticles(): Promise<ReaderArticle[]> {
  try {
    return await sendFromExtensionPage({ type: 'reference-articles' });
  } catch {
    return [];
  }
}

/** The names in the article, marked with the reader's own catalog (their kept names included). */
async function markArticleNames(count: number): Promise<void> {
  const reader = await loadReaderCatalog();
  const matcher = reader ? matcherFromPrecompiled(reader.entries, reader.precompiled) : compileMatcher(CATALOG);
  const entries = reader ? new Map(reader.entries.map((entry) => [entry.id, entry])) : catalogById;
  const paragraphs = Array.from({ length: count }, (_, index) => document.getElementById(paragraphElementId(index))).filter(
    (paragraph): paragraph is HTMLElement => paragraph !== null,
  );
  markNames(paragraphs, matcher, entries);
}

async function showReader(): Promise<void> {
  const root = document.getElementById('reader-root');
  if (root === null) return;
  const target = parseReaderSearch(location.search);
  const articles = [...(await savedArticle(target.articleId)), ...(await referenceArticles())];
  const { focusTarget, article } = renderReader(root, articles, target);
  if (focusTarget === null) return;
  if (article) await markArticleNames(article.paragraphs.length);
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Focus moves to the passage so keyboard and screen-reader users start where the card pointed.
  focusTarget.focus({ preventScroll: true });
  focusTarget.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
}

void showReader();

/**
 * Draws the library's articles: title, site, date, word count, the names found, and links to
 * read it (the reader page, the original). Every string is inserted as text and bounded: saved
 * text can hold markup, direction overrides or a 2 MB paragraph.
 */
import { catalogById } from '../shared/catalog/entities';
import { LIBRARY_DISPLAY_MAX_CHARS } from '../shared/constants';
import { readerPath } from '../shared/knowledge/reader-link';
import type { LibraryEntry } from '../shared/library/types';
import { t } from '../shared/i18n';

export interface ArticleActions {
  remove(entry: LibraryEntry): void;
  /** Where the reader page lives, for links (runtime.getURL in the browser). */
  url(path: string): string;
  /** Display names of the reader's kept names, which the bundled catalog does not know. */
  keptName?(id: string): string | undefined;
}

/** One list item per entry; `snippets` adds an excerpt under the entries a search matched. */
export function renderArticles(list: HTMLElement, entries: readonly LibraryEntry[], actions: ArticleActions, snippets?: ReadonlyMap<string, string>): void {
  const doc = list.ownerDocument;
  list.replaceChildren(...entries.map((entry) => articleItem(doc, entry, actions, snippets?.get(entry.article.id))));
}

function articleItem(doc: Document, entry: LibraryEntry, actions: ArticleActions, snippet: string | undefined): HTMLElement {
  const { article, derived } = entry;
  const item = el(doc, 'li', 'article');
  item.dataset.articleId = article.id;

  const title = el(doc, 'h3', 'article-title', bounded(article.title));
  title.dir = 'auto';

  const date = article.published ? t('libraryPublished', formatDate(Date.parse(article.published))) : t('librarySavedOn', formatDate(article.savedAt));
  const words = derived ? t('libraryWords', derived.wordCount.toLocaleString()) : '';
  const meta = el(doc, 'p', 'meta', [bounded(article.siteName), date, words].filter(Boolean).join(' · '));
  meta.dir = 'auto';

  const names = (derived?.entityIds ?? []).map((id) => catalogById.get(id)?.name ?? actions.keptName?.(id) ?? id);
  const found = el(doc, 'p', 'names', names.length > 0 ? t('libraryNamesFound', names.join(', ')) : t('libraryNoNames'));

  const actionsRow = el(doc, 'div', 'actions');
  const read = el(doc, 'a', 'read', t('libraryRead')) as HTMLAnchorElement;
  read.href = actions.url(readerPath(article.id));
  const original = el(doc, 'a', 'original', t('libraryOriginal')) as HTMLAnchorElement;
  original.href = article.url;
  original.rel = 'noreferrer noopener';
  original.target = '_blank';
  const remove = el(doc, 'button', 'remove', t('libraryRemove')) as HTMLButtonElement;
  remove.type = 'button';
  remove.setAttribute('aria-label', t('libraryRemoveLabel', bounded(article.title, 200)));
  remove.addEventListener('click', () => actions.remove(entry));
  actionsRow.append(read, original, remove);

  item.append(title, meta, found);
  if (snippet !== undefined) {
    const excerpt = el(doc, 'p', 'snippet', snippet);
    excerpt.dir = 'auto';
    item.append(excerpt);
  }
  item.append(actionsRow);
  return item;
}

/** Text cut to what a page can lay out at once. */
export function bounded(text: string, max = LIBRARY_DISPLAY_MAX_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}\u2026` : text;
}

export function formatDate(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Builds the reader page from the bundled library: the chosen article, its target paragraph and
 * passage marked, and a list to switch articles. Every string is inserted as text.
 */
import { LIBRARY_DISPLAY_MAX_CHARS } from '../shared/constants';
import type { ReaderTarget } from '../shared/knowledge/reader-link';
import type { Article } from '../shared/knowledge/types';

/** What the reader knows of an article from the reader's own library, beyond its text. */
export interface SavedSource {
  url: string;
  author: string | null;
  published: string | null;
  savedAt: number;
}

/** A bundled article, or a saved one with its source. */
export type ReaderArticle = Article & { saved?: SavedSource };

export interface RenderedReader {
  /** The element to bring into view and focus: the target passage or paragraph, else the article. */
  focusTarget: HTMLElement | null;
  /** The article shown, or null when the address names none that exists. */
  article: ReaderArticle | null;
}

/** The id each paragraph carries, so a link or a test can target it. */
export function paragraphElementId(index: number): string {
  return `paragraph-${index}`;
}

/**
 * Replaces `root`'s content with the page for `target`. With no article named, the first one in
 * the library is shown; with an unknown one, a message says so and the list offers the rest.
 */
export function renderReader(root: HTMLElement, articles: readonly ReaderArticle[], target: ReaderTarget): RenderedReader {
  const doc = root.ownerDocument;
  const article = target.articleId === null ? (articles[0] ?? null) : (articles.find((a) => a.id === target.articleId) ?? null);
  const main = element(doc, 'main', 'reader');
  root.replaceChildren(main, renderArticleList(doc, articles.filter((a) => !a.saved), article));

  if (article === null) {
    const message =
      target.articleId === null
        ? 'The reference library is empty.'
        : target.articleId.startsWith('saved-')
          ? 'This article is no longer in your library: it was removed. Choose one of the articles listed below.'
          : `There is no reference article called \u201C${target.articleId}\u201D. Choose one of the articles listed below.`;
    main.append(notice(doc, message));
    doc.title = 'Article not found \u2014 Backstory';
    return { focusTarget: null, article: null };
  }

  doc.title = `${article.headline ?? article.publisher} \u2014 Backstory`;
  const rendered = renderArticle(doc, article);
  main.append(rendered.article);

  // Without a target the title is focused: it sits at the top, so bringing it into view keeps
  // the page at its start.
  let focusTarget: HTMLElement = rendered.title;
  if (target.paragraph !== null) {
    const paragraph = rendered.paragraphs[target.paragraph];
    if (paragraph === undefined) {
      const count = article.paragraphs.length;
      focusTarget = notice(doc, `This article has no paragraph ${target.paragraph + 1}; it has ${count}. It is shown from the start.`);
      rendered.article.before(focusTarget);
    } else {
      paragraph.classList.add('is-target');
      focusTarget = markPassage(paragraph, target.passage) ?? paragraph;
    }
  }
  focusTarget.tabIndex = -1;
  return { focusTarget, article };
}

interface RenderedArticle {
  article: HTMLElement;
  title: HTMLElement;
  /** One element per paragraph, by index. */
  paragraphs: HTMLElement[];
}

function renderArticle(doc: Document, article: ReaderArticle): RenderedArticle {
  const articleElement = element(doc, 'article', 'article');
  articleElement.setAttribute('aria-labelledby', 'article-title');

  const header = element(doc, 'header', 'article-header');
  const title = element(doc, 'h1', 'article-title');
  title.id = 'article-title';
  if (article.headline === null) {
    // The text has no headline and we invent none: the publisher names the article instead.
    title.textContent = article.publisher;
  } else {
    header.append(textElement(doc, 'p', 'publisher', article.publisher));
    title.textContent = article.headline;
  }
  header.append(title, article.saved ? savedNote(doc, article, article.saved) : ownershipNote(doc, article));
  articleElement.append(header);
  if (article.saved) title.dir = 'auto';

  const paragraphs = article.paragraphs.map((text, index) => {
    // A saved paragraph can be megabytes long: shown cut, so the page stays usable.
    const shown = text.length > LIBRARY_DISPLAY_MAX_CHARS ? `${text.slice(0, LIBRARY_DISPLAY_MAX_CHARS)}\u2026` : text;
    const paragraph = textElement(doc, 'p', 'paragraph', shown);
    if (article.saved) paragraph.dir = 'auto';
    paragraph.id = paragraphElementId(index);
    paragraph.dataset.paragraph = String(index);
    return paragraph;
  });
  articleElement.append(...paragraphs);
  return { article: articleElement, title, paragraphs };
}

/** Where a saved article came from: its site, author and dates, and a link to the original page. */
function savedNote(doc: Document, article: Article, source: SavedSource): HTMLElement {
  const note = element(doc, 'div', 'ownership saved-source');
  const facts = [
    article.publisher,
    source.author ? `by ${source.author}` : null,
    source.published ? `published ${formatDate(Date.parse(source.published))}` : null,
    `saved to your library ${formatDate(source.savedAt)}`,
  ].filter((fact): fact is string => fact !== null);
  const line = textElement(doc, 'p', 'source-facts', facts.join(' \u00B7 '));
  line.dir = 'auto';
  const link = textElement(doc, 'a', 'original', 'Read the original page') as HTMLAnchorElement;
  link.href = source.url;
  link.rel = 'noreferrer noopener';
  const linkLine = element(doc, 'p', 'original-line');
  linkLine.append(link);
  note.append(line, linkLine, textElement(doc, 'p', 'ownership-text', `This text belongs to its publisher, ${article.publisher}. It is kept on this computer only.`));
  return note;
}

function formatDate(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' }) : '';
}

function ownershipNote(doc: Document, article: Article): HTMLElement {
  return textElement(
    doc,
    'p',
    'ownership',
    `This text belongs to its publisher, ${article.publisher}. Backstory bundles it word for word, ` +
      'minus the site\u2019s promotions and footers, so that its cards can quote it with its source.',
  );
}

/**
 * Wraps paragraph.slice(start, end) in a <mark>. The paragraph holds one text node (we built it),
 * so the split is exact. A range outside the paragraph is ignored and the paragraph stays marked.
 */
function markPassage(paragraph: HTMLElement, passage: ReaderTarget['passage']): HTMLElement | null {
  const text = paragraph.textContent ?? '';
  if (passage === null || passage.end > text.length) return null;
  const doc = paragraph.ownerDocument;
  const mark = textElement(doc, 'mark', 'passage', text.slice(passage.start, passage.end));
  paragraph.replaceChildren(doc.createTextNode(text.slice(0, passage.start)), mark, doc.createTextNode(text.slice(passage.end)));
  return mark;
}

function renderArticleList(doc: Document, articles: readonly Article[], current: Article | null): HTMLElement {
  const nav = element(doc, 'nav', 'article-list');
  nav.setAttribute('aria-labelledby', 'article-list-title');
  const heading = textElement(doc, 'h2', 'article-list-title', 'Reference articles');
  heading.id = 'article-list-title';
  const list = doc.createElement('ul');
  for (const article of articles) {
    const link = doc.createElement('a');
    link.href = `?${new URLSearchParams({ article: article.id }).toString()}`;
    link.append(textElement(doc, 'span', 'article-list-publisher', article.publisher));
    if (article.headline !== null) link.append(doc.createTextNode(`: ${article.headline}`));
    if (article === current) link.setAttribute('aria-current', 'page');
    const item = doc.createElement('li');
    item.append(link);
    list.append(item);
  }
  nav.append(heading, list);
  return nav;
}

function notice(doc: Document, message: string): HTMLElement {
  const paragraph = textElement(doc, 'p', 'notice', message);
  paragraph.setAttribute('role', 'status');
  return paragraph;
}

function element(doc: Document, tag: string, className: string): HTMLElement {
  const created = doc.createElement(tag);
  created.className = className;
  return created;
}

function textElement(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const created = element(doc, tag, className);
  created.textContent = text;
  return created;
}

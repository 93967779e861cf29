// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { parseReaderSearch, readerPath } from '../../src/shared/knowledge/reader-link';
import type { Article } from '../../src/shared/knowledge/types';
import { ARTICLES } from '../../src/shared/library';
import { paragraphElementId, renderReader } from '../../src/reader/render';

const withHeadline: Article = {
  id: 'daily',
  publisher: 'Example Daily',
  headline: 'Talks <b>Stall</b>',
  paragraphs: ['First paragraph. It has two sentences.', 'Second <script>alert(1)</script> paragraph.', 'Third.'],
};
const withoutHeadline: Article = { id: 'weekly', publisher: 'Example Weekly', headline: null, paragraphs: ['Only paragraph.'] };
const library = [withHeadline, withoutHeadline];

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

const targetOf = (path: string) => parseReaderSearch(path.slice(path.indexOf('?')));

describe('renderReader', () => {
  it('builds the article from its data: publisher, headline, ownership note, one element per paragraph', () => {
    const { article } = renderReader(root, library, targetOf(readerPath('daily')));
    expect(article).toBe(withHeadline);
    expect(root.querySelector('.publisher')?.textContent).toBe('Example Daily');
    expect(root.querySelector('h1')?.textContent).toBe('Talks <b>Stall</b>');
    expect(root.querySelector('.ownership')?.textContent).toContain('belongs to its publisher, Example Daily');
    const paragraphs = [...root.querySelectorAll('article .paragraph')];
    expect(paragraphs.map((p) => p.textContent)).toEqual(withHeadline.paragraphs);
    expect(paragraphs.map((p) => p.id)).toEqual(['paragraph-0', 'paragraph-1', 'paragraph-2']);
    expect(document.title).toBe('Talks <b>Stall</b> \u2014 Backstory');
  });

  it('inserts every string as text, never as markup', () => {
    renderReader(root, library, targetOf(readerPath('daily')));
    expect(root.querySelector('script, b')).toBeNull();
    expect(root.querySelector(`#${paragraphElementId(1)}`)?.childNodes).toHaveLength(1);
  });

  it('names a headline-less article by its publisher without inventing a headline', () => {
    renderReader(root, library, targetOf(readerPath('weekly')));
    expect(root.querySelector('h1')?.textContent).toBe('Example Weekly');
    expect(root.querySelector('.publisher')).toBeNull();
  });

  it('highlights the target paragraph and returns it as the place to focus', () => {
    const { focusTarget } = renderReader(root, library, targetOf(readerPath('daily', 1)));
    const target = root.querySelector('#paragraph-1');
    expect(target?.classList.contains('is-target')).toBe(true);
    expect(root.querySelectorAll('.is-target')).toHaveLength(1);
    expect(root.querySelector('mark')).toBeNull();
    expect(focusTarget).toBe(target);
    expect(focusTarget?.tabIndex).toBe(-1);
  });

  it('marks exactly the quoted sentence and keeps the paragraph text unchanged', () => {
    const { focusTarget } = renderReader(root, library, targetOf(readerPath('daily', 0, { start: 17, end: 38 })));
    const mark = root.querySelector('#paragraph-0 mark');
    expect(mark?.textContent).toBe('It has two sentences.');
    expect(root.querySelector('#paragraph-0')?.textContent).toBe(withHeadline.paragraphs[0]);
    expect(focusTarget).toBe(mark);
  });

  it('ignores a passage beyond the paragraph but still highlights the paragraph', () => {
    const { focusTarget } = renderReader(root, library, targetOf(readerPath('daily', 2, { start: 0, end: 99 })));
    expect(root.querySelector('mark')).toBeNull();
    expect(focusTarget).toBe(root.querySelector('#paragraph-2'));
  });

  it('says so clearly when the paragraph does not exist, and shows the article from the start', () => {
    const { focusTarget } = renderReader(root, library, targetOf(readerPath('daily', 7)));
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toBe('This article has no paragraph 8; it has 3. It is shown from the start.');
    expect(focusTarget).toBe(status);
    expect(root.querySelector('.is-target')).toBeNull();
  });

  it('starts at the title when no paragraph is targeted', () => {
    const { focusTarget } = renderReader(root, library, targetOf(readerPath('daily')));
    expect(focusTarget).toBe(root.querySelector('h1'));
    expect(root.querySelector('.is-target')).toBeNull();
  });

  it('renders into a root that is not yet in the document', () => {
    const detached = document.createElement('div');
    const { focusTarget } = renderReader(detached, library, targetOf(readerPath('daily', 2)));
    expect(focusTarget).toBe(detached.querySelector('#paragraph-2'));
    expect(focusTarget?.classList.contains('is-target')).toBe(true);
  });

  it('says so clearly when the article id is unknown, and still offers the list', () => {
    const { focusTarget, article } = renderReader(root, library, targetOf(readerPath('<img src=x onerror=alert(1)>', 0)));
    expect(article).toBeNull();
    expect(focusTarget).toBeNull();
    expect(root.querySelector('article')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'There is no reference article called \u201C<img src=x onerror=alert(1)>\u201D. Choose one of the articles listed below.',
    );
    expect(root.querySelectorAll('nav li')).toHaveLength(2);
  });

  it('shows the first article when none is named', () => {
    expect(renderReader(root, library, targetOf('reader/reader.html')).article).toBe(withHeadline);
  });

  it('lists every article to switch to and marks the current one', () => {
    renderReader(root, library, targetOf(readerPath('weekly')));
    const links = [...root.querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((link) => link.textContent)).toEqual(['Example Daily: Talks <b>Stall</b>', 'Example Weekly']);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['?article=daily', '?article=weekly']);
    expect(links.map((link) => link.getAttribute('aria-current'))).toEqual([null, 'page']);
  });

  it('renders every paragraph of the bundled library with its target marked', () => {
    for (const article of ARTICLES) {
      article.paragraphs.forEach((text, index) => {
        renderReader(root, ARTICLES, targetOf(readerPath(article.id, index, { start: 0, end: text.length })));
        expect(root.querySelector(`#${paragraphElementId(index)} mark`)?.textContent).toBe(text);
      });
    }
  });
});

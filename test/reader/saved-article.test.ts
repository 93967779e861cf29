// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseReaderSearch, readerPath } from '../../src/shared/knowledge/reader-link';
import { renderReader, type ReaderArticle } from '../../src/reader/render';
import { LIBRARY_DISPLAY_MAX_CHARS } from '../../src/shared/constants';

const saved: ReaderArticle = {
  id: 'saved-1',
  publisher: 'The Harbour Ledger',
  headline: 'Telecom breach <img src=x onerror=alert(1)> widens',
  paragraphs: ['First.', 'The Salt Typhoon campaign reached regional carriers. More followed.', 'x'.repeat(2_000_000)],
  saved: { url: 'https://harbour.example/a', author: 'Maren Okafor', published: '2025-11-21T07:30:00.000Z', savedAt: Date.UTC(2026, 0, 2) },
};
const bundled: ReaderArticle = { id: 'ft', publisher: 'Financial Times', headline: null, paragraphs: ['One.'] };

function render(path: string) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const result = renderReader(root, [saved, bundled], parseReaderSearch(path.slice(path.indexOf('?'))));
  return { root, ...result };
}

describe('the reader on a saved article', () => {
  it('shows its text with its metadata and a link to the original page, at the quoted passage', () => {
    const { root, focusTarget } = render(readerPath('saved-1', 1, { start: 0, end: 52 }));
    expect(root.querySelector('h1')!.textContent).toBe(saved.headline);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.source-facts')!.textContent).toMatch(/^The Harbour Ledger · by Maren Okafor · published .*2025 · saved to your library .*2026$/);
    expect(root.querySelector<HTMLAnchorElement>('a.original')!.href).toBe('https://harbour.example/a');
    expect(focusTarget!.textContent).toBe('The Salt Typhoon campaign reached regional carriers.');
  });

  it('bounds a huge paragraph and lists only the bundled articles in the navigation', () => {
    const { root } = render(readerPath('saved-1'));
    expect(root.querySelector('#paragraph-2')!.textContent!.length).toBe(LIBRARY_DISPLAY_MAX_CHARS + 1);
    expect([...root.querySelectorAll('nav a')].map((link) => link.textContent)).toEqual(['Financial Times']);
  });

  it('says a removed saved article is no longer in the library', () => {
    const { root, article } = render(readerPath('saved-gone'));
    expect(article).toBeNull();
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/no longer in your library/);
  });
});

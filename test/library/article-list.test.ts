// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderArticles } from '../../src/library/article-list';
import { buildSearch, excerpt } from '../../src/library/search';
import { LIBRARY_DISPLAY_MAX_CHARS, LIBRARY_SNIPPET_CHARS } from '../../src/shared/constants';
import type { LibraryEntry } from '../../src/shared/library/types';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const HOSTILE = '<img src=x onerror=alert(1)>\u202Eevil';

function entry(overrides: Partial<LibraryEntry['article']> = {}): LibraryEntry {
  return {
    article: {
      id: 'saved-1',
      title: 'Telecom breach inquiry widens',
      siteName: 'The Harbour Ledger',
      author: null,
      published: '2025-11-21T07:30:00.000Z',
      lang: 'en',
      url: 'https://harbour.example/a',
      savedAt: 5,
      paragraphs: ['Investigators looking into the Salt Typhoon intrusions spoke.', 'Carriers count the cost.'],
      ...overrides,
    },
    derived: { articleId: 'saved-1', wordCount: 12, entityIds: ['salt-typhoon'], sentences: [] },
  };
}

describe('renderArticles', () => {
  it('shows title, site, date, word count and names, with a Remove button named after the article', () => {
    const list = document.createElement('ol');
    const remove = vi.fn();
    renderArticles(list, [entry()], { remove, url: (path) => `ext://${path}` });
    expect(list.querySelector('.article-title')!.textContent).toBe('Telecom breach inquiry widens');
    expect(list.querySelector('.meta')!.textContent).toMatch(/^The Harbour Ledger · published .*2025 · 12 words$/);
    expect(list.querySelector('.names')!.textContent).toBe('Names found: Salt Typhoon');
    const button = list.querySelector<HTMLButtonElement>('button.remove')!;
    expect(button.getAttribute('aria-label')).toBe('Remove Telecom breach inquiry widens');
    button.click();
    expect(remove).toHaveBeenCalledOnce();
    expect(list.querySelector<HTMLAnchorElement>('a.read')!.href).toBe('ext://reader/reader.html?article=saved-1');
  });

  it('shows hostile and huge text as bounded, isolated text', () => {
    const list = document.createElement('ol');
    renderArticles(list, [entry({ title: HOSTILE + 'x'.repeat(2_000_000), siteName: HOSTILE })], { remove: vi.fn(), url: (path) => path });
    expect(list.querySelector('img')).toBeNull();
    const title = list.querySelector('.article-title')!;
    expect(title.textContent!.startsWith(HOSTILE)).toBe(true);
    expect(title.textContent!.length).toBe(LIBRARY_DISPLAY_MAX_CHARS + 1);
    expect(title.getAttribute('dir')).toBe('auto');
  });
});

describe('library search', () => {
  it('finds articles by words of their text, with prefixes, and gives an excerpt around the match', () => {
    const search = buildSearch([entry(), entry({ id: 'saved-2', title: 'Other', paragraphs: ['Nothing to see here at all.'] })]);
    const hits = search.search('carrier');
    expect(hits.map((hit) => hit.id)).toEqual(['saved-1']);
    expect(hits[0]!.terms).toContain('carriers');
    expect(hits[0]!.snippet).toBe('Carriers count the cost.');
    expect(search.search('   ')).toEqual([]);
  });

  it('cuts an excerpt of a huge paragraph to about a snippet', () => {
    const text = `${'a '.repeat(100_000)}needle ${'b '.repeat(100_000)}`;
    const cut = excerpt([text], ['needle']);
    expect(cut).toContain('needle');
    expect(cut.length).toBeLessThanOrEqual(LIBRARY_SNIPPET_CHARS + 2);
  });
});

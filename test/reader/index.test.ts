// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readerPath } from '../../src/shared/knowledge/reader-link';
import { ARTICLES } from '../../src/shared/library';

// The page reads the reader's catalog from storage: the fake browser's is empty, so the bundled catalog marks names.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

/** happy-dom's own handle on the window, used to set the page address. */
interface HappyDomWindow {
  happyDOM: { setURL(url: string): void };
}

const article = ARTICLES[0]!;
const sentenceEnd = article.paragraphs[3]!.indexOf('.') + 1;

function stubReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query.includes('reduce'), media: query }));
}

async function openReader(path: string) {
  (window as unknown as HappyDomWindow).happyDOM.setURL(`chrome-extension://backstory/${path}`);
  document.body.replaceChildren();
  const root = document.createElement('div');
  root.id = 'reader-root';
  document.body.append(root);
  const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
  vi.resetModules();
  await import('../../src/reader/index');
  return scroll;
}

beforeEach(() => stubReducedMotion(false));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('reader page entry', () => {
  it('opens at the linked sentence: marks it, focuses it and scrolls it into view smoothly', async () => {
    const scroll = await openReader(readerPath(article.id, 3, { start: 0, end: sentenceEnd }));
    const mark = document.querySelector('#paragraph-3 mark');
    expect(mark?.textContent).toBe(article.paragraphs[3]!.slice(0, sentenceEnd));
    expect(document.activeElement).toBe(mark);
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
    expect(scroll.mock.contexts[0]).toBe(mark);
  });

  it('jumps without smooth scrolling when the user prefers reduced motion', async () => {
    stubReducedMotion(true);
    const scroll = await openReader(readerPath(article.id, 5));
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
  });

  it('scrolls nowhere when the article is unknown', async () => {
    const scroll = await openReader(readerPath('missing', 1));
    expect(scroll).not.toHaveBeenCalled();
    expect(document.querySelector('[role="status"]')?.textContent).toContain('\u201Cmissing\u201D');
  });
});

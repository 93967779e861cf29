// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readerPath } from '../../src/shared/knowledge/reader-link';
import { ARTICLES } from '../../src/shared/library';
import type { BackgroundHandlers } from '../../src/shared/messages';

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

/** The background, as far as the reader page asks it: the bundled articles ship there. Imported after
 * the module reset, so it listens on the same fake browser as the page. */
async function answerAsBackground() {
  const { onBackgroundRequest } = await import('../../src/shared/messages');
  onBackgroundRequest({ 'reference-articles': () => [...ARTICLES] } as Partial<BackgroundHandlers> as BackgroundHandlers);
}

async function openReader(path: string) {
  (window as unknown as HappyDomWindow).happyDOM.setURL(`chrome-extension://backstory/${path}`);
  document.body.replaceChildren();
  const root = document.createElement('div');
  root.id = 'reader-root';
  document.body.append(root);
  const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
  vi.resetModules();
  await answerAsBackground();
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
    await vi.waitFor(() => expect(scroll).toHaveBeenCalled());
    const mark = document.querySelector('#paragraph-3 mark');
    expect(mark?.textContent).toBe(article.paragraphs[3]!.slice(0, sentenceEnd));
    expect(document.activeElement).toBe(mark);
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
    expect(scroll.mock.contexts[0]).toBe(mark);
  });

  it('jumps without smooth scrolling when the user prefers reduced motion', async () => {
    stubReducedMotion(true);
    const scroll = await openReader(readerPath(article.id, 5));
    await vi.waitFor(() => expect(scroll).toHaveBeenCalled());
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
  });

  it('scrolls nowhere when the article is unknown', async () => {
    const scroll = await openReader(readerPath('missing', 1));
    await vi.waitFor(() => expect(document.querySelector('[role="status"]')?.textContent).toContain('\u201Cmissing\u201D'));
    // The list offers the bundled articles, which came from the background.
    expect(document.querySelectorAll('#reader-root nav li')).toHaveLength(ARTICLES.length);
    expect(scroll).not.toHaveBeenCalled();
  });
});

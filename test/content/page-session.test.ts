// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registeredHighlights } from './support/highlight-api';
import { CATALOG, catalogById } from '../../src/shared/catalog/entities';
import { compileMatcher, type CompiledMatcher, type PageMatcher } from '../../src/shared/matcher';
import { defaultSettings } from '../../src/shared/settings/schema';
import { startPageSession, type PageSession } from '../../src/content/page-session';
import { yieldToPage } from '../../src/content/highlighter';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const matcher = compileMatcher(CATALOG);
let session: PageSession | undefined;

afterEach(() => {
  session?.stop();
  session = undefined;
  document.body.replaceChildren();
});

/** The real matcher, each page's scanner wrapped by `watch` (which gets the real one). */
function watchedMatcher(watch: (inner: PageMatcher) => Partial<PageMatcher>): CompiledMatcher {
  return {
    mayName: (text) => matcher.mayName(text),
    newPage() {
      const inner = matcher.newPage();
      return { ...inner, ...watch(inner) };
    },
  };
}

function start(html: string): PageSession {
  document.body.innerHTML = html;
  session = startPageSession({ matcher, entities: catalogById, settings: defaultSettings(), onChange: () => undefined });
  return session;
}

describe('a page session', () => {
  it('highlights a headline’s surnames once the body names the people in full', async () => {
    const page = start('<h1>Trump–Xi talks end in a truce</h1><p>President Donald Trump met Chinese leader Xi Jinping in Busan.</p>');
    await page.ready;
    expect(page.counts().get('xi-jinping')).toBe(2);
    expect(page.counts().get('donald-trump')).toBe(2);
  });

  it('reads again only the runs that held a name back, not the whole page', async () => {
    const scans = new Map<string, number>();
    const counting = watchedMatcher((inner) => ({
      scanBlock(text) {
        scans.set(text, (scans.get(text) ?? 0) + 1);
        return inner.scanBlock(text);
      },
    }));
    const paragraphs = Array.from({ length: 20 }, (_, index) => `<p>Paragraph ${index} names Nvidia and nobody else.</p>`).join('');
    document.body.innerHTML = `<h1>Bessent flies to Geneva</h1>${paragraphs}<p>Treasury secretary Scott Bessent said talks went well.</p>`;
    session = startPageSession({ matcher: counting, entities: catalogById, settings: defaultSettings(), onChange: () => undefined });
    await session.ready;
    expect(session.counts().get('scott-bessent')).toBe(2);
    expect(scans.get('Bessent flies to Geneva')).toBe(2);
    expect(scans.get('Paragraph 7 names Nvidia and nobody else.')).toBe(1);
  });

  it('weighs the page for the names held back only after the page has run, not in the task of the last reading', async () => {
    let readingInThisTask = false;
    const settledInReadingTask: boolean[] = [];
    const watching = watchedMatcher((inner) => ({
      scanBlock(text) {
        readingInThisTask = true;
        // Queued with the same mechanism as the session's own yield, so it runs before it.
        void yieldToPage().then(() => (readingInThisTask = false));
        return inner.scanBlock(text);
      },
      settle() {
        settledInReadingTask.push(readingInThisTask);
        return inner.settle();
      },
    }));
    document.body.innerHTML = '<h1>Trump–Xi talks end in a truce</h1><p>President Donald Trump met Chinese leader Xi Jinping in Busan.</p>';
    session = startPageSession({ matcher: watching, entities: catalogById, settings: defaultSettings(), onChange: () => undefined });
    await session.ready;
    expect(session.counts().get('xi-jinping')).toBe(2);
    expect(settledInReadingTask.length).toBeGreaterThan(0);
    expect(settledInReadingTask).not.toContain(true);
  });

  it('reads nothing again once stopped, though the page had names held back', async () => {
    document.body.innerHTML = '<h1>Trump–Xi talks end in a truce</h1><p>President Donald Trump met Chinese leader Xi Jinping in Busan.</p>';
    // Switched off as the first highlights appear: the held-back headline must not bring them back.
    const page: PageSession = startPageSession({ matcher, entities: catalogById, settings: defaultSettings(), onChange: () => page.stop() });
    session = page;
    await page.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registeredHighlights()).toEqual(new Map());
  });
});

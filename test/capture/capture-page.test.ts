// @vitest-environment happy-dom
/**
 * Capture on real DOMs: a committed page with a site frame (nav, sidebar, footer), a search page
 * with no article, and, where ../shared/realworld-pages exists, pages as news sites served them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../src/capture/capture-page';
import type { CaptureResult, CapturedPage } from '../../src/shared/library/types';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/library');
const REALWORLD = path.resolve(import.meta.dirname, '../../../shared/realworld-pages');

function capture(html: string, url: string): CaptureResult {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return capturePage(doc, new URL(url));
}

function captured(html: string, url: string): CapturedPage {
  const result = capture(html, url);
  if (!result.ok) throw new Error(`no capture: ${result.reason}`);
  return result.page;
}

describe('capturePage on a framed article', () => {
  const html = readFileSync(path.join(FIXTURES, 'framed-article.html'), 'utf8');
  const page = captured(html, 'http://127.0.0.1:8000/tech/telecom?utm=x#comments');

  it('keeps the metadata the page declares, the published date and never the modified one', () => {
    expect(page).toMatchObject({
      title: 'Telecom breach inquiry widens as carriers count the cost',
      siteName: 'The Harbour Ledger',
      author: 'Maren Okafor',
      published: '2025-11-21T07:30:00.000Z',
      lang: 'en-GB',
      url: 'https://harbour-ledger.example/tech/telecom-breach-inquiry',
    });
  });

  it('keeps the article as plain-text paragraphs, and nothing of the nav, sidebar or footer', () => {
    expect(page.paragraphs).toContain(
      'Investigators looking into the Salt Typhoon intrusions said this week that the campaign reached further into regional carriers than first thought, touching billing systems as well as the lawful-intercept equipment that drew the earliest alarm.',
    );
    expect(page.paragraphs).toContain('What happens next');
    expect(page.paragraphs).toContain('Carriers must file an incident timeline by 15 December.');
    expect(page.paragraphs).toContain('Nobody has told customers what was read, and that silence is becoming a story of its own.');
    const all = page.paragraphs.join('\n');
    for (const outside of ['Alibaba', 'H200', 'Subscribe', 'Hudson Institute', 'Privacy', 'Markets']) expect(all).not.toContain(outside);
    for (const paragraph of page.paragraphs) {
      expect(paragraph).toBe(paragraph.replace(/\s+/g, ' ').trim());
      expect(paragraph).not.toMatch(/<[a-z]/i);
    }
  });

  it('uses the address without its fragment when there is no canonical link, and the host when no site name', () => {
    const bare = html.replace(/<link rel="canonical"[^>]*>/, '').replace(/<meta property="og:site_name"[^>]*>/, '');
    const result = captured(bare, 'https://www.harbour.example/story?id=4#top');
    expect(result.url).toBe('https://www.harbour.example/story?id=4');
    // JSON-LD's publisher is the next thing the page declares.
    expect(result.siteName).toBe('Harbour Ledger Media');
    const noLd = bare.replace(/<script type="application\/ld\+json">.*<\/script>/, '');
    expect(captured(noLd, 'https://www.harbour.example/story').siteName).toBe('harbour.example');
  });
});

describe('capturePage refuses what is not an article', () => {
  it('finds no article on a search page', () => {
    expect(capture(readFileSync(path.join(FIXTURES, 'search-page.html'), 'utf8'), 'http://127.0.0.1/search?q=telecom')).toEqual({
      ok: false,
      reason: 'no-article',
    });
  });

  it('finds no article on an empty app shell', () => {
    expect(capture('<!doctype html><body><div id="root"></div></body>', 'http://127.0.0.1/app')).toEqual({ ok: false, reason: 'no-article' });
  });

  it('reports a page too big to read instead of parsing it', () => {
    const huge = `<!doctype html><body><article><p>${'word '.repeat(900_000)}</p></article></body>`;
    expect(capture(huge, 'http://127.0.0.1/huge')).toEqual({ ok: false, reason: 'too-big' });
  });

  it('keeps hostile text as text', () => {
    const hostile = `<!doctype html><body><article><h1>Hostile</h1>${Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} says &lt;img src=x onerror=alert(1)&gt; and \u202Egnitirw desrever\u202C, plus enough words to be an article of its own right here.</p>`,
    ).join('')}</article></body>`;
    const page = captured(hostile, 'http://127.0.0.1/hostile');
    const first = page.paragraphs.find((paragraph) => paragraph.startsWith('Paragraph 0'));
    expect(first).toContain('<img src=x onerror=alert(1)>');
    expect(first).toContain('\u202E');
  });
});

const REALWORLD_PAGES: Array<[file: string, expected: { siteName: string; phrase: string }]> = [
  // The NYT page declares no site name, so its host (the test server's) stands in.
  ['25-news-nytimes-yahoo-verizon.html', { siteName: '127.0.0.1', phrase: 'Remain Co.' }],
  ['30-news-theverge.html', { siteName: 'The Verge', phrase: 'Vision Pro' }],
];

describe.skipIf(!existsSync(REALWORLD))('capturePage on real news pages (../shared/realworld-pages)', () => {
  it.each(REALWORLD_PAGES)('%s gives an article with its site and text', (file, expected) => {
    const html = readFileSync(path.join(REALWORLD, file), 'utf8');
    const page = captured(html, `http://127.0.0.1:8000/${file}`);
    expect(page.paragraphs.length).toBeGreaterThan(5);
    expect(page.paragraphs.join(' ')).toContain(expected.phrase);
    expect(page.siteName.toLowerCase()).toContain(expected.siteName.toLowerCase());
  });
});

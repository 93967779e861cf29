// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { generateArticlePage, generateStreamingPage, ONE_MEGABYTE_PAGE, renderMention } from '../../../scripts/bench/pages';
import { FILLER_WORDS } from '../../../scripts/bench/vocabulary';

const NAMES = ['Salt Typhoon', 'Ministry of State Security', 'Nvidia', 'Xi Jinping'];

function textOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.body.textContent ?? '';
}

describe('generateArticlePage', () => {
  it('is byte-identical for the same seed', () => {
    const options = { ...ONE_MEGABYTE_PAGE, paragraphs: 50, mentions: 20, title: 'T', names: NAMES };
    expect(generateArticlePage(options).html).toBe(generateArticlePage(options).html);
    expect(generateArticlePage({ ...options, seed: options.seed + 1 }).html).not.toBe(generateArticlePage(options).html);
  });

  it('makes the 1 MB page of the issue: about a megabyte, ~152,000 words, 733 mentions', () => {
    const page = generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: '1 MB', names: NAMES });
    expect(page.bytes).toBeGreaterThan(0.9 * 1024 * 1024);
    expect(page.bytes).toBeLessThan(1.15 * 1024 * 1024);
    expect(page.words).toBeGreaterThan(140_000);
    expect(page.words).toBeLessThan(165_000);
    expect(page.plantedMentions).toBe(733);
    expect(page.html.match(/<p id=/g)).toHaveLength(2000);
  });

  it('plants names whole in the text, also when split across inline elements', () => {
    const page = generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 200, mentions: 150, title: 'T', names: NAMES });
    const text = textOf(page.html);
    const found = NAMES.reduce((sum, name) => sum + text.split(name).length - 1, 0);
    expect(found).toBe(150);
    expect(page.html).toContain('Salt <em>Typhoon</em>');
    expect(page.html).toMatch(/<a href="#p\d+">Nvidia<\/a>\u2019s/);
  });

  it('without names, contains none of them (filler names nothing)', () => {
    const page = generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 300, title: 'T', names: [] });
    const text = textOf(page.html);
    expect(page.plantedMentions).toBe(0);
    for (const name of NAMES) expect(text).not.toContain(name);
    for (const word of ['typhoon', 'nvidia', 'security', 'house', 'trade']) expect(FILLER_WORDS).not.toContain(word);
  });
});

describe('renderMention', () => {
  it('escapes the name and falls back to a link for one-word names in split styles', () => {
    expect(renderMention('AT&T', 'plain', 'p1')).toBe('AT&amp;T');
    expect(renderMention('Nvidia', 'split-emphasis', 'p1')).toBe('<a href="#p1">Nvidia</a>\u2019s');
    expect(renderMention('Salt Typhoon', 'split-strong', 'p1')).toBe('<strong>Salt</strong> Typhoon');
  });
});

describe('generateStreamingPage', () => {
  it('holds the appended paragraphs in an inert template and a script that appends them', () => {
    const page = generateStreamingPage({ ...ONE_MEGABYTE_PAGE, paragraphs: 5, mentions: 2, title: 'T', names: NAMES, appended: 30, intervalMs: 50 });
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    expect(doc.querySelectorAll('article p')).toHaveLength(5);
    expect(doc.querySelector('template')?.content.querySelectorAll('p')).toHaveLength(30);
    expect(page.html).toContain("performance.mark('bench-append')");
    expect(page.paragraphs).toBe(35);
  });
});

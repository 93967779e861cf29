import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR } from '../../../scripts/library/import-seeds';
import { SEEDS } from '../../../scripts/library/seeds';
import { ARTICLES, getArticle } from '../../../src/shared/library';

const seedsPresent = existsSync(DEFAULT_SEEDS_DIR);
const seedsNote = seedsPresent ? '' : ` (skipped: ${DEFAULT_SEEDS_DIR} is absent)`;

describe('reference library', () => {
  it('holds the two articles with honest metadata only', () => {
    expect(ARTICLES.map(({ id, publisher, headline }) => ({ id, publisher, headline }))).toEqual([
      { id: 'ft-us-halts-mss-sanctions', publisher: 'Financial Times', headline: null },
      {
        id: 'cnews-us-shelves-mss-sanctions',
        publisher: 'CNews Live',
        headline: 'U.S. Shelves Sanctions Against Chinese Spy Agency to Protect Fragile Trade Truce',
      },
    ]);
    for (const article of ARTICLES) expect(Object.keys(article).sort()).toEqual(['headline', 'id', 'paragraphs', 'publisher']);
  });

  it('has no boilerplate line, link or repeated headline in any paragraph', () => {
    for (const article of ARTICLES) {
      const spec = SEEDS.find((seed) => seed.id === article.id);
      expect(spec).toBeDefined();
      for (const paragraph of article.paragraphs) {
        for (const boilerplate of spec!.boilerplate) expect(paragraph).not.toContain(boilerplate);
        expect(paragraph).not.toMatch(/https?:\/\//);
        expect(paragraph).not.toMatch(/newsletter|WhatsApp|comments posted here/i);
        if (article.headline !== null) expect(paragraph).not.toBe(article.headline);
      }
    }
  });

  it('has non-empty, trimmed paragraphs', () => {
    for (const article of ARTICLES) {
      expect(article.paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of article.paragraphs) expect(paragraph.trim()).toBe(paragraph);
      for (const paragraph of article.paragraphs) expect(paragraph.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(!seedsPresent)(`keeps each paragraph character for character as a line of its seed, in order${seedsNote}`, () => {
    for (const article of ARTICLES) {
      const spec = SEEDS.find((seed) => seed.id === article.id)!;
      const seedLines = readFileSync(path.join(DEFAULT_SEEDS_DIR, spec.file), 'utf8').split(/\r?\n/);
      let cursor = 0;
      for (const paragraph of article.paragraphs) {
        const at = seedLines.indexOf(paragraph, cursor);
        expect(at, paragraph).toBeGreaterThanOrEqual(cursor);
        cursor = at + 1;
      }
    }
  });

  it.skipIf(!seedsPresent)(`drops exactly the seed's boilerplate lines and nothing else${seedsNote}`, () => {
    for (const article of ARTICLES) {
      const spec = SEEDS.find((seed) => seed.id === article.id)!;
      const seedLines = readFileSync(path.join(DEFAULT_SEEDS_DIR, spec.file), 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '');
      const dropped = seedLines.filter((line) => !article.paragraphs.includes(line));
      const expected = [...spec.boilerplate, ...(article.headline === null ? [] : [article.headline])];
      expect(new Set(dropped)).toEqual(new Set(expected));
    }
  });

  it('finds an article by id and reports an unknown id as undefined', () => {
    expect(getArticle('cnews-us-shelves-mss-sanctions')?.publisher).toBe('CNews Live');
    expect(getArticle('no-such-article')).toBeUndefined();
  });
});

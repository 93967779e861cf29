import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromSeed, DEFAULT_SEEDS_DIR, importSeeds, LIBRARY_PATH, serializeLibrary } from '../../../scripts/library/import-seeds';
import type { SeedSpec } from '../../../scripts/library/seeds';

const seedsPresent = existsSync(DEFAULT_SEEDS_DIR);
const seedsNote = seedsPresent ? '' : ` (skipped: ${DEFAULT_SEEDS_DIR} is absent; the committed library is used as is)`;

const spec: SeedSpec = {
  file: 'example.txt',
  id: 'example',
  publisher: 'Example Daily',
  headline: 'first-line',
  boilerplate: ['Subscribe now', 'The comments are not ours.'],
};

describe('articleFromSeed', () => {
  it('keeps the headline once and drops its repeats, boilerplate and blank lines', () => {
    const seed = 'A Headline\r\n\r\nA Headline\r\n\r\nSubscribe now\r\nFirst \u201Cparagraph\u201D.\r\n\r\nSecond\u2014one.\r\n\r\nThe comments are not ours.';
    expect(articleFromSeed(seed, spec)).toEqual({
      id: 'example',
      publisher: 'Example Daily',
      headline: 'A Headline',
      paragraphs: ['First \u201Cparagraph\u201D.', 'Second\u2014one.'],
    });
  });

  it('leaves the headline null when the spec says the text has none', () => {
    const article = articleFromSeed('Subscribe now\nBody.\nThe comments are not ours.', { ...spec, headline: 'none' });
    expect(article.headline).toBeNull();
    expect(article.paragraphs).toEqual(['Body.']);
  });

  it('fails loudly when a boilerplate line is missing, so a changed seed is noticed', () => {
    expect(() => articleFromSeed('A Headline\nBody.\nThe comments are not ours.', spec)).toThrow(/Subscribe now/);
  });

  it('fails loudly when nothing but boilerplate is left', () => {
    expect(() => articleFromSeed('Subscribe now\nThe comments are not ours.', { ...spec, headline: 'none' })).toThrow(/no paragraphs/);
  });
});

describe('the committed library', () => {
  it.skipIf(!seedsPresent)(`is exactly what re-importing the seeds produces${seedsNote}`, async () => {
    const reimported = serializeLibrary(await importSeeds());
    expect(reimported).toBe(readFileSync(LIBRARY_PATH, 'utf8'));
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { compileMatcher } from '../../../src/shared/matcher';
import { generateArticlePage, ONE_MEGABYTE_PAGE } from '../../../scripts/bench/pages';
import { syntheticCatalog } from '../../../scripts/bench/synthetic-catalog';

describe('syntheticCatalog', () => {
  it('is reproducible, with unique ids and names', () => {
    const entries = syntheticCatalog(500, 1);
    expect(entries).toEqual(syntheticCatalog(500, 1));
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(500);
    expect(new Set(entries.map((entry) => entry.name)).size).toBe(500);
  });

  it('names nothing on a generated page, so only the catalog size changes', () => {
    const page = generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 100, title: 'T', names: [] });
    const text = page.html.replace(/<[^>]+>/g, ' ');
    const matcher = compileMatcher([...CATALOG, ...syntheticCatalog(2000, 5000)]).newPage();
    expect(matcher.scanBlock(text)).toEqual([]);
  });
});

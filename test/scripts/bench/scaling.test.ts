import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { compileMatcher } from '../../../src/shared/matcher';
import { syntheticCatalog } from '../../../scripts/synthetic-catalog';
import { plantableNames } from '../../../scripts/bench/names';
import { generateArticlePage, ONE_MEGABYTE_PAGE } from '../../../scripts/bench/pages';

/** The scaling curve is only a curve if the padding changes the catalog and nothing else. */
describe('the scaling page and the synthetic padding', () => {
  const page = generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 150, mentions: 60, title: 'T', names: plantableNames(CATALOG, ONE_MEGABYTE_PAGE.maxNames) });
  const blocks = page.html.match(/<p id=[^>]*>.*?<\/p>/g)?.map((block) => block.replace(/<[^>]+>/g, '')) ?? [];

  const mentions = (catalogSize: number) => {
    const matcher = compileMatcher([...CATALOG, ...syntheticCatalog(catalogSize - CATALOG.length)]).newPage();
    return blocks.flatMap((block) => matcher.scanBlock(block).map((mention) => mention.entityId));
  };

  it('finds the same mentions with 25 and 5,000 entries: the synthetic names never occur', () => {
    const small = mentions(CATALOG.length);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((id) => !id.startsWith('synthetic-'))).toBe(true);
    expect(mentions(5000)).toEqual(small);
  }, 60_000); // compiling 5,000 entries is slow work on a shared 2-core machine
});

import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/shared/catalog/entities';
import { compileMatcher } from '../../src/shared/matcher';
import { syntheticCatalog } from '../../scripts/synthetic-catalog';

describe('syntheticCatalog', () => {
  it('makes the number of entries asked for, with unique ids and names', () => {
    const catalog = syntheticCatalog(5000);
    expect(catalog).toHaveLength(5000);
    expect(new Set(catalog.map((entry) => entry.id)).size).toBe(5000);
    expect(new Set(catalog.map((entry) => entry.name)).size).toBe(5000);
  });

  it('is the same for the same size', () => {
    expect(syntheticCatalog(50)).toEqual(syntheticCatalog(50));
  });

  it('makes names that read like names, not words of the seed articles', () => {
    const matcher = compileMatcher(syntheticCatalog(5000));
    expect(matcher.newPage().scanBlock('The US has halted plans to impose sanctions on China over a cyber espionage campaign.')).toEqual([]);
  });
});

describe('a catalog of 5,000 entries', () => {
  const catalog = [...CATALOG, ...syntheticCatalog(5000 - CATALOG.length)];
  const matcher = compileMatcher(catalog);

  it('finds every hundredth entry by its full name, and the real entries still', () => {
    const sample = catalog.filter((_, index) => index % 100 === 0);
    const page = matcher.newPage();
    for (const entry of sample) {
      const name = entry.forms[0] ?? '';
      const block = `Yesterday, ${name} announced a plan.`;
      const mentions = page.scanBlock(block);
      expect(mentions.map((m) => [m.entityId, block.slice(m.start, m.end)]), name).toEqual([[entry.id, name]]);
    }
    expect(page.scanBlock('Salt Typhoon hit Nvidia’s H200 chips.').map((m) => m.entityId)).toEqual(['salt-typhoon', 'nvidia', 'h200']);
  });

  it('keeps short forms waiting for their full name', () => {
    const person = catalog.find((entry) => entry.id.startsWith('synthetic-') && entry.shortForms !== undefined);
    const surname = person?.shortForms?.[0] ?? '';
    const page = matcher.newPage();
    expect(page.scanBlock(`Then ${surname} left.`)).toEqual([]);
    page.scanBlock(`${person?.forms[0] ?? ''} arrived.`);
    expect(page.scanBlock(`Then ${surname} left.`).length).toBe(1);
  });
});

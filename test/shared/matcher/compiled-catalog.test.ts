import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { compileMatcher, matcherFromPrecompiled, precompiledCatalogJson, type PrecompiledCatalog } from '../../../src/shared/matcher';
import { precompileCatalog } from '../../../src/shared/matcher/compiled-catalog';
import { syntheticCatalog } from '../../../scripts/synthetic-catalog';

const TEXT = 'Salt Typhoon hacked carriers, and Nvidia said H200 exports to China resumed. Scott Bessent agreed.';

function mentions(precompiled?: PrecompiledCatalog): string[] {
  return compileMatcher(CATALOG, precompiled)
    .newPage()
    .scanBlock(TEXT)
    .map((mention) => `${mention.entityId}@${mention.start}`);
}

describe('precompiled catalog', () => {
  it('survives JSON and finds exactly what compiling from the catalog finds', () => {
    const precompiled = JSON.parse(precompiledCatalogJson(CATALOG)) as PrecompiledCatalog;
    expect(precompiled).toEqual(precompileCatalog(CATALOG));
    expect(mentions(precompiled)).toEqual(mentions());
    expect(mentions().length).toBeGreaterThan(2);
  });

  it('is used for the catalog it was made from', () => {
    const finder = { shape: 'none' } as const;
    expect(mentions({ ...precompileCatalog(CATALOG), finder })).toEqual([]);
  });

  it('is ignored when made from another catalog (a stale build), so nothing is missed', () => {
    const edited = CATALOG.map((entry, index) => (index === 0 ? { ...entry, forms: [...entry.forms, 'Extra Form'] } : entry));
    const stale = { ...precompileCatalog(edited), finder: { shape: 'none' } as const };
    expect(mentions(stale)).toEqual(mentions());
  });

  it('is taken as it is, unchecked, when one build made it from the catalog it bundles', () => {
    const edited = CATALOG.map((entry, index) => (index === 0 ? { ...entry, forms: [...entry.forms, 'Extra Form'] } : entry));
    const other = { ...precompileCatalog(edited), finder: { shape: 'none' } as const };
    expect(matcherFromPrecompiled(CATALOG, other).newPage().scanBlock(TEXT)).toEqual([]);
  });

  it('taken unchecked without a sieve (data written before it existed), reads every block and finds the same', () => {
    const { sieve: _written, ...withoutSieve } = precompileCatalog(CATALOG);
    const matcher = matcherFromPrecompiled(CATALOG, withoutSieve);
    expect(matcher.mayName('Nothing to see here.')).toBe(true);
    expect(compileMatcher(CATALOG).mayName('Nothing to see here.')).toBe(false);
    expect(matcher.newPage().scanBlock(TEXT).map((mention) => `${mention.entityId}@${mention.start}`)).toEqual(mentions());
  });

  it('keeps the dispatching shape of a large catalog through JSON', () => {
    const large = syntheticCatalog(3000);
    const precompiled = JSON.parse(precompiledCatalogJson(large)) as PrecompiledCatalog;
    expect(precompiled.finder.shape).toBe('dispatch');
    const name = large[1234]?.forms[0] ?? '';
    const text = `Reports said ${name} met officials.`;
    const found = (matcherArgs: [PrecompiledCatalog?]) =>
      compileMatcher(large, ...matcherArgs).newPage().scanBlock(text).map((mention) => text.slice(mention.start, mention.end));
    expect(found([precompiled])).toEqual(found([]));
    expect(found([precompiled])).toContain(name);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import { catalogSurfaces, catalogVariants, formKey } from '../../../src/shared/matcher/catalog-variants';
import { neighbourTest } from '../../../src/shared/matcher/neighbour-words';
import { syntheticCatalog } from '../../../scripts/synthetic-catalog';

// Counts rule compiles: every entry's rules build two neighbour tests.
vi.mock('../../../src/shared/matcher/neighbour-words', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/shared/matcher/neighbour-words')>();
  return { ...original, neighbourTest: vi.fn(original.neighbourTest) };
});

/** Every form of the catalog as [key, entry id, kind, form], in catalog order. */
function formsInOrder(catalog: readonly CatalogEntry[]): [string, string, string, string][] {
  return catalog.flatMap((entry) => [
    ...entry.forms.map((form) => [formKey(form), entry.id, 'full', form] as [string, string, string, string]),
    ...(entry.shortForms ?? []).map((form) => [formKey(form), entry.id, 'short', form] as [string, string, string, string]),
    ...(entry.ambiguousForms ?? []).map(({ form }) => [formKey(form), entry.id, 'ambiguous', form] as [string, string, string, string]),
  ]);
}

const SHARED: CatalogEntry[] = [
  { id: 'first', name: 'First', category: 'company', forms: ['Blue Origin', 'Blue'], shortForms: ['Origin'] },
  { id: 'second', name: 'Second', category: 'place', forms: ['Origin'], ambiguousForms: [{ form: 'BLUE', caseRule: 'exact', contextAnyOf: ['sky'] }] },
];

describe('catalog variants', () => {
  it('gives each key the forms that fold to it, entry by entry in catalog order, with their kinds', () => {
    for (const catalog of [CATALOG, SHARED, syntheticCatalog(300)]) {
      const variants = catalogVariants(catalog);
      const expected = new Map<string, string[]>();
      for (const [key, id, kind, form] of formsInOrder(catalog)) expected.set(key, [...(expected.get(key) ?? []), `${id}/${kind}/${form}`]);
      for (const [key, list] of expected) {
        expect(variants.hasKey(key)).toBe(true);
        expect(variants.variantsFor(key).map((variant) => `${variant.entry.id}/${variant.kind}/${variant.form}`)).toEqual(list);
      }
    }
  });

  it('keeps an entry’s rules and an ambiguous form’s context with its variants', () => {
    const variants = catalogVariants(SHARED);
    const [blue, capitals] = variants.variantsFor('blue');
    expect(blue?.contextAnyOf).toBeNull();
    expect(capitals?.caseRule).toBe('exact');
    expect(capitals?.contextAnyOf?.test('a clear sky')).toBe(true);
    expect(capitals?.contextAnyOf?.test('a clear night')).toBe(false);
    // Both forms of one entry share its rules, compiled once.
    expect(variants.variantsFor('blue origin')[0]?.entry).toBe(blue?.entry);
  });

  it('knows nothing of text that names nothing', () => {
    const variants = catalogVariants(SHARED);
    expect(variants.hasKey('red')).toBe(false);
    expect(variants.variantsFor('red')).toEqual([]);
  });

  it('compiles the rules of only the entries asked for, each once', () => {
    const large = syntheticCatalog(2000);
    const variants = catalogVariants(large);
    const compiles = vi.mocked(neighbourTest);
    compiles.mockClear();
    const key = formKey(large[1234]?.forms[0] ?? '');
    expect(variants.variantsFor(key).map((variant) => variant.entry.id)).toEqual([large[1234]?.id]);
    expect(variants.hasKey(formKey(large[7]?.forms[0] ?? ''))).toBe(true);
    expect(compiles).toHaveBeenCalledTimes(2);
    expect(variants.variantsFor(key)).toBe(variants.variantsFor(key));
    expect(compiles).toHaveBeenCalledTimes(2);
  });

  it('lists every spelling the case rules admit, and nothing twice', () => {
    const surfaces = [...catalogSurfaces(SHARED)];
    expect(surfaces).toEqual(['Blue Origin', 'BLUE ORIGIN', 'Blue', 'BLUE', 'Origin', 'ORIGIN']);
  });
});

import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import { allForms, plantableNames } from '../../../scripts/bench/names';

const entry = (id: string, forms: string[], extra: Partial<CatalogEntry> = {}): CatalogEntry => ({ id, name: id, category: 'company', forms, ...extra });

describe('plantableNames', () => {
  const catalog = [entry('a', ['Alpha Corp', 'Alpha']), entry('b', ['Beta Group']), entry('c', ['Gamma Ltd', 'Gamma Co'], { shortForms: ['Gamma'] })];

  it('takes each entity’s first form before any second form, never short forms', () => {
    expect(plantableNames(catalog, 10)).toEqual(['Alpha Corp', 'Beta Group', 'Gamma Ltd', 'Alpha', 'Gamma Co']);
    expect(plantableNames(catalog, 2)).toEqual(['Alpha Corp', 'Beta Group']);
  });

  it('gives the floor every surface form', () => {
    const withAmbiguous = [...catalog, entry('d', ['Delta Inc'], { ambiguousForms: [{ form: 'DI', contextAnyOf: ['delta'] }] })];
    expect(allForms(withAmbiguous)).toEqual(['Alpha Corp', 'Alpha', 'Beta Group', 'Gamma Ltd', 'Gamma Co', 'Gamma', 'Delta Inc', 'DI']);
  });
});

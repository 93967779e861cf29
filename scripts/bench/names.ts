/** Which catalog names the bench plants in its pages and which it gives the floor's pattern. */
import type { CatalogEntry } from '../../src/shared/catalog/types';

/**
 * Up to `max` forms that always name their entity (`forms`, never short or ambiguous ones), one
 * per entity first and then second forms, so every entity is on the page before any repeats.
 */
export function plantableNames(catalog: readonly CatalogEntry[], max: number): string[] {
  const names: string[] = [];
  const deepest = Math.max(0, ...catalog.map((entry) => entry.forms.length));
  for (let depth = 0; depth < deepest && names.length < max; depth++) {
    for (const entry of catalog) {
      const form = entry.forms[depth];
      if (form !== undefined && !names.includes(form)) names.push(form);
      if (names.length >= max) break;
    }
  }
  return names;
}

/** Every surface form in the catalog: what one combined pattern must look for. */
export function allForms(catalog: readonly CatalogEntry[]): string[] {
  return catalog.flatMap((entry) => [...entry.forms, ...(entry.shortForms ?? []), ...(entry.ambiguousForms ?? []).map((form) => form.form)]);
}

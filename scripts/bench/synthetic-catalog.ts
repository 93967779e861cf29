/**
 * Synthetic catalog entries for the scaling curve: made-up names built from syllables that form
 * no English word, so they never match a generated page and only the catalog's size changes.
 * Their shape follows the real catalog: a full form, sometimes a second form, a short form and
 * an ambiguous form with context, across every category.
 */
import { CATEGORIES, type CatalogEntry } from '../../src/shared/catalog/types';
import { createRandom } from './random';

const SYLLABLES = ['zor', 'vak', 'quil', 'dren', 'bax', 'yth', 'morv', 'kesh', 'plon', 'trux', 'gav', 'zim', 'oxa', 'fen', 'ulk', 'wib', 'chaz', 'nesk', 'rhu', 'jov'];

function pseudoWord(next: () => number): string {
  const count = 2 + Math.floor(next() * 2);
  let word = '';
  for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? '';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function syntheticCatalog(size: number, seed: number): CatalogEntry[] {
  const random = createRandom(seed);
  const taken = new Set<string>();
  const entries: CatalogEntry[] = [];
  while (entries.length < size) {
    const first = pseudoWord(random.next);
    const last = pseudoWord(random.next);
    const name = `${first} ${last}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const index = entries.length;
    const entry: CatalogEntry = {
      id: `synthetic-${index}`,
      name,
      category: CATEGORIES[index % CATEGORIES.length] ?? 'organisation',
      forms: index % 3 === 0 ? [name, `${name} ${pseudoWord(random.next)}`] : [name],
      ...(index % 2 === 0 ? { shortForms: [last] } : {}),
      ...(index % 5 === 0 ? { ambiguousForms: [{ form: first.toUpperCase(), caseRule: 'exact' as const, contextAnyOf: [last] }] } : {}),
    };
    entries.push(entry);
  }
  return entries;
}

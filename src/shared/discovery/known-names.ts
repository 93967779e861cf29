/**
 * Names the reader already has. Catalog entities and kept names are recognised, not offered;
 * dismissed names are not offered again. Comparison is on folded full forms (case, apostrophes,
 * spaces and a leading "the" do not matter); a catalog short form ("Miller") never makes a new
 * full name ("Jason Miller") known.
 */
import type { CatalogEntry } from '../catalog/types';
import { nameKey } from './name-groups';
import type { KnownName } from './types';

/** Full forms of catalog entries: display name (without its "(MSS)"), forms and ambiguous forms. */
export function knownFromCatalog(catalog: readonly CatalogEntry[]): KnownName[] {
  return catalog.map((entry) => {
    const display = entry.name.replace(/\s*\([^)]*\)\s*$/u, '');
    const acronym = /\(([^)]+)\)\s*$/u.exec(entry.name)?.[1];
    const forms = [display, entry.name, ...entry.forms, ...(entry.ambiguousForms ?? []).map((form) => form.form)];
    if (acronym) forms.push(acronym);
    return { id: entry.id, forms: [...new Set(forms)] };
  });
}

export interface KnownIndex {
  /** The id of the known name with one of these full forms, if any. */
  find(forms: readonly string[]): string | undefined;
  /**
   * The id of a known name whose full form stands inside this name as whole words ("U.S. Army
   * National Guard" holds "National Guard"): a variant of a known name is not offered as new.
   * Only forms of four characters or more, so "US" or "Xi" inside a name prove nothing.
   */
  findWithin(name: string): string | undefined;
}

export function indexKnown(known: readonly KnownName[]): KnownIndex {
  const byForm = new Map<string, string>();
  for (const name of known) for (const form of name.forms) if (!byForm.has(nameKey(form))) byForm.set(nameKey(form), name.id);
  const long = [...byForm].filter(([form]) => form.length >= 4 && /\p{L}/u.test(form));
  return {
    find(forms) {
      for (const form of forms) {
        const id = byForm.get(nameKey(form));
        if (id !== undefined) return id;
      }
      return undefined;
    },
    findWithin(name) {
      const key = ` ${nameKey(name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
      for (const [form, id] of long) if (key.includes(` ${form.replace(/[^\p{L}\p{N}]+/gu, ' ')} `)) return id;
      return undefined;
    },
  };
}

export function indexDismissed(dismissed: readonly string[]): (forms: readonly string[]) => boolean {
  const keys = new Set(dismissed.map(nameKey));
  return (forms) => forms.some((form) => keys.has(nameKey(form)));
}

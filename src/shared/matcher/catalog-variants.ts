/**
 * A catalog's forms as the matcher judges them: each form of each entry, with the entry's rules
 * compiled, looked up by the folded, lower-cased text a hit shares with it. Compiled lazily, entry
 * by entry: a page pays for the entries it meets, not for the catalog, which with a reader's
 * library holds thousands of entries.
 */
import type { AmbiguousForm, CaseRule, CatalogEntry } from '../catalog/types';
import { type PositionTest, neighbourTest } from './neighbour-words';
import { type ContextTest, contextPattern } from './phrase-patterns';
import { foldSeparators } from './text-classes';

/** How a form names its entity; decides which checks a hit must pass. */
export type FormKind = 'full' | 'short' | 'ambiguous';

/** Rules shared by all forms of one entry, compiled once. */
export interface EntryRules {
  id: string;
  plural: boolean;
  notFollowedBy: PositionTest | null;
  notPrecededBy: PositionTest | null;
  /** Lower-cased capitalised words allowed right before a short or ambiguous form. */
  allowPrecededBy: ReadonlySet<string>;
  /** Lower-cased titles that make a short form name the entity fully ("President Trump"). */
  titles: ReadonlySet<string>;
}

export interface FormVariant {
  entry: EntryRules;
  kind: FormKind;
  /** The form as written in the catalog, separators folded. */
  form: string;
  caseRule: CaseRule;
  /** Ambiguous forms only: the paragraph must match this (unless the full name was seen). */
  contextAnyOf: ContextTest | null;
  /** Ambiguous forms only: the paragraph must not match this. */
  contextNoneOf: ContextTest | null;
  notPossessive: boolean;
}

/** The variants of a catalog by key, each entry compiled when one of its forms is first asked for. */
export interface CatalogVariants {
  /** The variants whose key is `key`, in catalog order (entry by entry; full, short, then ambiguous forms). */
  variantsFor(key: string): readonly FormVariant[];
  /** Whether any form has this key. */
  hasKey(key: string): boolean;
}

const DEFAULT_CASE_RULE: CaseRule = 'title-or-upper';
const NO_VARIANTS: readonly FormVariant[] = Object.freeze([]);

/** The key a hit and a form share when they differ only in case and separators. */
export function formKey(text: string): string {
  return foldSeparators(text).toLowerCase();
}

export function catalogVariants(catalog: readonly CatalogEntry[]): CatalogVariants {
  let entriesByKey: Map<string, number[]> | null = null;
  const index = () => (entriesByKey ??= indexEntriesByKey(catalog));
  const rulesByEntry = new Map<number, EntryRules>();
  const byKey = new Map<string, FormVariant[]>();
  return {
    hasKey: (key) => index().has(key),
    variantsFor(key) {
      const cached = byKey.get(key);
      if (cached !== undefined) return cached;
      const entries = index().get(key);
      // Most keys asked for are text that names nothing: they are not remembered.
      if (entries === undefined) return NO_VARIANTS;
      const variants: FormVariant[] = [];
      for (const entryIndex of entries) {
        const entry = catalog[entryIndex] as CatalogEntry;
        let rules = rulesByEntry.get(entryIndex);
        if (rules === undefined) rulesByEntry.set(entryIndex, (rules = compileEntryRules(entry)));
        addEntryVariants(entry, rules, key, variants);
      }
      byKey.set(key, variants);
      return variants;
    },
  };
}

/** Which entries have a form of each key, in catalog order, each entry once per key. */
function indexEntriesByKey(catalog: readonly CatalogEntry[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  catalog.forEach((entry, entryIndex) => {
    forEachForm(entry, (form) => {
      const key = formKey(form);
      const entries = index.get(key);
      if (entries === undefined) index.set(key, [entryIndex]);
      else if (entries[entries.length - 1] !== entryIndex) entries.push(entryIndex);
    });
  });
  return index;
}

/** Every form of an entry, in variant order, with the case rule it goes by. */
function forEachForm(entry: CatalogEntry, visit: (form: string, caseRule: CaseRule, ambiguous: AmbiguousForm | null) => void): void {
  const entryCase = entry.caseRule ?? DEFAULT_CASE_RULE;
  for (const form of entry.forms) visit(form, entryCase, null);
  for (const form of entry.shortForms ?? []) visit(form, entryCase, null);
  for (const ambiguous of entry.ambiguousForms ?? []) visit(ambiguous.form, ambiguous.caseRule ?? entryCase, ambiguous);
}

/** Appends the entry's variants whose key is `key`. */
function addEntryVariants(entry: CatalogEntry, rules: EntryRules, key: string, variants: FormVariant[]): void {
  const shortStart = entry.forms.length;
  let position = 0;
  forEachForm(entry, (written, caseRule, ambiguous) => {
    const kind: FormKind = ambiguous ? 'ambiguous' : position++ < shortStart ? 'full' : 'short';
    const form = foldSeparators(written);
    if (form.toLowerCase() !== key) return;
    variants.push({
      entry: rules,
      kind,
      form,
      caseRule,
      contextAnyOf: ambiguous ? contextPattern(ambiguous.contextAnyOf) : null,
      contextNoneOf: ambiguous ? contextPattern(ambiguous.contextNoneOf) : null,
      notPossessive: ambiguous?.notPossessive === true,
    });
  });
}

function compileEntryRules(entry: CatalogEntry): EntryRules {
  return {
    id: entry.id,
    plural: entry.plural === true,
    notFollowedBy: neighbourTest(entry.notFollowedBy, 1),
    notPrecededBy: neighbourTest(entry.notPrecededBy, -1),
    allowPrecededBy: lowerCaseSet(entry.allowPrecededBy),
    titles: lowerCaseSet(entry.titles),
  };
}

/** Most entries list no such words; a large catalog should not pay a set per entry for that. */
const NO_WORDS: ReadonlySet<string> = new Set();

function lowerCaseSet(words: readonly string[] | undefined): ReadonlySet<string> {
  return words === undefined || words.length === 0 ? NO_WORDS : new Set(words.map((word) => word.toLowerCase()));
}

/** Every spelling the finder must admit, in catalog order; no entry's rules are compiled for it. */
export function catalogSurfaces(catalog: readonly CatalogEntry[]): Set<string> {
  const surfaces = new Set<string>();
  for (const entry of catalog) {
    forEachForm(entry, (form, caseRule) => {
      for (const spelling of spellings(foldSeparators(form), caseRule)) surfaces.add(spelling);
    });
  }
  return surfaces;
}

/**
 * The spellings the combined pattern must admit for a form under its case rule. The pattern is
 * case-sensitive (most prose is lower case, so most positions fail on their first character); the
 * exact rule is checked again on each hit. "Any" admits the casings text really uses: as written,
 * lower, upper, sentence case and title case.
 */
function spellings(form: string, caseRule: CaseRule): string[] {
  const upper = form.toUpperCase();
  if (caseRule === 'exact') return [form];
  if (caseRule === 'title-or-upper') return [form, upper];
  const lower = form.toLowerCase();
  const sentence = lower.charAt(0).toUpperCase() + lower.slice(1);
  const title = lower.replace(/(^|[\s-])(\p{Ll})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
  return [form, lower, upper, sentence, title];
}

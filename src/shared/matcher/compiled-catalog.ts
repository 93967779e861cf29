/**
 * The catalog turned into what scanning needs: one combined pattern over every surface form,
 * and a table from a hit's folded text to the forms (of whichever entities) it may be.
 */
import type { AmbiguousForm, CaseRule, CatalogEntry } from '../catalog/types';
import { type ContextTest, contextPattern, followerPattern, precederPattern } from './phrase-patterns';
import { APOSTROPHE, WORD_CHAR, foldSeparators } from './text-classes';
import { trieSource } from './trie-pattern';

/** How a form names its entity; decides which checks a hit must pass. */
export type FormKind = 'full' | 'short' | 'ambiguous';

/** Rules shared by all forms of one entry, compiled once. */
export interface EntryRules {
  id: string;
  plural: boolean;
  notFollowedBy: RegExp | null;
  notPrecededBy: RegExp | null;
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

export interface CompiledCatalog {
  /**
   * Global, Unicode-aware pattern: a form (longest first) not inside a longer token, with an
   * optional plural "s". Whether the hit counts is decided by the variants' rules.
   */
  pattern: RegExp;
  /** Variants by lower-cased folded text ("salt typhoon", "h200"). */
  variantsByKey: ReadonlyMap<string, readonly FormVariant[]>;
}

const DEFAULT_CASE_RULE: CaseRule = 'title-or-upper';

/** The key a hit and a form share when they differ only in case and separators. */
export function formKey(text: string): string {
  return foldSeparators(text).toLowerCase();
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

function compileEntryRules(entry: CatalogEntry): EntryRules {
  return {
    id: entry.id,
    plural: entry.plural === true,
    notFollowedBy: followerPattern(entry.notFollowedBy),
    notPrecededBy: precederPattern(entry.notPrecededBy),
    allowPrecededBy: lowerCaseSet(entry.allowPrecededBy),
    titles: lowerCaseSet(entry.titles),
  };
}

function lowerCaseSet(words: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((words ?? []).map((word) => word.toLowerCase()));
}

function* entryVariants(entry: CatalogEntry, rules: EntryRules): Generator<FormVariant> {
  const entryCase = entry.caseRule ?? DEFAULT_CASE_RULE;
  const plain = (form: string, kind: FormKind): FormVariant => ({
    entry: rules,
    kind,
    form: foldSeparators(form),
    caseRule: entryCase,
    contextAnyOf: null,
    contextNoneOf: null,
    notPossessive: false,
  });
  for (const form of entry.forms) yield plain(form, 'full');
  for (const form of entry.shortForms ?? []) yield plain(form, 'short');
  for (const ambiguous of entry.ambiguousForms ?? []) yield ambiguousVariant(ambiguous, rules, entryCase);
}

function ambiguousVariant(ambiguous: AmbiguousForm, rules: EntryRules, entryCase: CaseRule): FormVariant {
  return {
    entry: rules,
    kind: 'ambiguous',
    form: foldSeparators(ambiguous.form),
    caseRule: ambiguous.caseRule ?? entryCase,
    contextAnyOf: contextPattern(ambiguous.contextAnyOf),
    contextNoneOf: contextPattern(ambiguous.contextNoneOf),
    notPossessive: ambiguous.notPossessive === true,
  };
}

/**
 * Left: not after a word character, nor after a letter and apostrophe ("O’Sullivan").
 * Right: not before a word character; an apostrophe may follow only as a possessive ("Nvidia’s",
 * "Nvidia’ ") and not as part of a longer token ("Xi’an").
 */
const LEFT_BOUNDARY = String.raw`(?<!${WORD_CHAR})(?<!\p{L}${APOSTROPHE})`;
const RIGHT_BOUNDARY = String.raw`(?!${WORD_CHAR})(?!${APOSTROPHE}(?![sS](?!${WORD_CHAR}))${WORD_CHAR})`;

export function compileCatalog(catalog: readonly CatalogEntry[]): CompiledCatalog {
  const variantsByKey = new Map<string, FormVariant[]>();
  const surfaces = new Set<string>();
  for (const entry of catalog) {
    const rules = compileEntryRules(entry);
    for (const variant of entryVariants(entry, rules)) {
      const key = formKey(variant.form);
      const existing = variantsByKey.get(key);
      if (existing === undefined) variantsByKey.set(key, [variant]);
      else existing.push(variant);
      for (const spelling of spellings(variant.form, variant.caseRule)) surfaces.add(spelling);
    }
  }
  const source = `${LEFT_BOUNDARY}${trieSource(surfaces)}s?${RIGHT_BOUNDARY}`;
  return { pattern: new RegExp(source, 'gu'), variantsByKey };
}

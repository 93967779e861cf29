/**
 * The catalog turned into what scanning needs: one finder over every surface form, and a table
 * from a hit's folded text to the forms (of whichever entities) it may be.
 */
import type { AmbiguousForm, CaseRule, CatalogEntry } from '../catalog/types';
import { type PositionTest, neighbourTest } from './neighbour-words';
import { type ContextTest, contextPattern } from './phrase-patterns';
import { type FinderSources, type FormFinder, formFinderFromSources, formFinderSources } from './form-finder';
import { packSieveSource, sieveSourceFor, unpackSieveSource } from './sieve-source';
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

export interface CompiledCatalog {
  /** Finds every spelling of every form; whether a hit counts is for the variants' rules. */
  finder: FormFinder;
  /**
   * Variants by lower-cased folded text ("salt typhoon", "h200"). Made on the first call, after
   * the finder's first hit: a page that names nothing never pays for a catalog's variants.
   */
  variantsByKey(): ReadonlyMap<string, readonly FormVariant[]>;
  /** Matches wherever the finder could hit, and more; null when it would rule nothing out. Global: set lastIndex before use. */
  sieve: RegExp | null;
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

/** Appends an entry's variants; a plain loop, as a generator here cost a large catalog's compile about a third. */
function addEntryVariants(entry: CatalogEntry, variants: FormVariant[]): void {
  const rules = compileEntryRules(entry);
  const entryCase = entry.caseRule ?? DEFAULT_CASE_RULE;
  for (const form of entry.forms) variants.push(plainVariant(form, 'full', rules, entryCase));
  for (const form of entry.shortForms ?? []) variants.push(plainVariant(form, 'short', rules, entryCase));
  for (const ambiguous of entry.ambiguousForms ?? []) variants.push(ambiguousVariant(ambiguous, rules, entryCase));
}

function plainVariant(form: string, kind: FormKind, rules: EntryRules, caseRule: CaseRule): FormVariant {
  return { entry: rules, kind, form: foldSeparators(form), caseRule, contextAnyOf: null, contextNoneOf: null, notPossessive: false };
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
 * What compiling a catalog computes that does not depend on the page, as JSON-ready data: the
 * build writes it for the bundled catalog so a page pays only for turning it into patterns.
 * `fingerprint` ties it to the catalog it was made from.
 */
export interface PrecompiledCatalog {
  fingerprint: string;
  finder: FinderSources;
  /** The sieve's pattern source, packed (see packSieveSource); absent in data written before it existed. */
  sieve?: string | null;
}

export function precompileCatalog(catalog: readonly CatalogEntry[]): PrecompiledCatalog {
  const surfaces = surfacesOf(allVariants(catalog));
  return { fingerprint: catalogFingerprint(catalog), finder: formFinderSources(surfaces), sieve: packSieveSource(sieveSourceFor(surfaces)) };
}

/**
 * `precompiled` is used only when it was made from this very catalog; anything else (a stale
 * generated file, another catalog) is ignored and the catalog is precompiled here. For build
 * scripts, tests and pages of our own; a content script takes catalogFromPrecompiled.
 */
export function compileCatalog(catalog: readonly CatalogEntry[], precompiled?: PrecompiledCatalog): CompiledCatalog {
  const usable = precompiled !== undefined && precompiled.fingerprint === catalogFingerprint(catalog);
  return catalogFromPrecompiled(catalog, usable ? precompiled : precompileCatalog(catalog));
}

/**
 * The catalog with what one build, or the background, precompiled from it, taken unchecked:
 * hashing the catalog costs every page a millisecond or two, and the content script then carries
 * none of the code that precompiles. Data without a sieve (written before it existed) reads every block.
 */
export function catalogFromPrecompiled(catalog: readonly CatalogEntry[], precompiled: PrecompiledCatalog): CompiledCatalog {
  // Each made once, when first needed: a large catalog's variants and surfaces take a while.
  let variants: FormVariant[] | null = null;
  const catalogVariants = () => (variants ??= allVariants(catalog));
  let byKey: Map<string, FormVariant[]> | null = null;
  const variantsByKey = () => (byKey ??= keyed(catalogVariants()));
  const sieveSource = unpackSieveSource(precompiled.sieve ?? null);
  // Global: the finder reads where it matches too (see formFinderFromSources).
  const sieve = sieveSource === null ? null : new RegExp(sieveSource, 'g');
  return { finder: formFinderFromSources(precompiled.finder, () => surfacesOf(catalogVariants()), sieve), variantsByKey, sieve };
}

function keyed(variants: readonly FormVariant[]): Map<string, FormVariant[]> {
  const byKey = new Map<string, FormVariant[]>();
  for (const variant of variants) {
    // The form is folded already: only its case is left to fold.
    const key = variant.form.toLowerCase();
    const existing = byKey.get(key);
    if (existing === undefined) byKey.set(key, [variant]);
    else existing.push(variant);
  }
  return byKey;
}

function allVariants(catalog: readonly CatalogEntry[]): FormVariant[] {
  const variants: FormVariant[] = [];
  for (const entry of catalog) addEntryVariants(entry, variants);
  return variants;
}

/** Every spelling the finder must admit. */
function surfacesOf(variants: readonly FormVariant[]): Set<string> {
  const surfaces = new Set<string>();
  for (const variant of variants) {
    for (const spelling of spellings(variant.form, variant.caseRule)) surfaces.add(spelling);
  }
  return surfaces;
}

/**
 * The shape of what precompiling writes: bump it whenever FinderSources or the patterns change,
 * so a generated file left over from older code is ignored rather than misread.
 */
const PRECOMPILED_FORMAT = 9;

/**
 * A 32-bit FNV-1a hash of the catalog's JSON with its length and the format: cheap enough to
 * check on every page, and any edit to the catalog changes it (a collision would need an edit
 * that keeps both).
 */
function catalogFingerprint(catalog: readonly CatalogEntry[]): string {
  const json = JSON.stringify(catalog);
  let hash = 0x811c9dc5;
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${PRECOMPILED_FORMAT}:${json.length}:${(hash >>> 0).toString(16)}`;
}

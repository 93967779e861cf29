/**
 * The catalog turned into what scanning needs: one finder over every surface form, and a table
 * from a hit's folded text to the forms (of whichever entities) it may be.
 */
import type { CatalogEntry } from '../catalog/types';
import { type CatalogVariants, catalogSurfaces, catalogVariants } from './catalog-variants';
import { type FinderSources, type FormFinder, formFinderFromSources, formFinderSources } from './form-finder';
import { packSieveSource, sieveSourceFor, unpackSieveSource } from './sieve-source';

export interface CompiledCatalog {
  /** Finds every spelling of every form; whether a hit counts is for the variants' rules. */
  finder: FormFinder;
  /**
   * Variants by lower-cased folded text ("salt typhoon", "h200"), made after the finder's first
   * hit and entry by entry: a page pays only for the entries it meets.
   */
  variants: CatalogVariants;
  /** Matches wherever the finder could hit, and more; null when it would rule nothing out. Global: set lastIndex before use. */
  sieve: RegExp | null;
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
  const surfaces = catalogSurfaces(catalog);
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
  const sieveSource = unpackSieveSource(precompiled.sieve ?? null);
  // Global: the finder reads where it matches too (see formFinderFromSources).
  const sieve = sieveSource === null ? null : new RegExp(sieveSource, 'g');
  // The surfaces are made when a walk first needs them: a page that names nothing never pays.
  const finder = formFinderFromSources(precompiled.finder, () => catalogSurfaces(catalog), sieve);
  return { finder, variants: catalogVariants(catalog), sieve };
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

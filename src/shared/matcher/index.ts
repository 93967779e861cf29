/**
 * The matcher: finds catalog entities in text. Pure (no DOM, no browser APIs), so it runs in the
 * content script and in Node at build time alike.
 *
 * Range convention: a mention covers the name as written, including a plural "s" where the
 * entity allows plurals ("H200s"), and never a possessive ("Nvidia’s" → "Nvidia"). Whitespace
 * inside a multi-word name is covered as it stands in the text ("Salt\n  Typhoon").
 */
import type { CatalogEntry } from '../catalog/types';
import type { CompiledMatcher } from './types';
import { type PrecompiledCatalog, compileCatalog, precompileCatalog } from './compiled-catalog';
import { createPageMatcher } from './page-matcher';

export type { CompiledMatcher, Mention, PageMatcher } from './types';
export type { PrecompiledCatalog } from './compiled-catalog';

/**
 * `precompiled`, from `precompiledCatalogJson` of the same catalog at build time, spares the page
 * the catalog's trie and pattern text; it is ignored if made from another catalog, unless
 * `builtTogether` says one build wrote it from this catalog (see compileCatalog).
 */
export function compileMatcher(catalog: readonly CatalogEntry[], precompiled?: PrecompiledCatalog, builtTogether = false): CompiledMatcher {
  const compiled = compileCatalog(catalog, precompiled, builtTogether);
  const { sieve } = compiled;
  return { newPage: () => createPageMatcher(compiled), mayName: (text) => sieve === null || sieve.test(text) };
}

/** What the build writes for the bundled catalog (src/generated/matcher.json). */
export function precompiledCatalogJson(catalog: readonly CatalogEntry[]): string {
  return `${JSON.stringify(precompileCatalog(catalog))}\n`;
}

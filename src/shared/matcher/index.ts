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
import { type CompiledCatalog, type PrecompiledCatalog, catalogFromPrecompiled, compileCatalog, precompileCatalog } from './compiled-catalog';
import { createPageMatcher } from './page-matcher';

export type { CompiledMatcher, Mention, PageMatcher } from './types';
export type { PrecompiledCatalog } from './compiled-catalog';

/**
 * The matcher of a catalog. `precompiled`, from `precompiledCatalogJson` of the same catalog,
 * spares the work of precompiling; it is ignored if made from another catalog.
 */
export function compileMatcher(catalog: readonly CatalogEntry[], precompiled?: PrecompiledCatalog): CompiledMatcher {
  return matcherOf(compileCatalog(catalog, precompiled));
}

/**
 * The matcher of a catalog and what one build, or the background, precompiled from that very
 * catalog, taken unchecked (see catalogFromPrecompiled): what content scripts use.
 */
export function matcherFromPrecompiled(catalog: readonly CatalogEntry[], precompiled: PrecompiledCatalog): CompiledMatcher {
  return matcherOf(catalogFromPrecompiled(catalog, precompiled));
}

function matcherOf(compiled: CompiledCatalog): CompiledMatcher {
  const { sieve } = compiled;
  const mayName = (text: string) => {
    if (sieve === null) return true;
    sieve.lastIndex = 0;
    return sieve.test(text);
  };
  return { newPage: () => createPageMatcher(compiled), mayName };
}

/** What the build writes for the bundled catalog (src/generated/matcher.json). */
export function precompiledCatalogJson(catalog: readonly CatalogEntry[]): string {
  return `${JSON.stringify(precompileCatalog(catalog))}\n`;
}

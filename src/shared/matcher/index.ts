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
import { compileCatalog } from './compiled-catalog';
import { createPageMatcher } from './page-matcher';

export type { CompiledMatcher, Mention, PageMatcher } from './types';

export function compileMatcher(catalog: readonly CatalogEntry[]): CompiledMatcher {
  const compiled = compileCatalog(catalog);
  return { newPage: () => createPageMatcher(compiled) };
}

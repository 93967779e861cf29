/**
 * The deriver every context uses: the reader's catalog's matcher (the bundled catalog plus their
 * kept names), compiled on first use. A context that may have outlived a change to kept names
 * hands it the reader's catalog first (refreshCatalogDeriver in catalog-refresh.ts reads it).
 */
import { CATALOG } from '../catalog/entities';
import type { ReaderCatalog } from '../catalog/reader-catalog';
import PRECOMPILED_MATCHER from '../../generated/matcher.json';
import { matcherFromPrecompiled, type CompiledMatcher, type PrecompiledCatalog } from '../matcher';
import { deriveArticle, type Deriver } from './derive';

const BUNDLED = 'bundled';
let matcher: CompiledMatcher | undefined;
let compiledFrom = BUNDLED;

export const catalogDeriver: Deriver = (article) => {
  // scripts/build.ts writes the precompiled matcher from this very catalog before bundling both.
  matcher ??= matcherFromPrecompiled(CATALOG, PRECOMPILED_MATCHER as PrecompiledCatalog);
  return deriveArticle(article, matcher);
};

/** Derives with this reader's catalog from now on (null: the bundled catalog alone). */
export function useReaderCatalog(reader: ReaderCatalog | null): void {
  const from = reader?.precompiled.fingerprint ?? BUNDLED;
  if (from === compiledFrom && matcher) return;
  compiledFrom = from;
  matcher = reader ? matcherFromPrecompiled(reader.entries, reader.precompiled) : undefined;
}

/**
 * The deriver every context uses: the reader's catalog's matcher (the bundled catalog plus their
 * kept names), compiled on first use. Call refreshCatalogDeriver() before deriving in a context
 * that may have outlived a change to kept names: it reads the reader's catalog from storage.
 */
import { CATALOG } from '../catalog/entities';
import { loadReaderCatalog } from '../catalog/reader-catalog';
import PRECOMPILED_MATCHER from '../../generated/matcher.json';
import { compileMatcher, type CompiledMatcher, type PrecompiledCatalog } from '../matcher';
import { deriveArticle, type Deriver } from './derive';

const BUNDLED = 'bundled';
let matcher: CompiledMatcher | undefined;
let compiledFrom = BUNDLED;

export const catalogDeriver: Deriver = (article) => {
  // scripts/build.ts writes the precompiled matcher from this very catalog before bundling both.
  matcher ??= compileMatcher(CATALOG, PRECOMPILED_MATCHER as PrecompiledCatalog, true);
  return deriveArticle(article, matcher);
};

export async function refreshCatalogDeriver(): Promise<void> {
  const reader = await loadReaderCatalog();
  const from = reader?.precompiled.fingerprint ?? BUNDLED;
  if (from === compiledFrom && matcher) return;
  compiledFrom = from;
  matcher = reader ? compileMatcher(reader.entries, reader.precompiled, true) : undefined;
}

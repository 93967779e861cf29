/** The deriver every context uses: the bundled catalog's matcher, compiled on first use. */
import { CATALOG } from '../catalog/entities';
import PRECOMPILED_MATCHER from '../../generated/matcher.json';
import { compileMatcher, type CompiledMatcher, type PrecompiledCatalog } from '../matcher';
import { deriveArticle, type Deriver } from './derive';

let matcher: CompiledMatcher | undefined;

export const catalogDeriver: Deriver = (article) => {
  // scripts/build.ts writes the precompiled matcher from this very catalog before bundling both.
  matcher ??= compileMatcher(CATALOG, PRECOMPILED_MATCHER as PrecompiledCatalog, true);
  return deriveArticle(article, matcher);
};

/**
 * The extension's own matcher and highlighter, bundled for the page (see ../scaling.ts), with a
 * catalog of any size handed in as data, precompiled as the extension's catalogs always are (made
 * by the bench beforehand: generating and precompiling it is the build's or the background's work,
 * not the page's). The page calls `window.__benchScaling.run(catalog)` once; the bench traces it
 * like the extension itself.
 */
import { createHighlighter } from '../../../src/content/highlighter';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import { matcherFromPrecompiled, type PrecompiledCatalog } from '../../../src/shared/matcher';

export interface ScalingCatalog {
  entries: readonly CatalogEntry[];
  precompiled: PrecompiledCatalog;
}

async function run({ entries, precompiled }: ScalingCatalog): Promise<void> {
  // As the content script compiles the reader's catalog: one build wrote both halves.
  const matcher = matcherFromPrecompiled(entries, precompiled);
  const page = matcher.newPage();
  await createHighlighter({ root: document, findMentions: (text) => page.scanBlock(text), heldBack: () => page.heldBack(), mayName: (text) => matcher.mayName(text) }).start();
}

declare global {
  interface Window {
    __benchScaling?: { run: typeof run };
    /** The catalog for the next run, put there by the bench in a task of its own. */
    __benchScalingCatalog?: ScalingCatalog;
  }
}

window.__benchScaling = { run };

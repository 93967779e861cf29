/**
 * The extension's own matcher and highlighter, bundled for the page (see ../scaling.ts), with a
 * catalog of any size handed in as data (made by the bench beforehand: generating it is the
 * bench's work, not matching). The page calls `window.__benchScaling.run(catalog)` once; the bench
 * traces it like the extension itself.
 */
import { createHighlighter } from '../../../src/content/highlighter';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import { compileMatcher } from '../../../src/shared/matcher';

async function run(catalog: readonly CatalogEntry[]): Promise<void> {
  const page = compileMatcher(catalog).newPage();
  await createHighlighter({ root: document, findMentions: (text) => page.scanBlock(text) }).start();
}

declare global {
  interface Window {
    __benchScaling?: { run: typeof run };
    /** The catalog for the next run, put there by the bench in a task of its own. */
    __benchScalingCatalog?: readonly CatalogEntry[];
  }
}

window.__benchScaling = { run };

/**
 * The extension's own matcher and highlighter, bundled for the page (see ../scaling.ts), with a
 * catalog of any size handed in as data (the real catalog padded with the matcher's synthetic
 * entries, made by the bench beforehand: generating them is the bench's work, not matching).
 * The page calls `window.__benchScaling.run(catalog)` once; the bench traces it like the
 * extension itself.
 */
import { createHighlighter } from '../../../src/content/highlighter';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import { compileMatcher } from '../../../src/shared/matcher';

export interface ScalingRun {
  catalogSize: number;
  /** compileMatcher, synchronous (ms). */
  compileMs: number;
  /** From start() until its first sliced pass resolved (ms of wall time, yields included). */
  firstPassWallMs: number;
  marks: number;
}

async function run(catalog: readonly CatalogEntry[]): Promise<ScalingRun> {
  const compileStart = performance.now();
  const matcher = compileMatcher(catalog);
  const compileMs = performance.now() - compileStart;
  const page = matcher.newPage();
  const highlighter = createHighlighter({ root: document, findMentions: (text) => page.scanBlock(text) });
  const passStart = performance.now();
  await highlighter.start();
  const firstPassWallMs = performance.now() - passStart;
  return { catalogSize: catalog.length, compileMs, firstPassWallMs, marks: highlighter.mentions().reduce((pieces, mention) => pieces + mention.ranges.length, 0) };
}

declare global {
  interface Window {
    __benchScaling?: { run: typeof run };
    /** The catalog for the next run, put there by the bench in a task of its own. */
    __benchScalingCatalog?: readonly CatalogEntry[];
  }
}

window.__benchScaling = { run };

/**
 * The extension's own matcher and highlighter, bundled for the page (see ../scaling.ts), with a
 * catalog of any size: the real catalog padded with the matcher's synthetic entries (deterministic
 * for a given size). The page calls
 * `window.__benchScaling.run(size)` once; the bench traces it like the extension itself.
 */
import { createHighlighter } from '../../../src/content/highlighter';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { compileMatcher } from '../../../src/shared/matcher';
import { syntheticCatalog } from '../../../src/shared/matcher/synthetic-catalog';

export interface ScalingRun {
  catalogSize: number;
  /** compileMatcher, synchronous (ms). */
  compileMs: number;
  /** From start() until its first sliced pass resolved (ms of wall time, yields included). */
  firstPassWallMs: number;
  marks: number;
}

async function run(size: number): Promise<ScalingRun> {
  const catalog = [...CATALOG.slice(0, size), ...syntheticCatalog(Math.max(0, size - CATALOG.length))];
  const compileStart = performance.now();
  const matcher = compileMatcher(catalog);
  const compileMs = performance.now() - compileStart;
  const page = matcher.newPage();
  const highlighter = createHighlighter({ root: document, findMentions: (text) => page.scanBlock(text) });
  const passStart = performance.now();
  await highlighter.start();
  const firstPassWallMs = performance.now() - passStart;
  return { catalogSize: catalog.length, compileMs, firstPassWallMs, marks: highlighter.marks().length };
}

declare global {
  interface Window {
    __benchScaling?: { run: typeof run };
  }
}

window.__benchScaling = { run };

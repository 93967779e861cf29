/** Test helpers: scan blocks with the real catalog on a fresh page and read the mentions back. */
import { CATALOG } from '../../../src/shared/catalog/entities';
import { compileMatcher } from '../../../src/shared/matcher';

export const matcher = compileMatcher(CATALOG);

/** One mention as the reader sees it: the entity and the text the highlight covers. */
export interface Found {
  id: string;
  text: string;
}

/** Mentions of every block, in order, scanning the blocks as one page. */
export function scanPage(...blocks: string[]): Found[] {
  const page = matcher.newPage();
  return blocks.flatMap((block) => page.scanBlock(block).map((m) => ({ id: m.entityId, text: block.slice(m.start, m.end) })));
}

/** Entity ids found in the last block, after the earlier blocks were scanned on the same page. */
export function idsInLast(...blocks: string[]): string[] {
  const page = matcher.newPage();
  let last: string[] = [];
  for (const block of blocks) last = page.scanBlock(block).map((m) => m.entityId);
  return last;
}

/**
 * Mentions of every block as the extension resolves them with the whole page in view: one pass,
 * then, when the page's evidence unlocks a held-back form, a second pass on the same page memory.
 */
export function scanWholePage(...blocks: string[]): Found[] {
  const page = matcher.newPage();
  const pass = () => blocks.flatMap((block) => page.scanBlock(block).map((m) => ({ id: m.entityId, text: block.slice(m.start, m.end) })));
  const first = pass();
  return page.settle() ? pass() : first;
}

/**
 * Marks the names in the article the reader shows, as the content script would find them on a
 * page (one page memory, settled over the whole article). The reader is our own page, so the
 * names are wrapped in <mark> elements by mark.js, with the entity's name as their title.
 */
import Mark from 'mark.js';
import type { CatalogEntry } from '../shared/catalog/types';
import type { CompiledMatcher } from '../shared/matcher';

interface NameRange {
  start: number;
  length: number;
  entityId: string;
}

export function markNames(paragraphs: readonly HTMLElement[], matcher: CompiledMatcher, entries: ReadonlyMap<string, CatalogEntry>): void {
  const texts = paragraphs.map((paragraph) => paragraph.textContent ?? '');
  const page = matcher.newPage();
  let found = texts.map((text) => page.scanBlock(text));
  if (page.settle()) found = texts.map((text) => page.scanBlock(text));
  paragraphs.forEach((paragraph, index) => {
    const ranges: NameRange[] = (found[index] ?? []).map(({ start, end, entityId }) => ({ start, length: end - start, entityId }));
    if (ranges.length === 0) return;
    new Mark(paragraph).markRanges(ranges, {
      element: 'mark',
      className: 'entity',
      each(element: Element, range: NameRange) {
        (element as HTMLElement).dataset.entity = range.entityId;
        const name = entries.get(range.entityId)?.name;
        if (name) (element as HTMLElement).title = name;
      },
    } as Mark.MarkRangesOptions);
  });
}

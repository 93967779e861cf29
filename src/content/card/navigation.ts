/**
 * Which mention next/previous go to, whether going there needs a scroll, and which marks are one
 * mention. "Document order" is composed tree order: marks inside the page's open shadow roots
 * sit where their host is (see compareComposed).
 */
import { compareComposed } from '../highlighter/composed-tree';

/**
 * The mention after (direction 1) or before (-1) `reference`, wrapping at either end. `marks` are
 * the first marks of the page's mentions in document order; `reference` may be any mark, including
 * a later mark of a split mention. With no reference, next starts at the first mention and
 * previous at the last.
 */
export function neighbourMention(
  marks: readonly HTMLElement[],
  reference: HTMLElement | null,
  direction: 1 | -1,
): HTMLElement | undefined {
  if (marks.length === 0) return undefined;
  const at = reference?.isConnected ? lastAtOrBefore(marks, reference) : -1;
  const index = at === -1 ? (direction === 1 ? 0 : marks.length - 1) : at + direction;
  return marks[(index + marks.length) % marks.length];
}

/** Whether the element is wholly on screen already; if so, moving to it should not scroll the page. */
export function isInViewport(element: HTMLElement): boolean {
  const rect = element.getBoundingClientRect();
  const view = element.ownerDocument.documentElement;
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= view.clientHeight && rect.right <= view.clientWidth;
}

/** Index of the last mark at or before `reference` in document order, or -1. */
function lastAtOrBefore(marks: readonly HTMLElement[], reference: Node): number {
  let low = 0;
  let high = marks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const mark = marks[middle];
    if (mark && compareComposed(mark, reference) <= 0) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Whether two marks belong to one mention: a name split across inline elements
 * (`<mark>Salt </mark><em><mark>Typhoon</mark></em>`) is several marks of one entity with no
 * text between them. Two mentions of the same entity elsewhere on the page are not one mention.
 */
export function sameMention(a: Element, b: Element, entityOf: (mark: Element) => string | null): boolean {
  if (a === b) return true;
  if (!a.isConnected || !b.isConnected || entityOf(a) === null || entityOf(a) !== entityOf(b)) return false;
  // One mention lies in one tree; a range between two trees would collapse and look empty.
  if (a.getRootNode() !== b.getRootNode()) return false;
  const [first, second] = a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? [a, b] : [b, a];
  const between = a.ownerDocument.createRange();
  between.setStartAfter(first);
  between.setEndBefore(second);
  return between.toString().trim() === '';
}

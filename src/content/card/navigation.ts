/**
 * Which mention next/previous go to, whether it can be seen at all, and whether going there needs
 * a scroll. "Document order" is composed tree order: mentions inside the page's open shadow roots
 * sit where their host is.
 */
import { compareMentions, type PaintedMention } from '../highlighter';

/**
 * The visible mention after (direction 1) or before (-1) `reference`, wrapping at either end.
 * `mentions` are in document order. With no reference, next starts at the first mention and
 * previous at the last. Mentions the reader cannot see are stepped over.
 */
export function neighbourMention(
  mentions: readonly PaintedMention[],
  reference: PaintedMention | null,
  direction: 1 | -1,
  visible: (mention: PaintedMention) => boolean = isVisibleMention,
): PaintedMention | undefined {
  const count = mentions.length;
  if (count === 0) return undefined;
  // A reference whose text left the page has no place left to step from.
  const at = reference?.from.node.isConnected ? lastAtOrBefore(mentions, reference) : -1;
  let index = at === -1 ? (direction === 1 ? 0 : count - 1) : at + direction;
  for (let tried = 0; tried < count; tried++, index += direction) {
    const candidate = mentions[((index % count) + count) % count];
    if (candidate && candidate !== reference && visible(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether a reader can see the mention: rendered (not `display: none`, not in a closed `<details>`
 * or `<dialog>`, not `visibility: hidden`) and with a box of some size.
 */
export function isVisibleMention(mention: PaintedMention): boolean {
  const parent = mention.from.node.parentElement;
  if (!parent || !mention.from.node.isConnected) return false;
  if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility({ visibilityProperty: true })) return false;
  const details = parent.closest('details:not([open])');
  if (details && !parent.closest('summary')) return false;
  return mention.ranges.some((range) => [...range.getClientRects()].some((rect) => rect.width > 0 && rect.height > 0));
}

/** Whether the mention is wholly on screen already; if so, moving to it should not scroll the page. */
export function isInViewport(mention: PaintedMention): boolean {
  const range = mention.ranges[0];
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  const view = mention.from.node.ownerDocument.documentElement;
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= view.clientHeight && rect.right <= view.clientWidth;
}

/** Scrolls a mention into view, unless it is wholly on screen already. */
export function scrollIntoSight(mention: PaintedMention): void {
  if (isInViewport(mention)) return;
  const reducedMotion = mention.from.node.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  // Scrolling is the page's own behaviour, asked of the element that holds the mention.
  mention.from.node.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reducedMotion ? 'auto' : 'instant' });
}

/** Index of the last mention at or before `reference` in document order, or -1. */
function lastAtOrBefore(mentions: readonly PaintedMention[], reference: PaintedMention): number {
  let low = 0;
  let high = mentions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const mention = mentions[middle];
    if (mention && compareMentions(mention, reference) <= 0) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Which painted mention is under a point of the viewport. Highlights are not elements, so no event
 * names them: the point is asked of the browser's highlight registry where it has
 * `highlightsFromPoint`, and of the caret position under it otherwise, then confirmed against the
 * mention's own boxes (the caret is the nearest text position even over blank space).
 */
import type { PaintedMention } from '../highlighter';

export type MentionAt = (node: Node, offset: number) => PaintedMention | undefined;

interface HighlightHit {
  ranges: AbstractRange[];
}

interface HighlightsFromPoint {
  highlightsFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): HighlightHit[];
}

interface CaretPositionDocument {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

export function mentionAtPoint(doc: Document, x: number, y: number, mentionAt: MentionAt, shadowRoots: ShadowRoot[] = []): PaintedMention | undefined {
  const registry = (typeof CSS !== 'undefined' ? CSS.highlights : undefined) as HighlightsFromPoint | undefined;
  if (typeof registry?.highlightsFromPoint === 'function') {
    for (const hit of registry.highlightsFromPoint(x, y, { shadowRoots })) {
      for (const range of hit.ranges) {
        const mention = mentionAt(range.startContainer, range.startOffset);
        if (mention) return mention;
      }
    }
    return undefined;
  }
  const caret = caretAt(doc as Document & CaretPositionDocument, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const mention = mentionAt(caret.node, caret.offset);
  return mention && isOnMention(mention, x, y) ? mention : undefined;
}

function caretAt(doc: Document & CaretPositionDocument, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function isOnMention(mention: PaintedMention, x: number, y: number): boolean {
  return mention.ranges.some((range) =>
    [...range.getClientRects()].some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom),
  );
}

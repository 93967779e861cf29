/**
 * The one place that touches mark.js: it wraps ranges of page text nodes in <mark>s through
 * mark.js's `markRanges`, whose wrapping splits a text node twice and puts a new <mark> holding
 * the middle text in the middle piece's place. The page node keeps the text before the mark;
 * the text after it moves to a new node.
 *
 * Only the wrapping is mark.js's. Its searching is replaced by the matcher, and its `unmark()`
 * normalizes parents (merging the page's own text nodes), so the ledger undoes marks instead.
 * The context handed to mark.js is the list of text nodes to wrap in, not an element: mark.js's
 * iterator then sees exactly those nodes (a node iterator rooted at a text node yields just it),
 * so its offsets are ours, and nested blocks or excluded elements never enter its text.
 * Each range lies inside one node (a mention crossing inline elements arrives as one range per
 * piece), because mark.js's filter can only stop a multi-node range, not skip a piece of it, and
 * whitespace-only pieces must be skipped.
 */
import Mark from 'mark.js/dist/mark.es6.js';

/** Wrap `node.data[start, end)`; requests are in document order and do not overlap. */
export interface WrapRequest<Tag> {
  node: Text;
  start: number;
  end: number;
  tag: Tag;
}

export interface Wrapped {
  /** The new <mark>, in the document in place of the wrapped text. */
  mark: HTMLElement;
  /** The new text node after it, holding what followed the wrapped text (maybe empty). */
  rest: Text;
}

export type WrapRanges = <Tag>(
  requests: readonly WrapRequest<Tag>[],
  onWrapped: (wrapped: Wrapped, tag: Tag) => void,
) => void;

/** mark.js passes each range object back untouched apart from its own fields. */
interface IndexedRange extends Mark.Range {
  request: number;
}

export const wrapRanges: WrapRanges = (requests, onWrapped) => {
  const nodes: Text[] = [];
  const nodeStart = new Map<Text, number>();
  let total = 0;
  for (const { node } of requests) {
    if (nodeStart.has(node)) continue;
    nodeStart.set(node, total);
    nodes.push(node);
    total += node.data.length;
  }
  const ranges: IndexedRange[] = requests.map(({ node, start, end }, request) => ({
    start: (nodeStart.get(node) ?? 0) + start,
    length: end - start,
    request,
  }));
  if (ranges.length === 0) return;
  new Mark(nodes as unknown as HTMLElement[]).markRanges(ranges, {
    element: 'mark',
    className: '',
    exclude: [],
    iframes: false,
    each: (element, range) => {
      // mark.js tags its elements for its own unmark(); ours are known to the ledger.
      element.removeAttribute('data-markjs');
      const request = requests[(range as IndexedRange).request];
      if (request) onWrapped({ mark: element as HTMLElement, rest: element.nextSibling as Text }, request.tag);
    },
  });
};

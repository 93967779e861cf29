/**
 * The one place that touches mark.js. Wrapping is mark.js's own primitive,
 * `wrapRangeInTextNode` (split the text node twice, put a new <mark> holding the middle text in
 * the middle piece's place), fed with ranges our matcher found in our own runs.
 * The page node keeps the text before the mark; the text after it moves to a new node.
 *
 * Why not the rest of mark.js:
 * - Its searching is replaced by the matcher, and `unmark()` normalizes parents (merging the
 *   page's own text nodes), so the ledger undoes marks instead.
 * - `markRanges` (the public path) creates a live NodeIterator per text node it is given, and
 *   Chromium updates every live NodeIterator on every node removal until garbage collection:
 *   wrapping 4,000 mentions took 1.5 s, 580 ms of it inside replaceChild (measured in headless
 *   Chromium, see scripts/bench/tools/measure-cost.ts).
 * - `wrapRangeInMappedTextNode` (the layer above the primitive) rebuilds its map's string with
 *   two substr calls and a concatenation per wrap, which V8 flattens on the next wrap: quadratic
 *   in the mentions of one long text node, and about a third of all wrapping time on the 1 MB
 *   bench page (CPU profile, headless Chromium). Each request already lies inside one text node,
 *   which is all the primitive needs.
 * - The dist builds hide the class behind that public facade, hence the import of the ES source.
 *
 * Each request lies inside one text node (a mention crossing inline elements arrives as one
 * request per piece), so whitespace-only pieces can be skipped.
 */
import MarkJs from 'mark.js/src/lib/mark.js';

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

/** The element every highlight is wrapped in: the only element the highlighter creates. */
export const MARK_TAG = 'mark';

let markJs: MarkJs | undefined;

/** mark.js reads only its element and class options while wrapping; one instance serves all. */
function wrapper(): MarkJs {
  if (!markJs) {
    markJs = new MarkJs(null);
    markJs.opt = { element: MARK_TAG, className: '' };
  }
  return markJs;
}

export const wrapRanges: WrapRanges = (requests, onWrapped) => {
  const mark = wrapper();
  // After a wrap the rest of the page node lives on in a new node; later requests on the same
  // page node continue there, `consumed` characters further on.
  let pageNode: Text | undefined;
  let current: Text | undefined;
  let consumed = 0;
  for (const request of requests) {
    if (request.node !== pageNode) {
      pageNode = current = request.node;
      consumed = 0;
    }
    if (!current) continue;
    const rest = mark.wrapRangeInTextNode(current, request.start - consumed, request.end - consumed);
    const element = rest.previousSibling as HTMLElement;
    // mark.js tags its elements for its own unmark(); ours are known to the ledger.
    element.removeAttribute('data-markjs');
    onWrapped({ mark: element, rest }, request.tag);
    current = rest;
    consumed = request.end;
  }
};

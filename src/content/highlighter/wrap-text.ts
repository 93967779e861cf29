/**
 * The one place that touches mark.js. Wrapping is mark.js's own `wrapRangeInMappedTextNode`
 * (split the text node twice, put a new <mark> holding the middle text in the middle piece's
 * place), fed with a text map built from our own runs instead of mark.js's DOM iterator.
 * The page node keeps the text before the mark; the text after it moves to a new node.
 *
 * Why not the rest of mark.js:
 * - Its searching is replaced by the matcher, and `unmark()` normalizes parents (merging the
 *   page's own text nodes), so the ledger undoes marks instead.
 * - `markRanges` (the public path) creates a live NodeIterator per text node it is given, and
 *   Chromium updates every live NodeIterator on every node removal until garbage collection:
 *   wrapping 4,000 mentions took 1.5 s, 580 ms of it inside replaceChild (measured in headless
 *   Chromium, see test/content/highlighter/measure-cost.ts). The mapped-text path has no
 *   iterator and costs about what hand-written wrapping does.
 * - The dist builds hide the class behind that public facade, hence the import of the ES source.
 *
 * Each request lies inside one text node (a mention crossing inline elements arrives as one
 * request per piece): mark.js's filter can only stop a multi-node range, not skip a piece of
 * it, and whitespace-only pieces must be skipped.
 */
import MarkJs, { type MarkJsTextMap } from 'mark.js/src/lib/mark.js';

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

let markJs: MarkJs | undefined;

/** mark.js reads only its element and class options while wrapping; one instance serves all. */
function wrapper(): MarkJs {
  if (!markJs) {
    markJs = new MarkJs(null);
    markJs.opt = { element: 'mark', className: '' };
  }
  return markJs;
}

export const wrapRanges: WrapRanges = (requests, onWrapped) => {
  const mark = wrapper();
  let map: MarkJsTextMap | undefined;
  let mappedNode: Text | undefined;
  let mappedLength = 0;
  for (const request of requests) {
    if (request.node !== mappedNode) {
      // One map per page node: mark.js then re-slices only that node's text after each wrap.
      mappedNode = request.node;
      mappedLength = mappedNode.data.length;
      map = { value: mappedNode.data, nodes: [{ start: 0, end: mappedLength, node: mappedNode }] };
    }
    if (!map) continue;
    // mark.js drops the wrapped prefix from its map; request offsets are into the whole node.
    const consumed = mappedLength - map.value.length;
    mark.wrapRangeInMappedTextNode(
      map,
      request.start - consumed,
      request.end - consumed,
      () => true,
      (element) => {
        // mark.js tags its elements for its own unmark(); ours are known to the ledger.
        element.removeAttribute('data-markjs');
        onWrapped({ mark: element, rest: element.nextSibling as Text }, request.tag);
      },
    );
  }
};

/**
 * The one place that touches mark.js. It wraps a range of one text node in a <mark>, the way
 * mark.js does for every one of its search methods (`wrapRangeInTextNode`): split the node
 * twice, put a new <mark> holding the middle text in the middle piece's place.
 *
 * Only this primitive is used. mark.js's searching is replaced by the matcher, its `unmark()`
 * normalizes parents (merging the page's own text nodes), and `wrapRangeInMappedTextNode`
 * stops a whole mention at the first piece its filter rejects (so a whitespace-only piece in
 * the middle of a split name could not be skipped) and rebuilds its dictionary string on
 * every call (quadratic on a long block). Our own block map does that bookkeeping instead.
 */
import Mark from 'mark.js/dist/mark.es6.js';

/** The part of mark.js's (undocumented, stable since 2018) instance surface used here. */
interface MarkJsInternals {
  opt: { element?: string; className?: string };
  wrapRangeInTextNode(node: Text, start: number, end: number): Text;
}

export interface Wrapped {
  /** The new <mark>, already in the document in place of text[start, end). */
  mark: HTMLElement;
  /** The new text node holding what followed `end` (possibly empty). */
  rest: Text;
}

export type WrapText = (node: Text, start: number, end: number) => Wrapped;

export function createTextWrapper(): WrapText {
  // mark.js keeps its context only for searching, which is not used; an empty list will do.
  const markJs = new Mark([] as unknown as HTMLElement) as unknown as MarkJsInternals;
  markJs.opt = { element: 'mark', className: '' };
  return (node, start, end) => {
    const rest = markJs.wrapRangeInTextNode(node, start, end);
    const mark = rest.previousSibling as HTMLElement;
    // mark.js tags its elements for its own unmark(); ours are found through the ledger.
    mark.removeAttribute('data-markjs');
    return { mark, rest };
  };
}

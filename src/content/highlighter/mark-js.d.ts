/**
 * mark.js 8.11.1's ES source. Its dist builds wrap the class in a facade that only exposes
 * mark/markRegExp/markRanges/unmark; the source exports the class itself, whose wrapping
 * primitives the highlighter uses (see wrap-text.ts). Typed here as far as it is used.
 */
declare module 'mark.js/src/lib/mark.js' {
  export default class MarkJs {
    constructor(context: unknown);
    /** Options; assigning merges them over mark.js's defaults. */
    opt: { element?: string; className?: string };
    /** Wraps `node.data[start, end)` in a new element; returns the text node after it. */
    wrapRangeInTextNode(node: Text, start: number, end: number): Text;
  }
}

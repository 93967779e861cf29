/**
 * mark.js 8.11.1's ES source. Its dist builds wrap the class in a facade that only exposes
 * mark/markRegExp/markRanges/unmark; the source exports the class itself, whose wrapping
 * primitives the highlighter uses (see wrap-text.ts). Typed here as far as it is used.
 */
declare module 'mark.js/src/lib/mark.js' {
  /** mark.js's map of a text: the concatenated value and where each text node sits in it. */
  export interface MarkJsTextMap {
    value: string;
    nodes: Array<{ start: number; end: number; node: Text }>;
  }

  export default class MarkJs {
    constructor(context: unknown);
    /** Options; assigning merges them over mark.js's defaults. */
    opt: { element?: string; className?: string };
    wrapRangeInMappedTextNode(
      dict: MarkJsTextMap,
      start: number,
      end: number,
      filter: (node: Text) => boolean,
      each: (mark: HTMLElement, lastIndex: number) => void,
    ): void;
  }
}

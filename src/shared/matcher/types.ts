/** One claim that text[start, end) refers to an entity. Offsets are UTF-16 code units. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

/**
 * Matching state for one page. Blocks (paragraph-sized runs of text) are scanned in document
 * order; the page remembers which full names it has seen so later short forms can count, and
 * holds back forms that only the rest of the page can decide (see settle()).
 */
export interface PageMatcher {
  /**
   * Mentions in one block of text, in order and non-overlapping. Pure apart from page memory.
   * A mention covers the name and a plural "s" where the entity takes plurals ("H200s"), never
   * a possessive ("Nvidia’s" → "Nvidia"). Blocks without mentions all get one shared, frozen
   * empty array (so the common case allocates nothing): treat the result as read-only.
   */
  scanBlock(text: string): Mention[];
  /**
   * Whether the last scanBlock held a form back for want of page evidence. Only such blocks can
   * read differently after settle(), so they are the ones to scan again.
   */
  heldBack(): boolean;
  /**
   * Weighs the page's evidence so far for the forms held back: a full name seen anywhere on the
   * page, or an ambiguous form's context running through the page. True when that unlocked one:
   * the caller should scan again the blocks that held something back, and those forms will count.
   */
  settle(): boolean;
}

/**
 * A catalog compiled once (see compileMatcher in ./index.ts, which may be handed the catalog's
 * precompiled form).
 */
export interface CompiledMatcher {
  /** Fresh page memory; one per document (or per article when building the knowledge base). */
  newPage(): PageMatcher;
  /**
   * False only when no block within `text` can name anything, whatever the page said before: a
   * cheap test over a large text (all of a page element's text) before reading its blocks one
   * by one. True promises nothing.
   */
  mayName(text: string): boolean;
}

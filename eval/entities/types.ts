/** Label shapes for the entity-highlighting eval: see labels.ts for what each means. */

export interface MentionRule {
  /** Catalog entity id (src/shared/catalog/entities.ts). */
  id: string;
  /** The exact surface text, case-sensitive, whole words. */
  text: string;
  /** Only in blocks whose text contains this. */
  in?: string;
  /** Only the nth (0-based) occurrence among those the rule covers, in document order. */
  nth?: number;
}

export interface SpanRule {
  text: string;
  in?: string;
  nth?: number;
  /** Why it must not be (or may fairly not be) highlighted. */
  why: string;
}

export interface PageLabels {
  /** Page id: a seed, a realworld file name without .html, or an excerpt id. */
  page: string;
  mentions: readonly MentionRule[];
  negatives: readonly SpanRule[];
  unsure?: readonly SpanRule[];
}

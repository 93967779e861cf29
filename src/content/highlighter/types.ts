import type { Mention } from '../../shared/matcher/types';
import type { HighlightStyle, PaintedMention } from './painted-mentions';

export type { HighlightStyle, PaintedMention };

export interface HighlighterOptions {
  /** Where to highlight: usually `document`. */
  root: Element | Document;
  /**
   * Mentions in one run of text, as offsets into it (ordered, non-overlapping). On the first pass
   * runs arrive in document order.
   */
  findMentions: (blockText: string) => Mention[];
  /**
   * Optional: false when no run within this text (all of one element's text) can hold a
   * mention. It lets a walk skip whole parts of a page with one test instead of run by run.
   */
  mayName?: (text: string) => boolean;
  /**
   * Optional: asked right after each findMentions; true when that run held a form back for want
   * of page evidence, so rereadHeldBack() reads it again once the evidence is in.
   */
  heldBack?: () => boolean;
  /** The extension's own UI; `<backstory-ui>` is always skipped as well. */
  isOwnUi?: (node: Node) => boolean;
  /** Default 'background'. */
  style?: HighlightStyle;
}

/**
 * Paints mentions on a page with the CSS Custom Highlight API: every mention of entity `<id>` is
 * a live Range in the highlight registered as `backstory-entity-<id>`. The page's DOM is never
 * written, so stopping (deleting the highlights) leaves it exactly as it would be without us.
 */
export interface Highlighter {
  /** Reads the page in slices (yielding between them), then follows its changes. */
  start(): Promise<void>;
  /** Stops following the page and deletes every highlight of ours. Idempotent. */
  stop(): void;
  /**
   * Reads the whole page again, e.g. after a setting changed or an SPA navigation (give the
   * matcher a new page first). Only runs whose mentions changed are repainted. Starts if stopped.
   */
  rescan(): Promise<void>;
  /** Reads again only the runs that held a form back (after the matcher's settle() unlocked one). */
  rereadHeldBack(): Promise<void>;
  /**
   * Resolves once the page's changes so far are read and painted: no batch waiting, no slices
   * left. For tests and for callers that want counts after a burst of page changes.
   */
  idle(): Promise<void>;
  setStyle(style: HighlightStyle): void;
  /** Mentions in composed document order; a name split across inline elements is one mention. */
  mentions(): PaintedMention[];
  /** Whether any mention is painted now. */
  hasMentions(): boolean;
  /** The mention with a piece in this text node around this offset (a caret position), if any. */
  mentionAt(node: Node, offset: number): PaintedMention | undefined;
  /** Mentions per entity id. */
  counts(): Map<string, number>;
  /** The page's open shadow roots the highlighter reads (a hit test must be told them to look inside). */
  shadowRoots(): ShadowRoot[];
  /** Called after mentions were painted or removed; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

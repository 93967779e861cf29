import type { Mention } from '../../shared/matcher/types';
import type { HighlightStyle, MentionGroup } from './ledger';

export type { HighlightStyle, MentionGroup };

export interface HighlighterOptions {
  /** Where to highlight: usually `document`. */
  root: Element | Document;
  /**
   * Mentions in one run of text, as offsets into it (ordered, non-overlapping). On the first pass
   * runs arrive in document order, so a short form can rely on a full name seen earlier.
   */
  findMentions: (blockText: string) => Mention[];
  /**
   * Optional: false when no run within this text (all of one element's text) can hold a
   * mention. It lets a walk skip whole parts of a page with one test instead of run by run.
   */
  mayName?: (text: string) => boolean;
  /** The extension's own UI; `<backstory-ui>` is always skipped as well. */
  isOwnUi?: (node: Node) => boolean;
  /** Default 'background'. */
  style?: HighlightStyle;
}

/**
 * Highlights mentions on a page as `<mark data-entity="<id>">` and undoes them exactly.
 *
 * Marks carry only attributes of our own: `data-entity`, `tabindex="-1"` (so the keyboard
 * command can focus them) and `data-backstory-style` (which look highlights.css gives them).
 * The page's own elements never get anything.
 */
export interface Highlighter {
  /** Reads the page in slices (yielding between them), then follows its changes. */
  start(): Promise<void>;
  /** Stops following the page and undoes every highlight exactly. Idempotent. */
  stop(): void;
  /**
   * Reads the whole page again, e.g. after a setting changed or an SPA navigation (reset the
   * page matcher first). Only runs whose mentions changed are rewritten. Starts if stopped.
   */
  rescan(): Promise<void>;
  /**
   * Resolves once the page's changes so far are read and highlighted: no batch waiting, no
   * slices left. For tests and for callers that want counts after a burst of page changes.
   */
  idle(): Promise<void>;
  setStyle(style: HighlightStyle): void;
  /** Our marks in document order. */
  marks(): HTMLElement[];
  /** Mentions in document order; a name split across inline elements is one mention. */
  mentions(): MentionGroup[];
  /** The mention a mark belongs to, with all its marks (for the card and navigation). */
  mentionOf(mark: Element): MentionGroup | undefined;
  /** Mentions per entity id; a mention split into several marks counts once. */
  counts(): Map<string, number>;
  /** Called after marks were added or removed; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

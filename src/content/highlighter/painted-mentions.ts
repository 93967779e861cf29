/**
 * The mentions painted on the page, and nothing else: each is one or more Ranges over the page's
 * own text nodes, registered with the CSS Custom Highlight API. No element, attribute or text of
 * ours ever enters the page, so the page's node references, structural CSS, clipboard and
 * frameworks stay its own, and switching off is exact by construction.
 *
 * Every range sits in two highlights: `backstory-entity-<id>` names what it refers to (tests and
 * the hit test read it), and one style highlight, which the content script's stylesheet paints
 * (a static stylesheet cannot know the ids of a reader's own names).
 *
 * Pieces are indexed by text node, so a run read again finds what it painted before without a
 * search, and a pointer over a text node finds its mention.
 */
import { compareComposed } from './composed-tree';

export type HighlightStyle = 'background' | 'underline';

/** One mention: a name, possibly split across inline elements into a piece per text node. */
export interface PaintedMention {
  readonly entityId: string;
  /** Pieces in document order, one per text node, whitespace-only pieces left out. */
  readonly ranges: readonly Range[];
  /** Where the mention lies, as read (ranges are live; these are what a new read compares with). */
  readonly from: Boundary;
  readonly to: Boundary;
  /** The text nodes it spans, blank pieces included (its index entries). */
  readonly nodes: readonly Text[];
}

/** The part of a mention inside one text node, with the text it covers. */
export interface Piece {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Boundary {
  readonly node: Text;
  readonly offset: number;
}

/** Highlight names. Entity highlights are a contract (DESIGN.md); the others are ours to pick. */
export const ENTITY_HIGHLIGHT_PREFIX = 'backstory-entity-';
export const STYLE_HIGHLIGHT_NAMES: Readonly<Record<HighlightStyle, string>> = {
  background: 'backstory-look-background',
  underline: 'backstory-look-underline',
};
/** The mention whose card is open, painted over the others. */
export const ACTIVE_HIGHLIGHT_NAME = 'backstory-look-active';

/** Whether this browser paints ranges (Chromium 105+, Firefox 140+). */
export function canPaint(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights !== undefined;
}

const NON_SPACE = /\S/;

export class PaintedMentions {
  readonly #byNode = new Map<Text, PaintedMention[]>();
  /** Every mention once: what a sweep over all of them walks, without gathering them from the index. */
  readonly #mentions = new Set<PaintedMention>();
  readonly #entityHighlights = new Map<string, Highlight>();
  readonly #styleHighlight = new Highlight();
  readonly #counts = new Map<string, number>();
  #style: HighlightStyle;
  #changed = false;

  constructor(style: HighlightStyle) {
    this.#style = style;
  }

  get size(): number {
    return this.#mentions.size;
  }

  /** Paints a mention over its pieces, in document order. */
  paint(entityId: string, pieces: readonly Piece[]): void {
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (!first || !last) return;
    const ranges: Range[] = [];
    for (const { node, start, end, text } of pieces) {
      if (!NON_SPACE.test(text)) continue;
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
    if (ranges.length === 0) return;
    const mention: PaintedMention = {
      entityId,
      ranges,
      from: { node: first.node, offset: first.start },
      to: { node: last.node, offset: last.end },
      nodes: pieces.map((piece) => piece.node),
    };
    for (const { node } of pieces) {
      const list = this.#byNode.get(node);
      if (list) list.push(mention);
      else this.#byNode.set(node, [mention]);
    }
    let highlight = this.#entityHighlights.get(entityId);
    if (!highlight) {
      highlight = new Highlight();
      this.#entityHighlights.set(entityId, highlight);
      CSS.highlights.set(ENTITY_HIGHLIGHT_PREFIX + entityId, highlight);
    }
    if (this.#styleHighlight.size === 0) CSS.highlights.set(STYLE_HIGHLIGHT_NAMES[this.#style], this.#styleHighlight);
    for (const range of ranges) {
      highlight.add(range);
      this.#styleHighlight.add(range);
    }
    this.#counts.set(entityId, (this.#counts.get(entityId) ?? 0) + 1);
    this.#mentions.add(mention);
    this.#changed = true;
  }

  /** The mentions that touch any of these nodes, each once, in the order met. */
  touching(nodes: readonly Text[]): PaintedMention[] {
    const found: PaintedMention[] = [];
    for (const node of nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      for (const mention of list) if (!found.includes(mention)) found.push(mention);
    }
    return found;
  }

  /** The mention painted at a caret position in a text node (the hit test's look-up). */
  at(node: Node, offset: number): PaintedMention | undefined {
    return this.#byNode.get(node as Text)?.find((mention) =>
      mention.ranges.some((range) => range.startContainer === node && range.startOffset <= offset && offset <= range.endOffset),
    );
  }

  unpaint(mention: PaintedMention): void {
    if (!this.#mentions.delete(mention)) return;
    for (const node of mention.nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      const index = list.indexOf(mention);
      if (index === -1) continue;
      if (list.length === 1) this.#byNode.delete(node);
      else list.splice(index, 1);
    }
    const highlight = this.#entityHighlights.get(mention.entityId);
    for (const range of mention.ranges) {
      highlight?.delete(range);
      this.#styleHighlight.delete(range);
    }
    if (highlight && highlight.size === 0) {
      this.#entityHighlights.delete(mention.entityId);
      CSS.highlights.delete(ENTITY_HIGHLIGHT_PREFIX + mention.entityId);
    }
    if (this.#styleHighlight.size === 0) CSS.highlights.delete(STYLE_HIGHLIGHT_NAMES[this.#style]);
    const count = (this.#counts.get(mention.entityId) ?? 1) - 1;
    if (count > 0) this.#counts.set(mention.entityId, count);
    else this.#counts.delete(mention.entityId);
    this.#changed = true;
  }

  /** Drops every mention `drop` says has gone (its text left the page, or it lies where nothing is read now). */
  unpaintWhere(drop: (mention: PaintedMention) => boolean): void {
    for (const mention of this.all()) if (drop(mention)) this.unpaint(mention);
  }

  clear(): void {
    if (this.#mentions.size === 0) return;
    for (const id of this.#entityHighlights.keys()) CSS.highlights.delete(ENTITY_HIGHLIGHT_PREFIX + id);
    CSS.highlights.delete(STYLE_HIGHLIGHT_NAMES[this.#style]);
    this.#entityHighlights.clear();
    this.#styleHighlight.clear();
    this.#byNode.clear();
    this.#mentions.clear();
    this.#counts.clear();
    this.#changed = true;
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    if (this.#styleHighlight.size > 0) {
      CSS.highlights.delete(STYLE_HIGHLIGHT_NAMES[this.#style]);
      CSS.highlights.set(STYLE_HIGHLIGHT_NAMES[style], this.#styleHighlight);
    }
    this.#style = style;
  }

  /** Every mention, each once, unordered. */
  all(): PaintedMention[] {
    return [...this.#mentions];
  }

  /** Every mention in composed document order (a host's shadow tree where the host is). */
  inDocumentOrder(): PaintedMention[] {
    return this.all().sort(compareMentions);
  }

  counts(): Map<string, number> {
    return new Map(this.#counts);
  }

  /** Whether mentions were painted or removed since the last call. */
  takeChanged(): boolean {
    const changed = this.#changed;
    this.#changed = false;
    return changed;
  }
}

export function compareMentions(a: PaintedMention, b: PaintedMention): number {
  if (a.from.node === b.from.node) return a.from.offset - b.from.offset;
  return compareComposed(a.from.node, b.from.node);
}

/** Whether a mention still reads as it did: its boundary nodes are in the page and its ranges not collapsed. */
export function isIntact(mention: PaintedMention): boolean {
  return mention.from.node.isConnected && mention.to.node.isConnected && mention.ranges.every((range) => !range.collapsed);
}

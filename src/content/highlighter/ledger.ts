/**
 * The ledger: every page text node the highlighter split, with its original text, and every
 * node it created (marks, and the text remainders splitting leaves). It is the only way marks
 * are made and the only way they are undone, so undo is exact: the page's own text node objects
 * get their own text back in their own place, our nodes go, and nothing is merged (no
 * normalize()), so the page's other text nodes stay exactly as the page made them.
 */
import type { Mention } from '../../shared/matcher/types';
import { shadowRootOf } from './composed-tree';
import { applyInlineLook } from './mark-look';
import type { TextRun } from './text-runs';
import type { WrapRanges, WrapRequest } from './wrap-text';

export type HighlightStyle = 'underline' | 'background';

/** The attribute on our marks that selects their look in highlights.css. */
export const STYLE_ATTRIBUTE = 'data-backstory-style';

/** One accepted mention: one mark, or several when the name crosses inline elements. */
export interface MentionGroup {
  readonly entityId: string;
  /** In document order. */
  readonly marks: readonly HTMLElement[];
}

/** A place in the page's text: an offset into a page text node's original text. */
interface Anchor {
  node: Text;
  offset: number;
}

interface MentionRecord extends MentionGroup {
  readonly marks: HTMLElement[];
  readonly start: Anchor;
  readonly end: Anchor;
  /** The split entries holding this mention's marks; a mention is undone all or nothing. */
  readonly entries: SplitEntry[];
  live: boolean;
}

/** A page text node we split, and what we put directly after it. */
interface SplitEntry {
  readonly original: Text;
  readonly originalData: string;
  /** What splitting left in `original`: the text before its first mark. */
  leftData: string;
  readonly parent: Node;
  /** Our nodes in document order, directly after `original`: marks and remainders. */
  readonly created: Node[];
  /** Distinct mentions with a mark here, in order. */
  readonly mentions: MentionRecord[];
  /** The page wrote into `original`: on release its text wins over the one we saved. */
  pageWroteOriginal: boolean;
  /** The page wrote into one of our nodes: the entry is stale and is released. */
  pageWroteOurs: boolean;
}

/** What each wrap request carries back: the page node it splits and the mention it marks. */
interface PieceTag {
  node: Text;
  record: MentionRecord;
}

const NON_SPACE = /\S/;

export class Ledger {
  private readonly entries = new Map<Text, SplitEntry>();
  /** Our nodes → what they belong to: a remainder to its entry, a mark also to its mention. */
  private readonly owners = new WeakMap<Node, { entry: SplitEntry; record?: MentionRecord }>();
  private readonly live = new Set<MentionRecord>();
  /** Split entries by the page element holding them, to check just those a change touches. */
  private readonly byParent = new Map<Node, Set<SplitEntry>>();
  /** Entries the page wrote into since the last releaseWritten(). */
  private readonly written = new Set<SplitEntry>();
  /** Marks inside shadow roots, which carry their look inline (see mark-look.ts). */
  private readonly inlineLooks = new WeakSet<HTMLElement>();
  private changed = false;

  constructor(
    private readonly wrap: WrapRanges,
    private style: HighlightStyle,
  ) {}

  // The three lookups below run for every node a walk visits. With no split left, none of our
  // nodes is in the page (releasing an entry removes them), so they answer without hashing it.

  /** A node the highlighter created (never a page node). */
  isOurs(node: Node): boolean {
    return this.entries.size > 0 && this.owners.has(node);
  }

  isSplit(node: Text): boolean {
    return this.entries.size > 0 && this.entries.has(node);
  }

  /** The text a page text node holds as far as the page knows (before any split of ours). */
  pageText(node: Text): string {
    return (this.entries.size > 0 ? this.entries.get(node)?.originalData : undefined) ?? node.data;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Wraps each mention of a run. The run's nodes must be unsplit (release them first).
   * Whitespace-only pieces of a mention are left unwrapped, so no mark sits between table cells
   * or list items and no empty-looking mark appears between two inline elements.
   */
  apply(run: TextRun, mentions: readonly Mention[]): void {
    const requests = this.planPieces(run, mentions);
    const entryOf = new Map<Text, SplitEntry>();
    for (const { node } of requests) if (!entryOf.has(node)) entryOf.set(node, newEntry(node));
    // A run lies in one tree; highlights.css reaches only the document's.
    const firstNode = requests[0]?.node;
    const inShadowTree = firstNode !== undefined && shadowRootOf(firstNode) !== null;
    this.wrap(requests, ({ mark, rest }, { node, record }) => {
      const entry = entryOf.get(node);
      if (!entry) return;
      mark.setAttribute('data-entity', record.entityId);
      mark.setAttribute('tabindex', '-1');
      mark.setAttribute(STYLE_ATTRIBUTE, this.style);
      if (inShadowTree) {
        applyInlineLook(mark, this.style);
        this.inlineLooks.add(mark);
      }
      // The text inside a mark is found through the mark (its parent), so it needs no entry.
      this.owners.set(mark, { entry, record });
      this.owners.set(rest, { entry });
      entry.created.push(mark, rest);
      record.marks.push(mark);
      if (entry.mentions.at(-1) !== record) {
        entry.mentions.push(record);
        record.entries.push(entry);
      }
      if (!record.live) {
        record.live = true;
        this.live.add(record);
      }
    });
    for (const [node, entry] of entryOf) {
      if (entry.created.length === 0) continue;
      entry.leftData = node.data;
      this.entries.set(node, entry);
      let siblings = this.byParent.get(entry.parent);
      if (!siblings) this.byParent.set(entry.parent, (siblings = new Set()));
      siblings.add(entry);
      this.changed = true;
    }
  }

  /** The mentions currently marked in a run, in run offsets; null when they no longer fit it. */
  currentMentions(run: TextRun): Mention[] | null {
    const runOffset = new Map<Text, number>();
    let position = 0;
    run.nodes.forEach((node, index) => {
      runOffset.set(node, position);
      position += run.texts[index]?.length ?? 0;
    });
    const seen = new Set<MentionRecord>();
    const mentions: Mention[] = [];
    for (const node of run.nodes) {
      const entry = this.entries.get(node);
      if (!entry) continue;
      for (const record of entry.mentions) {
        if (seen.has(record)) continue;
        seen.add(record);
        const startBase = runOffset.get(record.start.node);
        const endBase = runOffset.get(record.end.node);
        if (!record.live || startBase === undefined || endBase === undefined) return null;
        mentions.push({
          start: startBase + record.start.offset,
          end: endBase + record.end.offset,
          entityId: record.entityId,
        });
      }
    }
    return mentions;
  }

  /** Undoes every split in a run. Returns parents of entries released outside the run too. */
  releaseRun(run: TextRun): Set<Node> {
    const touched = new Set<Node>();
    for (const node of run.nodes) {
      const entry = this.entries.get(node);
      if (entry) this.release(entry, touched);
    }
    return touched;
  }

  /** The page wrote into this node (a characterData or childList record named it). */
  notePageWrite(node: Node): void {
    const split = this.entries.get(node as Text);
    if (split) {
      split.pageWroteOriginal = true;
      this.written.add(split);
      return;
    }
    const owner = (this.owners.get(node) ?? (node.parentNode ? this.owners.get(node.parentNode) : undefined))?.entry;
    if (owner) {
      owner.pageWroteOurs = true;
      this.written.add(owner);
    }
  }

  /** Releases the entries the page wrote into. Returns the parents whose text must be read again. */
  releaseWritten(): Set<Node> {
    const touched = new Set<Node>();
    for (const entry of this.written) this.release(entry, touched);
    this.written.clear();
    return touched;
  }

  /**
   * Releases the entries a page's child-list changes disturbed: split nodes removed or moved,
   * our nodes removed, or page nodes put between ours. Only entries the records point at are
   * looked at (those under the changed parents and inside the removed nodes), so the work is
   * proportional to the change, not to the number of marks. Returns parents to read again.
   */
  releaseDisturbed(records: readonly MutationRecord[], inScope: (node: Node) => boolean): Set<Node> {
    const suspects = new Set<SplitEntry>();
    for (const record of records) {
      if (record.type !== 'childList') continue;
      for (const entry of this.byParent.get(record.target) ?? []) suspects.add(entry);
      for (const removed of record.removedNodes) this.collectEntriesIn(removed, suspects);
    }
    const touched = new Set<Node>();
    for (const entry of suspects) {
      if (this.entries.get(entry.original) === entry && !this.isIntact(entry, inScope)) this.release(entry, touched);
    }
    return touched;
  }

  /**
   * Whether releaseWritten or releaseDisturbed could find anything to undo after these records:
   * false for the common page change that writes into none of our splits and removes nothing
   * (a feed appending), which then costs no write-guarded pass at all.
   */
  mayNeedRelease(records: readonly MutationRecord[]): boolean {
    if (this.written.size > 0) return true;
    for (const record of records) {
      if (record.type !== 'childList') continue;
      if (record.removedNodes.length > 0 || this.byParent.has(record.target)) return true;
    }
    return false;
  }

  /** Releases the entries inside `container` (it became editable or hidden, or a shadow root left). */
  releaseInside(container: Node): Set<Node> {
    const inside = new Set<SplitEntry>();
    this.collectEntriesIn(container, inside);
    const touched = new Set<Node>();
    for (const entry of inside) this.release(entry, touched);
    return touched;
  }

  releaseAll(): void {
    this.written.clear();
    const touched = new Set<Node>();
    for (const entry of [...this.entries.values()]) {
      if (this.entries.has(entry.original)) this.release(entry, touched);
    }
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    for (const record of this.live) {
      for (const mark of record.marks) {
        mark.setAttribute(STYLE_ATTRIBUTE, style);
        if (this.inlineLooks.has(mark)) applyInlineLook(mark, style);
      }
    }
  }

  /**
   * Our marks under `root`, in document order (the page's own marks are left out). Not inside
   * shadow trees under it: each shadow root is a root of its own here.
   */
  marks(root: ParentNode): HTMLElement[] {
    const marks: HTMLElement[] = [];
    for (const element of root.querySelectorAll('mark[data-entity]')) {
      if (this.owners.get(element)?.record?.live) marks.push(element as HTMLElement);
    }
    return marks;
  }

  /** The live mentions these marks belong to, in the marks' order (by first mark). */
  mentionsOf(marks: readonly Element[]): MentionGroup[] {
    const mentions = new Set<MentionRecord>();
    for (const mark of marks) {
      const record = this.owners.get(mark)?.record;
      if (record) mentions.add(record);
    }
    return [...mentions];
  }

  mentionOf(mark: Element): MentionGroup | undefined {
    const record = this.owners.get(mark)?.record;
    return record?.live ? record : undefined;
  }

  /** Mentions per entity; a mention split into several marks counts once. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const record of this.live) counts.set(record.entityId, (counts.get(record.entityId) ?? 0) + 1);
    return counts;
  }

  /** Whether marks were added or removed since the last call. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** Maps each mention onto the run's nodes: one request per non-blank piece, in order. */
  private planPieces(run: TextRun, mentions: readonly Mention[]): WrapRequest<PieceTag>[] {
    const nodeStarts: number[] = [];
    let total = 0;
    for (const text of run.texts) {
      nodeStarts.push(total);
      total += text.length;
    }
    const piecesByNode = new Map<number, WrapRequest<PieceTag>[]>();
    let first = 0;
    for (const mention of mentions) {
      while (first < run.nodes.length && (nodeStarts[first] ?? 0) + (run.texts[first]?.length ?? 0) <= mention.start) first++;
      const record = this.newRecord(run, nodeStarts, mention, first);
      if (!record) continue;
      for (let index = first; index < run.nodes.length; index++) {
        const nodeStart = nodeStarts[index] ?? 0;
        const node = run.nodes[index];
        if (nodeStart >= mention.end || !node) break;
        const text = run.texts[index] ?? '';
        const start = Math.max(mention.start, nodeStart) - nodeStart;
        const end = Math.min(mention.end, nodeStart + text.length) - nodeStart;
        if (end <= start || !NON_SPACE.test(text.slice(start, end))) continue;
        let pieces = piecesByNode.get(index);
        if (!pieces) piecesByNode.set(index, (pieces = []));
        pieces.push({ node, start, end, tag: { node, record } });
      }
    }
    // Mentions are ordered, so each node's pieces already are; order the nodes.
    return [...piecesByNode.entries()].sort(([a], [b]) => a - b).flatMap(([, pieces]) => pieces);
  }

  private newRecord(run: TextRun, nodeStarts: number[], mention: Mention, from: number): MentionRecord | null {
    const start = anchorAt(run, nodeStarts, mention.start, false, from);
    const end = anchorAt(run, nodeStarts, mention.end, true, from);
    if (!start || !end) return null;
    return { entityId: mention.entityId, marks: [], start, end, entries: [], live: false };
  }

  /** The entries a node holds: itself (a split page node or one of ours) or marks inside it. */
  private collectEntriesIn(node: Node, into: Set<SplitEntry>): void {
    const own = this.entries.get(node as Text) ?? this.owners.get(node)?.entry;
    if (own) {
      into.add(own);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    for (const mark of (node as ParentNode).querySelectorAll('mark[data-entity]')) {
      const entry = this.owners.get(mark)?.entry;
      if (entry) into.add(entry);
    }
  }

  private isIntact(entry: SplitEntry, inScope: (node: Node) => boolean): boolean {
    const { original, parent } = entry;
    if (entry.pageWroteOriginal || entry.pageWroteOurs || original.parentNode !== parent || original.data !== entry.leftData) return false;
    if (!inScope(parent)) return false;
    let expected: Node | null = original.nextSibling;
    for (const node of entry.created) {
      if (node !== expected) return false;
      expected = node.nextSibling;
    }
    return true;
  }

  /**
   * Removes our nodes and gives the page node its text back, unless the page wrote into it
   * (then the page's text wins). When the page wrote into our nodes instead (a script that
   * rewrites every text node), that write is lost with them and the page node gets its whole
   * original text back: better than losing the text that was inside our marks. Every mention with a mark here goes entirely, so other
   * entries holding its other marks are released too; their parents land in `touched`.
   */
  private release(entry: SplitEntry, touched: Set<Node>): void {
    if (this.entries.get(entry.original) !== entry) return;
    this.entries.delete(entry.original);
    const siblings = this.byParent.get(entry.parent);
    siblings?.delete(entry);
    if (siblings?.size === 0) this.byParent.delete(entry.parent);
    for (const node of entry.created) node.parentNode?.removeChild(node);
    const pageKeptOurSplit = entry.original.data === entry.leftData;
    if (!entry.pageWroteOriginal && pageKeptOurSplit) entry.original.data = entry.originalData;
    touched.add(entry.parent);
    this.changed = true;
    for (const record of entry.mentions) {
      if (!record.live) continue;
      record.live = false;
      this.live.delete(record);
      for (const other of record.entries) this.release(other, touched);
    }
  }
}

/** The node holding run offset `offset`; at a node boundary, the earlier node when it ends there. */
function anchorAt(run: TextRun, nodeStarts: number[], offset: number, isEnd: boolean, from: number): Anchor | null {
  for (let index = Math.max(0, from - 1); index < run.nodes.length; index++) {
    const start = nodeStarts[index] ?? 0;
    const length = run.texts[index]?.length ?? 0;
    const inside = isEnd ? offset > start && offset <= start + length : offset >= start && offset < start + length;
    const node = run.nodes[index];
    if (inside && node) return { node, offset: offset - start };
  }
  return null;
}

function newEntry(node: Text): SplitEntry {
  return {
    original: node,
    originalData: node.data,
    leftData: node.data,
    parent: node.parentNode as Node,
    created: [],
    mentions: [],
    pageWroteOriginal: false,
    pageWroteOurs: false,
  };
}

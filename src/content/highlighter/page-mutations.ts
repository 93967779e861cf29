/**
 * Turns the page's MutationRecords into the least work that brings the highlights up to date:
 * which containers' own text changed, which subtrees are new, which became untouchable. Nothing
 * of the highlighter's is in the page, so every record is the page's.
 */
import { isExcludedElement, isInlineElement } from './element-rules';

export interface PageChanges {
  /** Nodes whose container's own runs must be read again (text changed, children changed). */
  readonly textChanged: Set<Node>;
  /** Elements whose whole subtree is new or newly readable. */
  readonly subtrees: Set<Element>;
  /** Elements that just became editable, hidden or inert: highlights inside them go. */
  readonly nowExcluded: Set<Element>;
}

export interface MutationReaderContext {
  isOwnUi?: ((node: Node) => boolean) | undefined;
}

export function readPageChanges(records: readonly MutationRecord[], context: MutationReaderContext): PageChanges {
  const changes: PageChanges = {
    textChanged: new Set(),
    subtrees: new Set(),
    nowExcluded: new Set(),
  };
  for (const record of records) {
    const target = record.target;
    switch (record.type) {
      case 'characterData':
        changes.textChanged.add(target);
        break;
      case 'childList':
        if (changesOwnRuns(record)) changes.textChanged.add(target);
        for (const added of record.addedNodes) {
          if (added.nodeType === Node.ELEMENT_NODE) changes.subtrees.add(added as Element);
        }
        break;
      case 'attributes':
        if (target.nodeType !== Node.ELEMENT_NODE) break;
        if (isExcludedElement(target as Element, context.isOwnUi)) changes.nowExcluded.add(target as Element);
        else changes.subtrees.add(target as Element);
        break;
    }
  }
  return changes;
}

/**
 * Whether a child-list change can alter the runs of its target's own text. Adding or removing
 * block-level elements only moves run boundaries: a run next to the change point ends at the new
 * block instead of the next one, its text the same. Only when text, an inline element or a
 * comment came or went, or the change point sits between two pieces of one run (joining or
 * splitting it), is there anything to read again. So a feed that appends a paragraph at a
 * time costs that paragraph, not a walk over all its siblings.
 */
function changesOwnRuns(record: MutationRecord): boolean {
  // Inside an inline element the child list's ends are no run boundary.
  const target = record.target;
  if (target.nodeType === Node.ELEMENT_NODE && isInlineElement(target as Element)) return true;
  for (const node of record.addedNodes) if (!isRunBoundary(node)) return true;
  for (const node of record.removedNodes) if (!isRunBoundary(node)) return true;
  const [before, after] = changePoint(record);
  return !endsRunsToward(before, -1, target) && !endsRunsToward(after, 1, target);
}

/** Blank text and comments passed on the way to a boundary; beyond these, assume text follows. */
const BLANK_NODES_SEEN_MAX = 8;
const NON_SPACE = /\S/;

/**
 * Whether a run boundary stands at `node` or beyond it, in the direction `step`, with nothing but
 * blank text and comments in between. Pretty-printed markup puts a line break between sibling
 * blocks, so a block put in or taken out of a list mostly lands between two of them: nothing
 * there can name anything, and the list's own text needs no walk over all its children.
 */
function endsRunsToward(node: Node | null, step: -1 | 1, parent: Node): boolean {
  let current = node;
  for (let seen = 0; seen <= BLANK_NODES_SEEN_MAX; seen++) {
    if (current === null) return true;
    // A node the page has moved or removed since: its neighbours now tell nothing.
    if (current.parentNode !== parent) return false;
    if (isRunBoundary(current)) return true;
    if (current.nodeType === Node.TEXT_NODE && NON_SPACE.test((current as Text).data)) return false;
    if (current.nodeType === Node.ELEMENT_NODE) return false;
    current = step < 0 ? current.previousSibling : current.nextSibling;
  }
  return false;
}

/**
 * The nodes either side of the change. For an insertion they are read around the inserted nodes
 * as they stand now (a change since then has a record of its own; and happy-dom leaves them out
 * of insertion records); for a removal they are the record's.
 */
function changePoint(record: MutationRecord): [Node | null, Node | null] {
  const first = record.addedNodes[0];
  const last = record.addedNodes[record.addedNodes.length - 1];
  if (first && last && first.parentNode === record.target && last.parentNode === record.target) {
    return [first.previousSibling, last.nextSibling];
  }
  return [record.previousSibling, record.nextSibling];
}

/** Nothing (the start or end of the child list), or an element that ends every run around it. */
function isRunBoundary(node: Node | null): boolean {
  if (node === null) return true;
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  return !isInlineElement(node as Element);
}

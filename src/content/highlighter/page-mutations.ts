/**
 * Turns the page's MutationRecords into the least work that brings the highlights up to date:
 * which containers' own text changed, which subtrees are new, which became untouchable. The
 * highlighter's own writes never get here (it takes their records and drops them).
 */
import { isExcludedElement } from './element-rules';

export interface PageChanges {
  /** Nodes whose container's own runs must be read again (text changed, children changed). */
  readonly textChanged: Set<Node>;
  /** Elements whose whole subtree is new or newly readable. */
  readonly subtrees: Set<Element>;
  /** Elements that just became editable, hidden or inert: highlights inside them go. */
  readonly nowExcluded: Set<Element>;
  // Splits disturbed by child-list changes are found by the ledger from the records themselves.
}

export interface MutationReaderContext {
  /** Records that the page wrote into a node (its text then wins over our split). */
  notePageWrite(node: Node): void;
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
        context.notePageWrite(target);
        changes.textChanged.add(target);
        break;
      case 'childList':
        // A child list changing inside one of our marks is the page writing into our nodes.
        context.notePageWrite(target);
        changes.textChanged.add(target);
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

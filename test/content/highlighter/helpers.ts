/**
 * Shared fixtures for the highlighter tests: a tiny matcher, what is painted (read from the
 * highlighter and from the highlight registry), and a tree snapshot that proves the page's DOM is
 * never written.
 */
import { registeredHighlights } from '../support/highlight-api';
import { afterEach, expect } from 'vitest';
import type { Mention } from '../../../src/shared/matcher/types';
import { createHighlighter } from '../../../src/content/highlighter';
import type { Highlighter, HighlighterOptions } from '../../../src/content/highlighter';

/** Phrase → entity id; matched case-sensitively on word boundaries, longest phrases first. */
export const TEST_NAMES: Readonly<Record<string, string>> = {
  'Salt Typhoon': 'salt-typhoon',
  MSS: 'mss',
  Nvidia: 'nvidia',
  'Xi Jinping': 'xi-jinping',
};

export function phraseMatcher(names: Readonly<Record<string, string>> = TEST_NAMES) {
  const phrases = Object.keys(names).sort((a, b) => b.length - a.length);
  const escaped = phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const seen: string[] = [];
  const findMentions = (text: string): Mention[] => {
    seen.push(text);
    const mentions: Mention[] = [];
    for (const match of text.matchAll(pattern)) {
      const key = phrases.find((phrase) => new RegExp(`^${phrase.replace(/ /g, '\\s+')}$`, 'u').test(match[0]));
      const entityId = key ? names[key] : undefined;
      if (entityId) mentions.push({ start: match.index, end: match.index + match[0].length, entityId });
    }
    return mentions;
  };
  return { findMentions, seen };
}

/** Puts markup into a fresh body (test fixtures only; src/ never parses HTML). */
export function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

export function highlighterFor(root: Element | Document, options: Partial<HighlighterOptions> = {}) {
  const matcher = phraseMatcher();
  const highlighter: Highlighter = createHighlighter({ root, findMentions: matcher.findMentions, ...options });
  return { highlighter, seen: matcher.seen };
}

/** Every node under root with its identity and text, in document order. */
export interface NodeSnapshot {
  node: Node;
  parent: Node | null;
  data: string | null;
  attributes: string | null;
}

export function snapshot(root: Node): NodeSnapshot[] {
  const nodes: NodeSnapshot[] = [];
  const visit = (node: Node) => {
    nodes.push({
      node,
      parent: node.parentNode,
      data: node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE ? (node as CharacterData).data : null,
      attributes:
        node.nodeType === Node.ELEMENT_NODE
          ? [...(node as Element).attributes].map((attribute) => `${attribute.name}=${attribute.value}`).join(' ')
          : null,
    });
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return nodes;
}

/** Asserts two snapshots hold the same node objects, parents, text and attributes, in order. */
export function sameTree(before: readonly NodeSnapshot[], after: readonly NodeSnapshot[]): boolean {
  return (
    before.length === after.length &&
    before.every((entry, index) => {
      const other = after[index];
      return (
        other !== undefined &&
        entry.node === other.node &&
        entry.parent === other.parent &&
        entry.data === other.data &&
        entry.attributes === other.attributes
      );
    })
  );
}

/** Every painted piece, in document order, as `entity:text` (one per range; blank pieces are never painted). */
export function markTexts(highlighter: Highlighter): string[] {
  return highlighter.mentions().flatMap((mention) => mention.ranges.map((range) => `${mention.entityId}:${range.toString()}`));
}

/** Every range registered in CSS.highlights under `backstory-entity-<id>`, as `id:text`, sorted. */
export function registeredTexts(): string[] {
  const texts: string[] = [];
  for (const [name, ranges] of registeredHighlights('backstory-entity-')) {
    for (const range of ranges) texts.push(`${name.slice('backstory-entity-'.length)}:${(range as Range).toString()}`);
  }
  return texts.sort();
}

/**
 * Asserts the registry says exactly what the highlighter says: each entity's highlight holds the
 * ranges of its mentions and nothing else, the one style highlight holds every range, and no other
 * name of ours is registered.
 */
export function expectRegistryAgrees(highlighter: Highlighter, style: 'background' | 'underline' = 'background'): void {
  const mentions = highlighter.mentions();
  const expected = new Map<string, Set<AbstractRange>>();
  for (const mention of mentions) {
    const ranges = expected.get(`backstory-entity-${mention.entityId}`) ?? new Set<AbstractRange>();
    for (const range of mention.ranges) ranges.add(range);
    expected.set(`backstory-entity-${mention.entityId}`, ranges);
  }
  const all = mentions.flatMap((mention) => mention.ranges);
  if (all.length > 0) expected.set(`backstory-look-${style}`, new Set(all));
  const registered = registeredHighlights();
  expect([...registered.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, ranges] of expected) expect(new Set(registered.get(name))).toEqual(ranges);
}

/** Counts DOM mutations under root (what a page, or a test, would observe). */
export function recordMutations(root: Node) {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(root, { childList: true, characterData: true, subtree: true, attributes: true });
  return {
    take(): MutationRecord[] {
      records.push(...observer.takeRecords());
      return records;
    },
    stop() {
      observer.disconnect();
    },
  };
}

/**
 * Registers cleanup for a test file: after each test, the highlighter last passed to the returned
 * `track` is stopped, which must leave no highlight of ours registered, and the page is emptied
 * (and designMode switched off), so tests never share highlights.
 */
export function trackHighlighters(): (highlighter: Highlighter) => Highlighter {
  let current: Highlighter | undefined;
  afterEach(() => {
    current?.stop();
    current = undefined;
    const left = [...registeredHighlights().keys()];
    CSS.highlights.clear();
    document.body.replaceChildren();
    document.designMode = 'off';
    expect(left).toEqual([]);
  });
  return (highlighter) => (current = highlighter);
}

/**
 * Watches a page from before the highlighter starts: `unwritten()` asserts the tree is node for
 * node what it was and that nothing wrote to it at all (no mutation record), since the highlighter
 * only paints. Only for stretches where the test itself does not edit the page.
 */
export function watchPage(root: Node) {
  const before = snapshot(root);
  const mutations = recordMutations(root);
  return {
    before,
    unwritten(): void {
      expect(mutations.take()).toEqual([]);
      expect(sameTree(before, snapshot(root))).toBe(true);
    },
    stop(): void {
      mutations.stop();
    },
  };
}

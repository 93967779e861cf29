/** Shared fixtures for the highlighter tests: a tiny matcher and a tree snapshot. */
import { afterEach } from 'vitest';
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

export function markTexts(highlighter: Highlighter): string[] {
  return highlighter.marks().map((mark) => `${mark.dataset.entity}:${mark.textContent}`);
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
 * `track` is stopped and the page emptied (and designMode switched off), so tests never share marks.
 */
export function trackHighlighters(): (highlighter: Highlighter) => Highlighter {
  let current: Highlighter | undefined;
  afterEach(() => {
    current?.stop();
    current = undefined;
    document.body.replaceChildren();
    document.designMode = 'off';
  });
  return (highlighter) => (current = highlighter);
}

/**
 * Compiles surface strings into trie-shaped regular expression sources. Shared prefixes are
 * written once, so the pattern's cost per text position depends on how far the text agrees with
 * some form, not on how many forms there are.
 */
import { APOSTROPHE, WORD_SEPARATOR } from './text-classes';

/** A trie edge: one literal character, or a marker for a separator or apostrophe class. */
type Token = string;

const SEPARATOR_TOKEN = '\u0000sep';
const APOSTROPHE_TOKEN = '\u0000apos';

export interface TrieNode {
  children: Map<Token, TrieNode>;
  /** A surface ends here. */
  terminal: boolean;
}

const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/** Splits a surface string into trie tokens: spaces and hyphens separate words. */
function tokenize(surface: string): Token[] {
  const tokens: Token[] = [];
  for (const char of surface) {
    if (char === ' ' || char === '-') tokens.push(SEPARATOR_TOKEN);
    else if (char === "'" || char === '\u2019') tokens.push(APOSTROPHE_TOKEN);
    else tokens.push(char);
  }
  return tokens;
}

export function tokenSource(token: Token): string {
  if (token === SEPARATOR_TOKEN) return WORD_SEPARATOR;
  if (token === APOSTROPHE_TOKEN) return APOSTROPHE;
  return REGEX_SYNTAX.test(token) ? `\\${token}` : token;
}

/** True for a token that is one literal character (its code point can key a dispatch table). */
export function isLiteralToken(token: Token): boolean {
  return token !== SEPARATOR_TOKEN && token !== APOSTROPHE_TOKEN;
}

function newNode(): TrieNode {
  return { children: new Map(), terminal: false };
}

export function buildTrie(surfaces: Iterable<string>): TrieNode {
  const root = newNode();
  for (const surface of surfaces) {
    if (surface.length === 0) continue;
    let node = root;
    for (const token of tokenize(surface)) {
      let child = node.children.get(token);
      if (child === undefined) {
        child = newNode();
        node.children.set(token, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  return root;
}

/**
 * Source for the strings below one node (the node's own edge excluded). Longer continuations
 * are tried before stopping at a terminal node (`(?:…)?` is greedy), which gives the longest
 * form at each start; if the text after it fails the caller's boundary, backtracking falls back
 * to shorter forms. A leaf gives the empty string.
 */
export function nodeSource(node: TrieNode): string {
  const parts: string[] = [];
  emitNode(node, parts);
  return parts.join('');
}

/** Appends to one list rather than concatenating per level: tries of thousands of names are deep. */
function emitNode(node: TrieNode, parts: string[]): void {
  const { children } = node;
  if (children.size === 0) return;
  const grouped = children.size > 1 || node.terminal;
  if (grouped) parts.push('(?:');
  let first = true;
  for (const [token, child] of children) {
    if (!first) parts.push('|');
    first = false;
    parts.push(tokenSource(token));
    emitNode(child, parts);
  }
  if (grouped) parts.push(node.terminal ? ')?' : ')');
}

/** The alternatives below a node, one per edge: the edge's token and everything under it. */
export function childAlternatives(node: TrieNode): string[] {
  return [...node.children].map(([token, child]) => tokenSource(token) + nodeSource(child));
}

/** Alternatives joined as one source, optional when the node they hang from ends a surface. */
export function groupSource(alternatives: readonly string[], optional: boolean): string {
  if (alternatives.length === 0) return '';
  if (alternatives.length === 1 && !optional) return alternatives[0] ?? '';
  return `(?:${alternatives.join('|')})${optional ? '?' : ''}`;
}

/** A character class of the trie's first characters, e.g. "[BHMNSTXr]"; never-matching when empty. */
export function firstCharClass(root: TrieNode): string {
  const firsts = [...root.children.keys()].filter(isLiteralToken).sort();
  if (firsts.length === 0) return '(?!)';
  return `[${firsts.map((char) => (/[\\\]^-]/.test(char) ? `\\${char}` : char)).join('')}]`;
}

/**
 * A trie of surface strings, and its compilation into a trie-shaped regular expression source.
 * Shared prefixes are written once, so the pattern's cost per text position depends on how far
 * the text agrees with some form, not on how many forms there are.
 *
 * The trie grows on demand: a node keeps the surfaces below it and sorts them into children the
 * first time someone asks. Writing a pattern asks for every node; walking a large catalog's trie
 * along page text (see trie-walk.ts) asks only for the nodes the text reaches, so a page pays for
 * the prefixes it contains, not for the whole catalog.
 */
import { APOSTROPHE, WORD_SEPARATOR, isApostrophe, isHyphen, isSpace } from './text-classes';

/** A trie edge: one literal character, or a marker for a separator or apostrophe class. */
export type Token = string;

export const SEPARATOR_TOKEN = '\u0000sep';
export const APOSTROPHE_TOKEN = '\u0000apos';

export interface TrieNode {
  /**
   * Where the node's edge ends in each of its surfaces (UTF-16 units). Every token is one code
   * point of the surface, so all surfaces below a node agree on it.
   */
  readonly depth: number;
  /** A surface ends here. */
  terminal: boolean;
  /** Surfaces through this node, until its children are made from them. */
  surfaces: string[];
  children: Map<Token, TrieNode> | null;
}

const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/**
 * The token of one character: whatever the separator or apostrophe class matches is that class
 * (the catalog folds its forms so anyway), so no literal edge ever matches the same character
 * as another edge and a walk of the trie has one way on.
 */
function tokenOf(char: string): Token {
  if (isSpace(char) || isHyphen(char)) return SEPARATOR_TOKEN;
  return isApostrophe(char) ? APOSTROPHE_TOKEN : char;
}

/** The token of the character at `index` of a text or surface; '' past its end. */
export function tokenAt(text: string, index: number): Token {
  // Most characters are ASCII letters and digits, past every separator and apostrophe: no class
  // tests, and V8 keeps their one-character strings, so nothing is allocated.
  const code = text.charCodeAt(index);
  if (code > 0x27 && code < 0x7f && code !== 0x2d) return text.charAt(index);
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : tokenOf(String.fromCodePoint(codePoint));
}

/** UTF-16 units a token takes in the text it was read from, a separator's run aside. */
export function tokenLength(token: Token): number {
  return isLiteralToken(token) ? token.length : 1;
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

function newNode(depth: number, surfaces: string[]): TrieNode {
  return { depth, terminal: false, surfaces, children: null };
}

export function buildTrie(surfaces: Iterable<string>): TrieNode {
  return newNode(0, [...surfaces].filter((surface) => surface.length > 0));
}

/** A node's children, made from its surfaces on first call. */
export function childrenOf(node: TrieNode): Map<Token, TrieNode> {
  if (node.children !== null) return node.children;
  const children = new Map<Token, TrieNode>();
  for (const surface of node.surfaces) {
    if (surface.length === node.depth) continue;
    const token = tokenAt(surface, node.depth);
    const depth = node.depth + tokenLength(token);
    let child = children.get(token);
    if (child === undefined) {
      child = newNode(depth, []);
      children.set(token, child);
    }
    if (surface.length === depth) child.terminal = true;
    else child.surfaces.push(surface);
  }
  node.children = children;
  node.surfaces = [];
  return children;
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
  const children = childrenOf(node);
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

/** A character class of the trie's first characters, e.g. "[BHMNSTXr]"; never-matching when empty. */
export function firstCharClass(root: TrieNode): string {
  const firsts = [...childrenOf(root).keys()].filter(isLiteralToken).sort();
  if (firsts.length === 0) return '(?!)';
  return `[${firsts.map((char) => (/[\\\]^-]/.test(char) ? `\\${char}` : char)).join('')}]`;
}

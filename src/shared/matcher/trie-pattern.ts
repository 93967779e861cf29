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
import { APOSTROPHE, WORD_SEPARATOR } from './text-classes';

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
  /** Among its siblings, in the order the surfaces first reached it: the order a pattern tries them. */
  readonly rank: number;
  /** Surfaces through this node, until its children are made from them. */
  surfaces: string[];
  children: Map<Token, TrieNode> | null;
}

const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/** The token of a surface at one of its code points: spaces and hyphens separate words. */
function tokenAt(surface: string, index: number): Token {
  const char = String.fromCodePoint(surface.codePointAt(index) ?? 0);
  if (char === ' ' || char === '-') return SEPARATOR_TOKEN;
  if (char === "'" || char === '\u2019') return APOSTROPHE_TOKEN;
  return char;
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

function newNode(depth: number, rank: number, terminal: boolean, surfaces: string[]): TrieNode {
  return { depth, terminal, rank, surfaces, children: null };
}

export function buildTrie(surfaces: Iterable<string>): TrieNode {
  return newNode(0, 0, false, [...surfaces].filter((surface) => surface.length > 0));
}

/** A node's children, made from its surfaces on first call. */
export function childrenOf(node: TrieNode): Map<Token, TrieNode> {
  if (node.children !== null) return node.children;
  const children = new Map<Token, TrieNode>();
  for (const surface of node.surfaces) {
    if (surface.length === node.depth) continue;
    const token = tokenAt(surface, node.depth);
    const depth = node.depth + ((surface.codePointAt(node.depth) ?? 0) > 0xffff ? 2 : 1);
    let child = children.get(token);
    if (child === undefined) {
      child = newNode(depth, children.size, false, []);
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
  const writer = new SourceWriter(Number.POSITIVE_INFINITY);
  writer.node(node);
  return writer.source();
}

/**
 * Writes sources into one list rather than concatenating per level (tries of thousands of names
 * are deep), and stops writing once past `limit` characters: deciding that a catalog is too
 * large for one pattern should not cost writing all of it.
 */
export class SourceWriter {
  private readonly parts: string[] = [];
  length = 0;

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.length > this.limit;
  }

  write(part: string): void {
    this.parts.push(part);
    this.length += part.length;
  }

  node(node: TrieNode): void {
    if (this.full) return;
    const children = childrenOf(node);
    if (children.size === 0) return;
    const grouped = children.size > 1 || node.terminal;
    if (grouped) this.write('(?:');
    let first = true;
    for (const [token, child] of children) {
      if (!first) this.write('|');
      first = false;
      this.write(tokenSource(token));
      this.node(child);
    }
    if (grouped) this.write(node.terminal ? ')?' : ')');
  }

  source(): string {
    return this.parts.join('');
  }
}

/** The alternatives below a node, one per edge: the edge's token and everything under it. */
export function childAlternatives(node: TrieNode): string[] {
  return [...childrenOf(node)].map(([token, child]) => tokenSource(token) + nodeSource(child));
}

/** Alternatives joined as one source, optional when the node they hang from ends a surface. */
export function groupSource(alternatives: readonly string[], optional: boolean): string {
  if (alternatives.length === 0) return '';
  if (alternatives.length === 1 && !optional) return alternatives[0] ?? '';
  return `(?:${alternatives.join('|')})${optional ? '?' : ''}`;
}

/** A character class of the trie's first characters, e.g. "[BHMNSTXr]"; never-matching when empty. */
export function firstCharClass(root: TrieNode): string {
  const firsts = [...childrenOf(root).keys()].filter(isLiteralToken).sort();
  if (firsts.length === 0) return '(?!)';
  return `[${firsts.map((char) => (/[\\\]^-]/.test(char) ? `\\${char}` : char)).join('')}]`;
}

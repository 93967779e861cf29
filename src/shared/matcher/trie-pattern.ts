/**
 * Compiles surface strings into one trie-shaped regular expression source. Shared prefixes are
 * written once, so the pattern's cost per text position depends on how far the text agrees with
 * some form, not on how many forms there are.
 */
import { APOSTROPHE, WORD_SEPARATOR } from './text-classes';

/** A trie edge: one literal character, or a class that stands for a separator or apostrophe. */
type Token = string;

const SEPARATOR_TOKEN = '\u0000sep';
const APOSTROPHE_TOKEN = '\u0000apos';

interface TrieNode {
  children: Map<Token, TrieNode>;
  terminal: boolean;
}

const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/** Splits a surface string into trie tokens: spaces and hyphens separate words. */
export function tokenize(surface: string): Token[] {
  const tokens: Token[] = [];
  for (const char of surface) {
    if (char === ' ' || char === '-') tokens.push(SEPARATOR_TOKEN);
    else if (char === "'" || char === '\u2019') tokens.push(APOSTROPHE_TOKEN);
    else tokens.push(char);
  }
  return tokens;
}

function tokenSource(token: Token): string {
  if (token === SEPARATOR_TOKEN) return WORD_SEPARATOR;
  if (token === APOSTROPHE_TOKEN) return APOSTROPHE;
  return REGEX_SYNTAX.test(token) ? `\\${token}` : token;
}

function newNode(): TrieNode {
  return { children: new Map(), terminal: false };
}

function insert(root: TrieNode, tokens: readonly Token[]): void {
  let node = root;
  for (const token of tokens) {
    let child = node.children.get(token);
    if (child === undefined) {
      child = newNode();
      node.children.set(token, child);
    }
    node = child;
  }
  node.terminal = true;
}

/**
 * Source for the strings below one node. Longer continuations are tried before stopping at a
 * terminal node (`(?:…)?` is greedy), which gives the longest form at each start; if the text
 * after it fails the caller's boundary, backtracking falls back to shorter forms.
 */
function nodeSource(node: TrieNode): string {
  const branches: string[] = [];
  for (const [token, child] of node.children) {
    branches.push(tokenSource(token) + nodeSource(child));
  }
  if (branches.length === 0) return '';
  const alternatives = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  if (!node.terminal) return alternatives;
  return branches.length === 1 ? `(?:${alternatives})?` : `${alternatives}?`;
}

/** One regular-expression source (no flags, no boundaries) matching exactly the given strings. */
export function trieSource(surfaces: Iterable<string>): string {
  const root = newNode();
  for (const surface of surfaces) {
    if (surface.length > 0) insert(root, tokenize(surface));
  }
  const source = nodeSource(root);
  // A pattern that can never match keeps an empty catalog harmless.
  return source === '' ? '(?!)' : source;
}

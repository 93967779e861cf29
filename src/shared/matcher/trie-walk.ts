/**
 * Reads a trie along page text, trying edges in the order the trie's pattern (trie-pattern.ts)
 * tries its alternatives, so the first surface it accepts is the one that pattern would match.
 * A large catalog is matched this way rather than by patterns: compiling a regular expression
 * for thousands of names cost a page more than matching with it, and the walk needs only the
 * nodes the text reaches.
 */
import { isApostrophe, isHyphen, isSpace } from './text-classes';
import { APOSTROPHE_TOKEN, SEPARATOR_TOKEN, type TrieNode, childrenOf } from './trie-pattern';

/** Where a hit whose surface ends at `index` ends (after a plural "s"), or -1 if it may not end there. */
export type Ending = (text: string, index: number) => number;

/**
 * The end of the first hit, in pattern order, for the surfaces below `node` read from `index`,
 * or -1. Deeper forms come before the node's own (the pattern's greedy `(?:…)?`).
 */
export function walkTrie(node: TrieNode, text: string, index: number, ending: Ending): number {
  const children = childrenOf(node);
  const char = children.size === 0 ? undefined : charAt(text, index);
  if (char !== undefined) {
    const literal = children.get(char);
    const separator = children.get(SEPARATOR_TOKEN);
    const spaces = separator === undefined ? 0 : separatorLength(text, index);
    const apostrophe = children.get(APOSTROPHE_TOKEN);
    const edges: TrieNode[] = [];
    if (literal !== undefined) edges.push(literal);
    if (separator !== undefined && spaces > 0) edges.push(separator);
    if (apostrophe !== undefined && isApostrophe(char)) edges.push(apostrophe);
    // A character fits more than one edge only if a form spells a separator or apostrophe with
    // a character that is not folded into one; then the edge the pattern lists first goes first.
    if (edges.length > 1) edges.sort((a, b) => a.rank - b.rank);
    for (const edge of edges) {
      const end =
        edge === separator
          ? walkSeparator(edge, text, index, spaces, ending)
          : walkTrie(edge, text, index + (edge === literal ? char.length : 1), ending);
      if (end >= 0) return end;
    }
  }
  return node.terminal ? ending(text, index) : -1;
}

/** The code point at `index` as a string, or undefined past the end. */
function charAt(text: string, index: number): string | undefined {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
}

/** Units a separator may take at `index`: a whitespace run, one hyphen, or 0. */
function separatorLength(text: string, index: number): number {
  if (isHyphen(text[index])) return 1;
  let end = index;
  while (isSpace(text[end])) end++;
  return end - index;
}

/** `\s+` gives back one space at a time when what follows fails (as the pattern backtracks). */
function walkSeparator(node: TrieNode, text: string, index: number, length: number, ending: Ending): number {
  for (let taken = length; taken > 0; taken--) {
    const end = walkTrie(node, text, index + taken, ending);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * Reads a trie along page text as the trie's pattern (trie-pattern.ts) would match it: at most
 * one edge fits each character (see tokenAt), longer surfaces are tried before shorter ones, and
 * a separator's whitespace run is given back a space at a time. A large catalog is matched this
 * way rather than by patterns: compiling regular expressions for thousands of names cost a page
 * more than matching with them, and the walk needs only the nodes the text reaches.
 */
import { isHyphen, isSpace } from './text-classes';
import { SEPARATOR_TOKEN, type TrieNode, childrenOf, tokenAt, tokenLength } from './trie-pattern';

/** Where a hit whose surface ends at `index` ends (after a plural "s"), or -1 if it may not end there. */
export type Ending = (text: string, index: number) => number;

/**
 * The end of the hit the pattern would find for the surfaces below `node`, read from `index`,
 * or -1. Deeper forms come before the node's own (the pattern's greedy `(?:…)?`).
 */
export function walkTrie(node: TrieNode, text: string, index: number, ending: Ending): number {
  const children = childrenOf(node);
  const token = children.size === 0 ? '' : tokenAt(text, index);
  const child = children.get(token);
  if (child !== undefined) {
    // Only a separator comes in more than one length: `\s+` gives back one space at a time when
    // what follows fails, as the pattern backtracks.
    const separator = token === SEPARATOR_TOKEN;
    for (let taken = separator ? separatorLength(text, index) : tokenLength(token); taken > 0; taken = separator ? taken - 1 : 0) {
      const end = walkTrie(child, text, index + taken, ending);
      if (end >= 0) return end;
    }
  }
  return node.terminal ? ending(text, index) : -1;
}

/** Units of a separator at `index`: one hyphen, or a whitespace run. */
function separatorLength(text: string, index: number): number {
  let end = index + 1;
  if (!isHyphen(text[index])) while (isSpace(text[end])) end++;
  return end - index;
}

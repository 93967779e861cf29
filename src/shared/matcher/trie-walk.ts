/**
 * Reads a trie along page text as the trie's pattern (trie-pattern.ts) would match it: at most
 * one edge fits each character (see tokenAt), longer surfaces are tried before shorter ones, and
 * a separator's whitespace run is given back a space at a time. A large catalog is matched this
 * way rather than by patterns: compiling regular expressions for thousands of names cost a page
 * more than matching with them, and the walk needs only the nodes the text reaches.
 */
import { codePointLengthBefore, isHyphen, isSpace } from './text-classes';
import { SEPARATOR_TOKEN, type TrieNode, childrenOf, tokenAt, tokenLength } from './trie-pattern';

/** Where a hit whose surface ends at `index` ends (after a plural "s"), or -1 if it may not end there. */
export type Ending = (text: string, index: number) => number;

/**
 * The end of the hit the pattern would find for the surfaces below `node`, read from `index`,
 * or -1. Deeper forms come before the node's own (the pattern's greedy `(?:…)?`). With `step`
 * -1 the trie holds reversed surfaces and is read backwards from `index`, for what must stand
 * before a position; `ending` is then asked where a surface starts.
 */
export function walkTrie(node: TrieNode, text: string, index: number, ending: Ending, step: 1 | -1 = 1): number {
  const children = childrenOf(node);
  // Backwards, the token before `index` is the pair ending there, if one does.
  const at = step > 0 ? index : index - codePointLengthBefore(text, index);
  const token = children.size === 0 ? '' : tokenAt(text, at);
  const child = children.get(token);
  if (child !== undefined) {
    // Only a separator comes in more than one length: `\s+` gives back one space at a time when
    // what follows fails, as the pattern backtracks.
    const separator = token === SEPARATOR_TOKEN;
    for (let taken = separator ? separatorLength(text, at, step) : tokenLength(token); taken > 0; taken = separator ? taken - 1 : 0) {
      const end = walkTrie(child, text, index + step * taken, ending, step);
      if (end >= 0) return end;
    }
  }
  return node.terminal ? ending(text, index) : -1;
}

/** Units of a separator from its first character at `at`, read in `step`'s direction: one hyphen, or a whitespace run. */
export function separatorLength(text: string, at: number, step: number): number {
  let length = 1;
  if (!isHyphen(text[at])) while (isSpace(text[at + step * length])) length++;
  return length;
}

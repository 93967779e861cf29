import { describe, expect, it } from 'vitest';
import { buildTrie, childrenOf, type TrieNode } from '../../../src/shared/matcher/trie-pattern';
import { walkTrie } from '../../../src/shared/matcher/trie-walk';

/** Any end will do: the walk's own choices are under test, not the boundary. */
const anyEnd = (_text: string, index: number) => index;
/** Only an end followed by a space or the end of the text. */
const wordEnd = (text: string, index: number) => (index === text.length || text[index] === ' ' ? index : -1);

function branch(root: TrieNode, first: string): TrieNode {
  const node = childrenOf(root).get(first);
  if (node === undefined) throw new Error(`no branch ${first}`);
  return node;
}

describe('trie walk', () => {
  it('prefers the longest surface and falls back to shorter ones when the end does not fit', () => {
    const root = buildTrie(['Nvidia', 'Nvidia Corp']);
    expect(walkTrie(branch(root, 'N'), 'Nvidia Corp said', 1, anyEnd)).toBe(11);
    expect(walkTrie(branch(root, 'N'), 'Nvidia Corpx said', 1, wordEnd)).toBe(6);
    expect(walkTrie(branch(root, 'N'), 'Nvidi', 1, anyEnd)).toBe(-1);
  });

  it('gives back a whitespace run a space at a time, as the pattern backtracks', () => {
    // Two separators in a row: the first must leave the second a space.
    const root = buildTrie(['a  b']);
    expect(walkTrie(branch(root, 'a'), 'a   b', 1, anyEnd)).toBe(5);
    expect(walkTrie(branch(root, 'a'), 'a b', 1, anyEnd)).toBe(-1);
  });

  it('grows only the nodes the text reaches', () => {
    const root = buildTrie(['Nvidia', 'Nvidia Corp', 'Xi Jinping', 'Xi']);
    const nvidia = branch(root, 'N');
    const xi = branch(root, 'X');
    walkTrie(nvidia, 'Nvidia said', 1, anyEnd);
    expect(xi.children).toBeNull();
    expect(nvidia.children).not.toBeNull();
  });
});

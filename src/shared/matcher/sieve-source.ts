/** The sieve's pattern: what a whole block of a page is tested with before it is read run by run. */
import { SIEVE_MAX_SOURCE_CHARS, SIEVE_PREFIX_CHARS } from '../constants';
import { APOSTROPHE } from './text-classes';
import { SEPARATOR_TOKEN, isLiteralToken, tokenAt, tokenLength, tokenSource } from './trie-pattern';

/** A word separator as the sieve writes it: the finder's, without the group. */
const SIEVE_SEPARATOR = String.raw`[\s\-\u2010\u2011]+`;

/** The sieve's prefixes as a trie of pattern pieces, one piece per token. */
interface PrefixNode {
  /** A prefix ends here: whatever follows, the sieve has matched. */
  ends: boolean;
  next: Map<string, PrefixNode>;
}

/**
 * A pattern that finds the first SIEVE_PREFIX_CHARS characters of every surface anywhere,
 * boundaries ignored: it matches wherever the finder could hit, and more. It lets a caller rule
 * out a large text (a whole block of a page) with one test. The prefixes are written as a trie
 * ("S(?:alt[\s…]+Typ|ALT…)|M(?:…)"): irregexp ran it through the dense 1 MB page's text in 30%
 * less time than the same prefixes as a flat list behind a first-character class, and it is 40%
 * shorter. Like the list, it compiles in a fraction of the time of the finder's own pattern, with
 * its lookarounds, which every page paid for. Null when it would rule nothing out, or when it
 * would pass `limit` characters. The limit is on the pattern as written: kept names share many
 * prefixes, so the trie is shorter than the list (the bench's 2,000 with the bundled catalog:
 * about 12,000 characters, against more than 16,000 counted one by one).
 */
export function sieveSourceFor(surfaces: Iterable<string>, limit = SIEVE_MAX_SOURCE_CHARS): string | null {
  const root: PrefixNode = { ends: false, next: new Map() };
  for (const surface of surfaces) {
    const first = tokenAt(surface, 0);
    if (first === '' || !isLiteralToken(first)) return null;
    const pieces: string[] = [];
    for (let end = 0; end < surface.length && end < SIEVE_PREFIX_CHARS; ) {
      const token = tokenAt(surface, end);
      pieces.push(token === SEPARATOR_TOKEN ? SIEVE_SEPARATOR : isLiteralToken(token) ? tokenSource(token) : APOSTROPHE);
      end += tokenLength(token);
    }
    addPrefix(root, pieces);
  }
  if (root.next.size === 0) return null;
  const source = prefixSource(root);
  return source.length > limit ? null : source;
}

function addPrefix(root: PrefixNode, pieces: readonly string[]): void {
  let node = root;
  for (const piece of pieces) {
    let child = node.next.get(piece);
    if (child === undefined) {
      child = { ends: false, next: new Map() };
      node.next.set(piece, child);
    }
    node = child;
  }
  node.ends = true;
}

/** The pattern of the prefixes below `node`; where a shorter prefix ends, its longer ones add nothing. */
function prefixSource(node: PrefixNode): string {
  if (node.ends) return '';
  const branches = Array.from(node.next, ([piece, child]) => piece + prefixSource(child));
  return branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
}

/**
 * The sieve's source as the build ships it (src/generated/matcher.json): each separator written
 * as a space, which no source holds otherwise. Gzip stores a space in a few bits, where the
 * class it stands for cost bytes for every name that has one; the content script is parsed on
 * every page.
 */
export function packSieveSource(source: string | null): string | null {
  return source?.replaceAll(SIEVE_SEPARATOR, ' ') ?? null;
}

export function unpackSieveSource(packed: string | null): string | null {
  return packed?.replaceAll(' ', SIEVE_SEPARATOR) ?? null;
}

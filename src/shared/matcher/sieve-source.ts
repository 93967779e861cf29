/** The sieve's pattern: what a whole block of a page is tested with before it is read run by run. */
import { SIEVE_MAX_SOURCE_CHARS, SIEVE_PREFIX_CHARS } from '../constants';
import { APOSTROPHE } from './text-classes';
import { SEPARATOR_TOKEN, isLiteralToken, tokenAt, tokenLength, tokenSource } from './trie-pattern';

/** A word separator as the sieve writes it: the finder's, without the group. */
const SIEVE_SEPARATOR = String.raw`[\s\-\u2010\u2011]+`;

/**
 * A pattern that finds the first SIEVE_PREFIX_CHARS characters of every surface anywhere,
 * boundaries ignored: it matches wherever the finder could hit, and more. It lets a caller rule
 * out a large text (a whole block of a page) with one test. A flat list of prefixes behind a
 * first-character class compiles in about a third of the time of the finder's own pattern, with
 * its lookarounds and trie groups, which every page paid for. Null when it would rule nothing out
 * or would grow past `limit` characters.
 */
export function sieveSourceFor(surfaces: Iterable<string>, limit = SIEVE_MAX_SOURCE_CHARS): string | null {
  const prefixes = new Set<string>();
  const firsts = new Set<string>();
  let length = 0;
  for (const surface of surfaces) {
    const first = tokenAt(surface, 0);
    if (first === '' || !isLiteralToken(first)) return null;
    firsts.add(first);
    let source = '';
    for (let end = 0; end < surface.length && end < SIEVE_PREFIX_CHARS; ) {
      const token = tokenAt(surface, end);
      source += token === SEPARATOR_TOKEN ? SIEVE_SEPARATOR : isLiteralToken(token) ? tokenSource(token) : APOSTROPHE;
      end += tokenLength(token);
    }
    if (prefixes.has(source)) continue;
    prefixes.add(source);
    length += source.length + 1;
    if (length > limit) return null;
  }
  if (prefixes.size === 0) return null;
  const firstClass = [...firsts].map((char) => char.replace(/[\\\]^-]/, '\\$&')).join('');
  return `(?=[${firstClass}])(?:${[...prefixes].join('|')})`;
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

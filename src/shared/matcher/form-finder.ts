/**
 * Finds where some catalog surface stands in text, as a whole token. This is the hot path: it
 * runs on every block of every page, so a block without any candidate costs one regex test and
 * allocates nothing.
 *
 * Two shapes, chosen by size. A small catalog compiles to one combined trie-shaped pattern. A
 * large one does not: regex engines (irregexp in Chrome and Firefox) stop optimising a pattern
 * past about 20 KB of source, and compiling patterns for thousands of names cost a page more
 * than matching with them. There the catalog's sieve (or, without one, a small pattern of word
 * starts) finds where some surface may begin, and the trie is walked from there as the combined
 * pattern would match it (trie-walk.ts), growing only the branches the page reaches. A small
 * catalog's pages start with that walk too (see switchingFinder). Either way the cost per
 * position does not grow with the number of entries.
 */
import { FINDER_SWITCH_HITS, SINGLE_PATTERN_MAX_SOURCE_CHARS } from '../constants';
import { APOSTROPHE, WORD_CHAR, endsForm, formEndAt, startsForm } from './text-classes';
import { type TrieNode, buildTrie, childrenOf, firstCharClass, isLiteralToken, nodeSource, tokenAt, tokenLength, tokenSource } from './trie-pattern';
import { switchingFinder } from './switching-finder';
import { walkTrie } from './trie-walk';

export interface FormFinder {
  /**
   * Finds the first hit starting at or after `from`; on true, `hitStart` and `hitEnd` hold it.
   * A hit is the longest surface at its start (with an optional plural "s") that is a whole
   * token; whether it names anything is for the caller's rules to decide.
   */
  find(text: string, from: number): boolean;
  hitStart: number;
  hitEnd: number;
}

/**
 * The word classes a boundary is written with. The finder runs with the ASCII ones and checks a
 * hit with the Unicode ones only when a character next to it is outside ASCII: compiling
 * `\p{L}` and friends into the trie pattern cost every page milliseconds (parse, first run, tier-up)
 * before a single name was seen.
 */
interface WordClasses {
  wordChar: string;
  letter: string;
}
const UNICODE_CLASSES: WordClasses = { wordChar: WORD_CHAR, letter: String.raw`\p{L}` };
const ASCII_CLASSES: WordClasses = { wordChar: '[A-Za-z0-9_]', letter: '[A-Za-z]' };

/**
 * Not after a word character, nor after a letter and apostrophe ("O’Sullivan"), with the cheap
 * tests of `between` (first characters) in the middle. The word test comes first: it fails
 * inside a word, where most positions are, on one character. Behind a first-character class it
 * let through, inside words too, every lower-case letter a form starts with ("e", "m", "r"), and
 * the patterns took a third longer on prose (the bundled catalog's and 2,000 kept names' alike).
 */
function leftBoundaryAround({ wordChar, letter }: WordClasses, between: string): string {
  return `(?<!${wordChar})${between}(?<!${letter}${APOSTROPHE})`;
}
/**
 * Not before a word character; an apostrophe may follow only as a possessive ("Nvidia’s",
 * "Nvidia’ ") and not inside a longer token ("Xi’an").
 */
function rightBoundary({ wordChar }: WordClasses): string {
  return `(?!${wordChar})(?!${APOSTROPHE}(?![sS](?!${wordChar}))${wordChar})`;
}

/**
 * What a finder is made of, as plain data: everything costly about a small catalog (its trie, the
 * pattern text) computed once, possibly at build time. A large catalog keeps its surfaces, for a
 * trie that grows as pages need it. Flags are fixed per shape.
 */
export type FinderSources =
  | { shape: 'none' }
  /** One combined pattern fits; it is written on the page when a page first needs it (see switchingFinder). */
  | { shape: 'single' }
  /** `wordStart`: the pattern source of word starts worth a walk (see trieWalkingFinder), written where the catalog is compiled ahead. */
  | { shape: 'dispatch'; surfaces: string[]; wordStart?: string };

/**
 * `singlePatternLimit` and `switchAfter` are for tests, which check that every shape, and the
 * switch between them, finds the same hits; `sieve` as in formFinderFromSources.
 */
export function createFormFinder(
  surfaces: Iterable<string>,
  singlePatternLimit = SINGLE_PATTERN_MAX_SOURCE_CHARS,
  switchAfter = FINDER_SWITCH_HITS,
  sieve: RegExp | null = null,
): FormFinder {
  const list = [...surfaces];
  return formFinderFromSources(formFinderSources(list, singlePatternLimit), () => list, sieve, switchAfter);
}

export function formFinderSources(
  surfaces: Iterable<string>,
  singlePatternLimit = SINGLE_PATTERN_MAX_SOURCE_CHARS,
): FinderSources {
  const list = [...surfaces];
  if (!fitsOnePattern(list, singlePatternLimit)) return { shape: 'dispatch', surfaces: list, wordStart: wordStartSource(buildTrie(list)) };
  // Forms start with a letter or digit; a separator first would be a catalog error.
  return [...childrenOf(buildTrie(list)).keys()].some(isLiteralToken) ? { shape: 'single' } : { shape: 'none' };
}

/** The combined pattern of the surfaces, with ASCII word classes and with Unicode ones. */
export function singlePatternSources(surfaces: readonly string[]): { asciiSource: string; source: string } {
  const root = buildTrie(surfaces);
  const branches = [...childrenOf(root)].filter(([token]) => isLiteralToken(token));
  const firstChar = `(?=${firstCharClass(root)})`;
  const alternatives = branches.map(([token, child]) => tokenSource(token) + nodeSource(child)).join('|');
  const withClasses = (classes: WordClasses) =>
    `${leftBoundaryAround(classes, firstChar)}(?:${alternatives})s?${rightBoundary(classes)}`;
  return { asciiSource: withClasses(ASCII_CLASSES), source: withClasses(UNICODE_CLASSES) };
}

/**
 * Whether one pattern for the surfaces stays within about `limit` characters, judged by their
 * pattern text without the trie: shared prefixes shorten the real pattern and its groups lengthen
 * it (the bundled catalog's comes to 4.8 thousand characters against 6.3 counted here). Counting
 * stops at the limit, so a large catalog never pays for a pattern it will not use.
 */
function fitsOnePattern(surfaces: readonly string[], limit: number): boolean {
  let length = 0;
  for (const surface of surfaces) {
    for (let index = 0; index < surface.length; ) {
      const token = tokenAt(surface, index);
      // A literal is itself, give or take an escape: no need to write it.
      length += isLiteralToken(token) ? token.length : tokenSource(token).length;
      index += tokenLength(token);
    }
    length += 1; // "|"
    if (length > limit) return false;
  }
  return true;
}

/**
 * The finder for sources made by `formFinderSources`; RegExp compiles them on first use. A page
 * starts by walking the trie of `surfaces` (the same the sources were made from, asked for only
 * when the walk starts: see switchingFinder). `sieve`, the catalog's sieve (sieve-source.ts)
 * compiled with the `g` flag, says where walks start; without one they start at word starts.
 */
export function formFinderFromSources(
  sources: FinderSources,
  surfaces: () => Iterable<string>,
  sieve: RegExp | null = null,
  switchAfter = FINDER_SWITCH_HITS,
): FormFinder {
  switch (sources.shape) {
    case 'none':
      return NEVER_FINDS;
    case 'single': {
      let list: string[] | null = null;
      const surfaceList = () => (list ??= [...surfaces()]);
      return switchingFinder(
        () => trieWalkingFinder(buildTrie(surfaceList()), sieve),
        () => {
          const { asciiSource, source } = singlePatternSources(surfaceList());
          return asciiFirstFinder(new RegExp(asciiSource, 'gu'), source);
        },
        switchAfter,
      );
    }
    case 'dispatch':
      return trieWalkingFinder(buildTrie(sources.surfaces), sieve, sources.wordStart);
  }
}

const NEVER_FINDS: FormFinder = { hitStart: -1, hitEnd: -1, find: () => false };

/**
 * Runs the pattern written with ASCII word classes, whose hits include every exact hit: a miss
 * is final, and no exact hit starts before a hit. Its boundaries are then checked with the
 * Unicode classes (in code: the same answers on ASCII, and no pattern to compile); only if they
 * fail does the exact pattern run, from the same start.
 */
function asciiFirstFinder(ascii: RegExp, exactSource: string): FormFinder {
  let exactPattern: RegExp | null = null;
  const finder: FormFinder = {
    hitStart: -1,
    hitEnd: -1,
    find(text, from) {
      ascii.lastIndex = from;
      const hit = ascii.exec(text);
      if (hit === null) return false;
      const start = hit.index;
      const end = start + hit[0].length;
      if (!(startsForm(text, start) && endsForm(text, end))) {
        exactPattern ??= new RegExp(exactSource, 'gu');
        exactPattern.lastIndex = start;
        const exactHit = exactPattern.exec(text);
        if (exactHit === null) return false;
        finder.hitStart = exactHit.index;
        finder.hitEnd = exactHit.index + exactHit[0].length;
        return true;
      }
      finder.hitStart = start;
      finder.hitEnd = end;
      return true;
    },
  };
  return finder;
}

/** Where the next walk of the trie may start, at or after `from`; -1 for nowhere. */
type WalkStarts = (text: string, from: number) => number;

/**
 * Where the sieve matches: the first characters of some surface, boundaries unchecked. It is
 * compiled already (blocks are tested with it), and its prefixes of several characters rule out
 * more positions than two characters do.
 */
function sieveMatches(sieve: RegExp): WalkStarts {
  return (text, from) => {
    sieve.lastIndex = from;
    return sieve.exec(text)?.index ?? -1;
  };
}

/**
 * `wordStart` matches empty where some branch of the trie may start: its first two characters,
 * and the ASCII left boundary, which admits every position the Unicode one does. `test` with a
 * global pattern leaves the position in lastIndex, so nothing is allocated for a position that fails.
 */
function wordStarts(wordStart: RegExp): WalkStarts {
  return (text, from) => {
    wordStart.lastIndex = from;
    return wordStart.test(text) ? wordStart.lastIndex : -1;
  };
}

/**
 * Walks the trie from each position `sieve` (or, without one, a word-start pattern) gives, the
 * branch of the character found there, where a form may start (checked in code).
 */
function trieWalkingFinder(root: TrieNode, sieve: RegExp | null, wordStartSourceAhead?: string): FormFinder {
  const branches = childrenOf(root);
  // Written ahead, it spares the page growing every branch's second level to write it.
  const nextStart = sieve ? sieveMatches(sieve) : wordStarts(new RegExp(wordStartSourceAhead ?? wordStartSource(root), 'gu'));
  const finder: FormFinder = {
    hitStart: -1,
    hitEnd: -1,
    find(text, from) {
      for (let position = nextStart(text, from); position >= 0; ) {
        const first = tokenAt(text, position);
        const afterFirst = position + tokenLength(first);
        const branch = branches.get(first);
        const end = branch !== undefined && startsForm(text, position) ? walkTrie(branch, text, afterFirst, formEndAt) : -1;
        if (end >= 0) {
          finder.hitStart = position;
          finder.hitEnd = end;
          return true;
        }
        // Past the whole code point: a Unicode pattern started inside a surrogate pair steps back to its start.
        position = nextStart(text, afterFirst);
      }
      return false;
    },
  };
  return finder;
}

/** Where a walk may start: a first character of some surface and its first two tokens, inside the ASCII left boundary. */
function wordStartSource(root: TrieNode): string {
  return leftBoundaryAround(ASCII_CLASSES, `(?=${firstCharClass(root)})(?=${firstTwoTokensSource(childrenOf(root))})`);
}

/**
 * Alternatives for the first two tokens of every surface (the first alone where it is a surface).
 * A catalog's first letters soon cover the alphabet, and its lower-case forms stop the walk at
 * "but" and "from" for want of "bitcoin" and "fentanyl": checking a second character in the
 * pattern rejected three in four of the 1 MB page's stops before they cost a walk.
 */
function firstTwoTokensSource(branches: ReadonlyMap<string, TrieNode>): string {
  const starts: string[] = [];
  for (const [token, branch] of branches) {
    if (!isLiteralToken(token)) continue;
    const seconds = [...childrenOf(branch).keys()].map(tokenSource).join('|');
    starts.push(branch.terminal ? tokenSource(token) : `${tokenSource(token)}(?:${seconds})`);
  }
  return starts.join('|');
}

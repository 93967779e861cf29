/**
 * Finds where some catalog surface stands in text, as a whole token. This is the hot path: it
 * runs on every block of every page, so a block without any candidate costs one regex test and
 * allocates nothing.
 *
 * Two shapes, chosen by size. Regex engines (irregexp in Chrome and Firefox) stop optimising a
 * pattern past about 20 KB of source, and a trie of thousands of names is far past that. A small
 * catalog compiles to one combined pattern. A large one splits: a small pattern finds word starts
 * whose first character begins some surface, and a table keyed by that character holds a sticky
 * pattern for the rest of its branch of the trie (split in a few when one letter alone is too
 * large). Either way the cost per position does not grow with the number of entries.
 */
import { SINGLE_PATTERN_MAX_SOURCE_CHARS } from '../constants';
import { APOSTROPHE, COMMON_NON_WORD_CHARS, WORD_CHAR } from './text-classes';
import { buildTrie, childAlternatives, firstCharClass, groupSource, isLiteralToken, tokenSource } from './trie-pattern';

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
 * `\p{L}` and friends into the trie pattern cost every page about 3 ms (parse, first run, tier-up)
 * before a single name was seen.
 */
interface WordClasses {
  wordChar: string;
  letter: string;
}
const UNICODE_CLASSES: WordClasses = { wordChar: WORD_CHAR, letter: String.raw`\p{L}` };
const ASCII_CLASSES: WordClasses = { wordChar: '[A-Za-z0-9_]', letter: '[A-Za-z]' };

/** Not after a word character, nor after a letter and apostrophe ("O’Sullivan"). */
function leftBoundary({ wordChar, letter }: WordClasses): string {
  return `(?<!${wordChar})(?<!${letter}${APOSTROPHE})`;
}
/**
 * Not before a word character; an apostrophe may follow only as a possessive ("Nvidia’s",
 * "Nvidia’ ") and not inside a longer token ("Xi’an").
 */
function rightBoundary({ wordChar }: WordClasses): string {
  return `(?!${wordChar})(?!${APOSTROPHE}(?![sS](?!${wordChar}))${wordChar})`;
}
const LEFT_BOUNDARY = leftBoundary(UNICODE_CLASSES);
const RIGHT_BOUNDARY = rightBoundary(UNICODE_CLASSES);
/** A plural "s" is admitted here and judged by the caller (only some entries take plurals). */
const ENDING = `s?${RIGHT_BOUNDARY}`;

/** One branch of the trie: its first character and the alternatives for the rest of its forms. */
interface Branch {
  codePoint: number;
  first: string;
  rest: readonly string[];
  /** The first character alone is a surface. */
  restOptional: boolean;
}

/**
 * The patterns a finder runs, as sources and plain data: everything costly about a catalog
 * (its trie, the pattern text) computed once, possibly at build time. Flags are fixed per shape.
 */
export type FinderSources =
  | { shape: 'none' }
  | { shape: 'single'; asciiSource: string; source: string }
  | { shape: 'dispatch'; wordStart: string; tails: [codePoint: number, sources: string[]][] };

/**
 * `singlePatternLimit` is for tests, which check that every shape finds the same hits: one
 * pattern, dispatch by first character, and dispatch with a branch split into several patterns.
 */
export function createFormFinder(
  surfaces: Iterable<string>,
  singlePatternLimit = SINGLE_PATTERN_MAX_SOURCE_CHARS,
): FormFinder {
  return formFinderFromSources(formFinderSources(surfaces, singlePatternLimit));
}

export function formFinderSources(
  surfaces: Iterable<string>,
  singlePatternLimit = SINGLE_PATTERN_MAX_SOURCE_CHARS,
): FinderSources {
  const root = buildTrie(surfaces);
  const branches: Branch[] = [];
  for (const [token, child] of root.children) {
    // Forms start with a letter or digit; a separator first would be a catalog error.
    if (!isLiteralToken(token)) continue;
    branches.push({
      codePoint: token.codePointAt(0) ?? 0,
      first: tokenSource(token),
      rest: childAlternatives(child),
      restOptional: child.terminal,
    });
  }
  if (branches.length === 0) return { shape: 'none' };
  // The first-character class comes first: a cheap test that rejects most positions before the
  // lookbehinds, which cost far more when run at every position.
  const firstChar = `(?=${firstCharClass(root)})`;
  const start = `${firstChar}${LEFT_BOUNDARY}`;
  const alternatives = branches.map((branch) => branch.first + groupSource(branch.rest, branch.restOptional));
  const sourceLength = alternatives.reduce((sum, alternative) => sum + alternative.length + 1, start.length);
  if (sourceLength <= singlePatternLimit) {
    const withClasses = (classes: WordClasses) =>
      `${firstChar}${leftBoundary(classes)}(?:${alternatives.join('|')})s?${rightBoundary(classes)}`;
    return { shape: 'single', asciiSource: withClasses(ASCII_CLASSES), source: withClasses(UNICODE_CLASSES) };
  }
  return {
    shape: 'dispatch',
    wordStart: start,
    tails: branches.map((branch) => [branch.codePoint, tailSources(branch, singlePatternLimit)]),
  };
}

/**
 * A pattern that finds every surface anywhere, boundaries and plural ignored: it matches wherever
 * the finder could hit, and more. It lets a caller rule out a large text (a whole block of a page)
 * with one test. Null for the dispatch shape, whose word-start pattern rules out nothing.
 */
export function sieveSource(sources: FinderSources): string | null {
  if (sources.shape !== 'single') return null;
  // asciiSource is `${firstChar}${left}(?:…)s?${right}`: keep the first-character check and the alternation.
  const { asciiSource } = sources;
  const left = leftBoundary(ASCII_CLASSES);
  const at = asciiSource.indexOf(left);
  const tail = `s?${rightBoundary(ASCII_CLASSES)}`;
  if (at < 0 || !asciiSource.endsWith(tail)) return null;
  return asciiSource.slice(0, at) + asciiSource.slice(at + left.length, asciiSource.length - tail.length);
}

/** The finder for sources made by `formFinderSources`; RegExp compiles them on first use. */
export function formFinderFromSources(sources: FinderSources): FormFinder {
  switch (sources.shape) {
    case 'none':
      return NEVER_FINDS;
    case 'single':
      return asciiFirstFinder(new RegExp(sources.asciiSource, 'gu'), sources.source);
    case 'dispatch':
      return dispatchingFinder(
        new RegExp(sources.wordStart, 'gu'),
        new Map(sources.tails.map(([codePoint, tails]) => [codePoint, tails.map((tail) => new RegExp(tail, 'uy'))])),
      );
  }
}

/**
 * Sticky patterns for the rest of one branch. A branch too large for one optimised pattern
 * (hundreds of names sharing a first letter) is split into several; the caller keeps the longest.
 */
function tailSources(branch: Branch, limit: number): string[] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const alternative of branch.rest) {
    if (chunk.length > 0 && size + alternative.length > limit) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(alternative);
    size += alternative.length + 1;
  }
  chunks.push(chunk);
  return chunks.map((alternatives) => `${groupSource(alternatives, branch.restOptional)}${ENDING}`);
}

const NEVER_FINDS: FormFinder = { hitStart: -1, hitEnd: -1, find: () => false };

/**
 * Runs the pattern written with ASCII word classes, whose hits include every exact hit: a miss
 * is final. A hit with only ASCII around it is exact (the classes agree on ASCII), and no exact
 * hit starts before it. Next to other characters its boundaries are checked with the Unicode
 * classes; only if they fail does the exact pattern run, from the same start.
 */
function asciiFirstFinder(ascii: RegExp, exactSource: string): FormFinder {
  let exact: RegExp | null = null;
  let boundaries: { left: RegExp; right: RegExp } | null = null;
  const finder: FormFinder = {
    hitStart: -1,
    hitEnd: -1,
    find(text, from) {
      ascii.lastIndex = from;
      const hit = ascii.exec(text);
      if (hit === null) return false;
      const start = hit.index;
      const end = start + hit[0].length;
      if (!asciiAround(text, start, end)) {
        boundaries ??= { left: new RegExp(LEFT_BOUNDARY, 'uy'), right: new RegExp(RIGHT_BOUNDARY, 'uy') };
        if (!(holdsAt(boundaries.left, text, start) && holdsAt(boundaries.right, text, end))) {
          exact ??= new RegExp(exactSource, 'gu');
          exact.lastIndex = start;
          const exactHit = exact.exec(text);
          if (exactHit === null) return false;
          finder.hitStart = exactHit.index;
          finder.hitEnd = exactHit.index + exactHit[0].length;
          return true;
        }
      }
      finder.hitStart = start;
      finder.hitEnd = end;
      return true;
    },
  };
  return finder;
}

/** Judged alike by both sets of classes, so a hit next to one needs no Unicode check. */
const COMMON_NON_WORD = new Set([...COMMON_NON_WORD_CHARS].map((char) => char.charCodeAt(0)));

/**
 * True when the ASCII classes judge the characters the boundaries look at (two before the hit,
 * three from its end) as the Unicode classes do.
 */
function asciiAround(text: string, start: number, end: number): boolean {
  for (const index of [start - 2, start - 1, end, end + 1, end + 2]) {
    const code = text.charCodeAt(index);
    if (code > 0x7f && !COMMON_NON_WORD.has(code)) return false;
  }
  return true;
}

function holdsAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/**
 * `wordStart` matches empty at a plausible start; the rest is looked up by the code point there.
 * `test` with a global or sticky pattern leaves the position in lastIndex, so nothing is allocated.
 */
function dispatchingFinder(wordStart: RegExp, tails: ReadonlyMap<number, readonly RegExp[]>): FormFinder {
  const finder: FormFinder = {
    hitStart: -1,
    hitEnd: -1,
    find(text, from) {
      wordStart.lastIndex = from;
      while (wordStart.test(text)) {
        const position = wordStart.lastIndex;
        const codePoint = text.codePointAt(position) ?? 0;
        const afterFirst = position + codePointLength(codePoint);
        let end = -1;
        for (const tail of tails.get(codePoint) ?? []) {
          tail.lastIndex = afterFirst;
          if (tail.test(text) && tail.lastIndex > end) end = tail.lastIndex;
        }
        if (end >= 0) {
          finder.hitStart = position;
          finder.hitEnd = end;
          return true;
        }
        // The empty match leaves lastIndex where it matched; step past the whole code point
        // (a Unicode pattern started inside a surrogate pair steps back to its start).
        wordStart.lastIndex = afterFirst;
      }
      return false;
    },
  };
  return finder;
}

/** UTF-16 code units of a code point: 2 outside the Basic Multilingual Plane. */
export function codePointLength(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

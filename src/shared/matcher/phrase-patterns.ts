/**
 * Small patterns compiled once per catalog entry for the checks made on a candidate hit:
 * context words in the paragraph, words right after or right before the form.
 */
import { APOSTROPHE, HYPHEN, WORD_SEPARATOR } from './text-classes';
import { TieredPattern } from './tiered-pattern';

const REGEX_SYNTAX_ALL = /[\^$\\.*+?()[\]{}|/]/g;

/** A phrase as a pattern: its spaces and hyphens match any separator, its apostrophes any kind. */
function phraseSource(phrase: string): string {
  let source = '';
  for (const char of phrase) {
    if (char === ' ' || char === '-') source += WORD_SEPARATOR;
    else if (char === "'" || char === '\u2019') source += APOSTROPHE;
    else source += char.replace(REGEX_SYNTAX_ALL, '\\$&');
  }
  return source;
}

function alternatives(phrases: readonly string[]): string {
  return `(?:${phrases.map(phraseSource).join('|')})`;
}

/**
 * The casings a neighbouring word is written in: as listed, in capitals, and with a capital
 * first letter. "Trump Tower" and "TRUMP TOWER" are the building; "Trump media strategy" is not
 * "Trump Media", and "Blackwell Said" in a headline is still a person.
 */
function casings(phrases: readonly string[]): string[] {
  const all = new Set<string>();
  for (const phrase of phrases) {
    all.add(phrase);
    all.add(phrase.toUpperCase());
    all.add(phrase.charAt(0).toUpperCase() + phrase.slice(1));
  }
  return [...all];
}

/** Tests a paragraph for any of a list of context phrases. */
export interface ContextTest {
  test(text: string): boolean;
}

/** "US", "TCP", "H100": written in capitals, so "us" and "tcp" must not count. */
const ACRONYM = /^[\p{Lu}\p{N}.]+$/u;

function wholeWords(phrases: readonly string[], caseInsensitive: boolean): TieredPattern | null {
  if (phrases.length === 0) return null;
  // A class of first characters first: it rejects most positions before the costlier lookbehind.
  const firsts = new Set(phrases.map((phrase) => String.fromCodePoint(phrase.codePointAt(0) ?? 0)));
  if (caseInsensitive) for (const first of Array.from(firsts)) firsts.add(first.toLowerCase()).add(first.toUpperCase());
  const firstClass = `[${[...firsts].map((char) => char.replace(/[\\\]^-]/, '\\$&')).join('')}]`;
  const phrasesSource = alternatives(phrases);
  return new TieredPattern(
    (wordChar) => `(?=${firstClass})(?<!${wordChar})${phrasesSource}(?:e?s)?(?!${wordChar})`,
    caseInsensitive ? 'iu' : 'u',
  );
}

/**
 * Finds any of the phrases as whole words, allowing a plural ("chip" finds "chips").
 * Words match case-insensitively; acronyms only in capitals. Null for an empty list. The
 * patterns are built on first use: most entries' context is never needed on a given page.
 */
export function contextPattern(phrases: readonly string[] | undefined): ContextTest | null {
  if (phrases === undefined || phrases.length === 0) return null;
  let patterns: { acronyms: TieredPattern | null; words: TieredPattern | null } | null = null;
  return {
    test(text) {
      patterns ??= {
        acronyms: wholeWords(phrases.filter((phrase) => ACRONYM.test(phrase)), false),
        words: wholeWords(phrases.filter((phrase) => !ACRONYM.test(phrase)), true),
      };
      return (patterns.acronyms?.test(text) ?? false) || (patterns.words?.test(text) ?? false);
    },
  };
}

/** Tests one position of a text, e.g. "is one of these words right after it?". */
export interface PositionTest {
  at(text: string, index: number): boolean;
}

/**
 * A sticky pattern run at one position without allocating a match. Built on first use, source
 * text included: writing every entry's casings and alternatives cost a page milliseconds at start-up
 * in Chromium, for checks most pages never reach.
 */
function stickyTest(sourceWith: (wordChar: string) => string): PositionTest {
  const pattern = new TieredPattern(sourceWith, 'uy');
  return { at: (text, index) => pattern.test(text, index) };
}

/** Between a hit and a following word: a possessive, then space, a hyphen, or "&" / "+". */
const FOLLOWER_GAP = String.raw`(?:${APOSTROPHE}[sS]?)?(?:\s+|${HYPHEN}|\s*(?=[&+]))`;
/** Between a preceding word and a hit: a possessive, then space or a hyphen. */
const PRECEDER_GAP = String.raw`(?:${APOSTROPHE}[sS]?)?(?:\s+|${HYPHEN})`;

/**
 * True at the end of a hit when one of the words follows it, after an optional possessive and
 * a separator ("Trump Tower", "Miller’s Lite", "Sullivan & Cromwell").
 */
export function followerTest(phrases: readonly string[] | undefined): PositionTest | null {
  if (phrases === undefined || phrases.length === 0) return null;
  let phrasesSource: string | null = null;
  return stickyTest((wordChar) => `${FOLLOWER_GAP}${(phrasesSource ??= alternatives(casings(phrases)))}(?!${wordChar})`);
}

/**
 * True at the start of a hit when one of the words stands right before it, possibly as a
 * possessive ("Volt Typhoon", "Hyundai’s H200", "North Korea’s Ministry of State Security").
 */
export function precederTest(phrases: readonly string[] | undefined): PositionTest | null {
  if (phrases === undefined || phrases.length === 0) return null;
  let phrasesSource: string | null = null;
  return stickyTest((wordChar) => `(?<=(?<!${wordChar})${(phrasesSource ??= alternatives(casings(phrases)))}${PRECEDER_GAP})`);
}

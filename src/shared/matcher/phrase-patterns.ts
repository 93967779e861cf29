/**
 * Context patterns, compiled once per catalog entry on first use: does a paragraph carry any of
 * an ambiguous form's context words? (The words right next to a hit are read by
 * neighbour-words.ts.)
 */
import { APOSTROPHE, WORD_SEPARATOR } from './text-classes';
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

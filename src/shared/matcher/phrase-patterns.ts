/**
 * Small patterns compiled once per catalog entry for the checks made on a candidate hit:
 * context words in the paragraph, words right after or right before the form.
 */
import { APOSTROPHE, HYPHEN, WORD_CHAR, WORD_SEPARATOR } from './text-classes';

const REGEX_SYNTAX_ALL = /[\^$\\.*+?()[\]{}|/]/g;

/** A phrase as a pattern: its spaces and hyphens match any separator, its apostrophes any kind. */
export function phraseSource(phrase: string): string {
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

function wholeWords(phrases: readonly string[], flags: string): RegExp | null {
  if (phrases.length === 0) return null;
  return new RegExp(`(?<!${WORD_CHAR})${alternatives(phrases)}(?:e?s)?(?!${WORD_CHAR})`, flags);
}

/**
 * Finds any of the phrases as whole words, allowing a plural ("chip" finds "chips").
 * Words match case-insensitively; acronyms only in capitals. Null for an empty list.
 */
export function contextPattern(phrases: readonly string[] | undefined): ContextTest | null {
  if (phrases === undefined || phrases.length === 0) return null;
  const acronyms = wholeWords(phrases.filter((phrase) => ACRONYM.test(phrase)), 'u');
  const words = wholeWords(phrases.filter((phrase) => !ACRONYM.test(phrase)), 'iu');
  return {
    test: (text) => (acronyms !== null && acronyms.test(text)) || (words !== null && words.test(text)),
  };
}

/**
 * Sticky at the end of a hit: true when one of the words follows it, after an optional
 * possessive and a separator ("Trump Tower", "Miller’s Lite", "Sullivan & Cromwell").
 */
export function followerPattern(phrases: readonly string[] | undefined): RegExp | null {
  if (phrases === undefined || phrases.length === 0) return null;
  const gap = String.raw`(?:${APOSTROPHE}[sS]?)?(?:\s+|${HYPHEN}|\s*(?=[&+]))`;
  return new RegExp(`${gap}${alternatives(phrases)}(?!${WORD_CHAR})`, 'iuy');
}

/**
 * Sticky at the start of a hit: true when one of the words stands right before it, possibly as
 * a possessive ("Volt Typhoon", "Hyundai’s H200", "North Korea’s Ministry of State Security").
 */
export function precederPattern(phrases: readonly string[] | undefined): RegExp | null {
  if (phrases === undefined || phrases.length === 0) return null;
  const gap = String.raw`(?:${APOSTROPHE}[sS]?)?(?:\s+|${HYPHEN})`;
  return new RegExp(`(?<=(?<!${WORD_CHAR})${alternatives(phrases)}${gap})`, 'iuy');
}

/** Runs a sticky pattern at one position without allocating a match. */
export function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

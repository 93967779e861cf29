/**
 * Character classes the matcher shares between its combined pattern and its checks. Words are
 * Unicode-aware: letters, digits and combining marks of any script, plus "_" (code identifiers).
 */

/** A character that belongs to a word; a form never starts or ends next to one. */
export const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;

/** Apostrophes as typed and as typeset (straight, right single quote, modifier letter). */
export const APOSTROPHE = String.raw`['\u2019\u02BC]`;

/** Hyphens that join words: ASCII, Unicode hyphen, non-breaking hyphen. */
export const HYPHEN = String.raw`[\-\u2010\u2011]`;

/**
 * What separates the words of a multi-word form in page text: any run of whitespace (block text
 * joins DOM text nodes, so newlines, indentation and NBSP occur), or one hyphen ("rare-earth").
 * `\s` covers NBSP, the Unicode spaces and line separators.
 */
export const WORD_SEPARATOR = String.raw`(?:\s+|${HYPHEN})`;

/**
 * Characters outside ASCII that news text puts next to names all the time, none of them a letter,
 * digit or mark: no-break space, en and em dashes, curly quotes and apostrophe ("Nvidia’s"),
 * ellipsis. Fast paths that judge ASCII without Unicode classes can judge these too. (U+02BC,
 * the modifier-letter apostrophe, is a letter and not here.)
 */
export const COMMON_NON_WORD_CHARS = '\u00A0\u2013\u2014\u2018\u2019\u201C\u201D\u2026';

const WORD_CHAR_RE = new RegExp(`^${WORD_CHAR}$`, 'u');
const APOSTROPHE_RE = new RegExp(`^${APOSTROPHE}$`, 'u');
const HYPHEN_RE = new RegExp(`^${HYPHEN}$`, 'u');
const SPACE_RE = /^\s$/u;
const UPPER_START_RE = /^\p{Lu}/u;
const LETTER_RE = /^\p{L}$/u;

/** Separator runs in matched text, to compare it with a catalog form written with single spaces. */
const SEPARATOR_RUN_RE = new RegExp(WORD_SEPARATOR, 'gu');
const APOSTROPHE_ALL_RE = new RegExp(APOSTROPHE, 'gu');
/** Something folding would change: a space run or other whitespace, a hyphen, a typeset apostrophe. */
const FOLDABLE_RE = new RegExp(`\\s\\s|[^\\S ]|${HYPHEN}|[\u2019\u02BC]`, 'u');

/**
 * A test of one character (one code point) that answers ASCII by its code and asks `other` only
 * past it: these run several times for every hit, and a pattern run costs far more than a
 * comparison, above all in code that has not warmed up yet, which is all of it on a page's first pass.
 */
function characterTest(ascii: (code: number) => boolean, other: (char: string) => boolean): (char: string | undefined) => boolean {
  return (char) => {
    if (char === undefined) return false;
    const code = char.charCodeAt(0);
    return code < 0x80 ? ascii(code) : other(char);
  };
}

const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

export const isWordChar = characterTest(
  (code) => isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f,
  // Typeset punctuation next to names ("Nvidia’s", "Trump — ") needs no Unicode class compiled.
  (char) => !COMMON_NON_WORD_CHARS.includes(char) && WORD_CHAR_RE.test(char),
);
export const isApostrophe = characterTest((code) => code === 0x27, (char) => APOSTROPHE_RE.test(char));
export const isHyphen = characterTest((code) => code === 0x2d, (char) => HYPHEN_RE.test(char));
/** ASCII's part of `\s`: space, tab, line feed, vertical tab, form feed, carriage return. */
export const isSpace = characterTest((code) => code === 0x20 || (code >= 0x09 && code <= 0x0d), (char) => SPACE_RE.test(char));
const isLetter = characterTest(isAsciiLetter, (char) => LETTER_RE.test(char));

/** The code point at `index` as a string (a surrogate pair whole); undefined past the end. */
export function codePointStringAt(text: string, index: number): string | undefined {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) return String.fromCodePoint(text.codePointAt(index) ?? code);
  return text[index];
}

/** The code point that ends at `index`, as a string; undefined at the start. */
export function codePointStringBefore(text: string, index: number): string | undefined {
  return index > 0 ? codePointStringAt(text, index - codePointLengthBefore(text, index)) : undefined;
}

/*
 * Where a form may start and end, as the combined pattern's boundaries say (form-finder.ts),
 * checked in code: compiling those lookarounds with Unicode classes cost a page 5 to 9 ms in
 * Chromium, the first time a hit stood next to a character outside ASCII.
 */

/** A form may start here: not after a word character, nor after a letter and apostrophe ("O’Sullivan"). */
export function startsForm(text: string, index: number): boolean {
  if (isWordChar(codePointStringBefore(text, index))) return false;
  return !(isApostrophe(text[index - 1]) && isLetter(codePointStringBefore(text, index - 1)));
}

/**
 * A form may end here: not before a word character, and an apostrophe may follow only as a
 * possessive ("Nvidia’s", "Nvidia’ "), not inside a longer token ("Xi’an").
 */
export function endsForm(text: string, index: number): boolean {
  if (isWordChar(codePointStringAt(text, index))) return false;
  if (!isApostrophe(text[index])) return true;
  const next = codePointStringAt(text, index + 1);
  if (!isWordChar(next)) return true;
  return (next === 's' || next === 'S') && !isWordChar(codePointStringAt(text, index + 2));
}

/** Where a form that reaches `index` ends, with a plural "s" if one follows; -1 when it may not end there. */
export function formEndAt(text: string, index: number): number {
  if (text[index] === 's' && endsForm(text, index + 1)) return index + 1;
  return endsForm(text, index) ? index : -1;
}

export function startsUpperCase(word: string): boolean {
  return UPPER_START_RE.test(word);
}

/**
 * Text with its word separators folded to one space and its apostrophes to "'", so a form
 * written "rare earth" compares equal to "rare-earth" or "rare\n  earth" on the page.
 */
export function foldSeparators(text: string): string {
  // Most hits and forms are plain words with single spaces ("Trump", "Salt Typhoon"): nothing
  // to fold, nothing to allocate.
  if (!FOLDABLE_RE.test(text)) return text;
  return text.replace(SEPARATOR_RUN_RE, ' ').replace(APOSTROPHE_ALL_RE, "'");
}

/** UTF-16 code units of a code point: 2 outside the Basic Multilingual Plane. */
export function codePointLength(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** UTF-16 code units of the code point that ends at `index`: 2 where a surrogate pair ends there. */
export function codePointLengthBefore(text: string, index: number): number {
  return codePointLength(text.codePointAt(index - 2) ?? 0);
}

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

/** Separator runs in matched text, to compare it with a catalog form written with single spaces. */
const SEPARATOR_RUN_RE = new RegExp(WORD_SEPARATOR, 'gu');
const APOSTROPHE_ALL_RE = new RegExp(APOSTROPHE, 'gu');
/** Something folding would change: a space run or other whitespace, a hyphen, a typeset apostrophe. */
const FOLDABLE_RE = new RegExp(`\\s\\s|[^\\S ]|${HYPHEN}|[\u2019\u02BC]`, 'u');

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR_RE.test(char);
}

export function isApostrophe(char: string | undefined): boolean {
  return char !== undefined && APOSTROPHE_RE.test(char);
}

export function isHyphen(char: string | undefined): boolean {
  return char !== undefined && HYPHEN_RE.test(char);
}

export function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE_RE.test(char);
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

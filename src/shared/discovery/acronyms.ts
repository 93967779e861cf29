/**
 * Acronym–expansion pairs by the Schwartz–Hearst algorithm ("A Simple Algorithm for Identifying
 * Abbreviation Definitions in Biomedical Text", PSB 2003): no training data, about 96% precision
 * as its authors report. Both "Long Form (SF)" and "SF (Long Form)" are read. Pure string work.
 */

export interface AcronymPair {
  long: string;
  short: string;
  /** Offsets of the long form in the paragraph. */
  longStart: number;
  longEnd: number;
  /** Offsets of the short form in the paragraph. */
  shortStart: number;
  shortEnd: number;
}

/** Paragraph text inside one pair of brackets, without nested brackets. */
const BRACKETED = /\(([^()]{1,120})\)/gu;
/** A word of the text before a bracket (for the long-form window). */
const WORD_RUN = /[^\s]+/gu;
/** Characters that end the clause a long form may come from. */
const CLAUSE_END = /[.;:!?\u2014\u2013,"\u201C\u201D]\s*$/u;

export function findAcronymPairs(paragraph: string): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  for (const match of paragraph.matchAll(BRACKETED)) {
    const open = match.index;
    const inside = match[1]!.trim();
    const insideStart = open + 1 + match[1]!.indexOf(inside);
    const pair =
      longFormBefore(paragraph, open, inside, insideStart) ?? shortFormBefore(paragraph, open, inside, insideStart);
    if (pair) pairs.push(pair);
  }
  return pairs;
}

/** "Ministry of State Security (MSS)": the bracket holds the short form. */
function longFormBefore(paragraph: string, open: number, inside: string, insideStart: number): AcronymPair | null {
  if (!isShortFormCandidate(inside)) return null;
  const window = wordsBefore(paragraph, open, Math.min(inside.length + 5, inside.length * 2));
  if (!window) return null;
  const start = bestLongFormStart(inside, window.text);
  if (start < 0) return null;
  const long = trimLongForm(window.text.slice(start));
  if (!long || !isLongFormValid(long, inside)) return null;
  const longStart = window.start + start;
  return { long, short: inside, longStart, longEnd: longStart + long.length, shortStart: insideStart, shortEnd: insideStart + inside.length };
}

/** "CCP (Chinese Communist Party)": the word before the bracket is the short form. */
function shortFormBefore(paragraph: string, open: number, inside: string, insideStart: number): AcronymPair | null {
  const before = /(\S+)\s*$/u.exec(paragraph.slice(0, open));
  if (!before) return null;
  const short = before[1]!.replace(/^["\u201C\u2018(]+/u, '');
  if (!isShortFormCandidate(short) || inside.split(/\s+/u).length < 2) return null;
  const start = bestLongFormStart(short, inside);
  if (start !== 0) return null;
  const long = trimLongForm(inside);
  if (!long || !isLongFormValid(long, short)) return null;
  const shortStart = before.index + before[0].indexOf(short);
  return { long, short, longStart: insideStart, longEnd: insideStart + long.length, shortStart, shortEnd: shortStart + short.length };
}

/**
 * Schwartz–Hearst's test for a short form: 2 to 10 characters, at most two words, starting with
 * a letter or digit, with a letter in it. We also ask for a capital: lower-case "(e.g.)" and
 * "(pictured)" are not acronyms, and names are what we want.
 */
function isShortFormCandidate(text: string): boolean {
  if (text.length < 2 || text.length > 10) return false;
  if (text.split(/\s+/u).length > 2) return false;
  if (!/^[\p{L}\p{N}]/u.test(text) || !/\p{L}/u.test(text)) return false;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && !/^\p{N}+$/u.test(text);
}

/** The words before `position`, at most `count`, stopping at the clause's start. */
function wordsBefore(paragraph: string, position: number, count: number): { text: string; start: number } | null {
  const head = paragraph.slice(0, position).replace(/\s+$/u, '');
  const words = [...head.matchAll(WORD_RUN)];
  let first = words.length;
  while (first > 0 && words.length - first < count) {
    const word = words[first - 1]!;
    // A word that ends a clause ("said," "truce:") cannot be inside the long form, except the last.
    // Initials and dotted abbreviations ("Richard M. Stallman", "U.S.") do not end a clause.
    if (first < words.length && CLAUSE_END.test(word[0]) && !/^(?:\p{L}\.)+$/u.test(word[0])) break;
    first--;
  }
  if (first === words.length) return null;
  const start = words[first]!.index;
  return { text: head.slice(start), start };
}

/**
 * The core of Schwartz–Hearst: match the short form's characters right to left against the long
 * form; the first character must start a word. Returns the long form's start, or -1.
 */
export function bestLongFormStart(short: string, long: string): number {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let sIndex = s.length - 1;
  let lIndex = l.length - 1;
  while (sIndex >= 0) {
    const char = s[sIndex]!;
    if (!/[\p{L}\p{N}]/u.test(char)) {
      sIndex--;
      continue;
    }
    while (lIndex >= 0 && (l[lIndex] !== char || (sIndex === 0 && lIndex > 0 && /[\p{L}\p{N}]/u.test(l[lIndex - 1]!)))) {
      lIndex--;
    }
    if (lIndex < 0) return -1;
    lIndex--;
    sIndex--;
  }
  // Back to the start of the word the first character matched in.
  let start = lIndex + 1;
  while (start > 0 && /[\p{L}\p{N}]/u.test(l[start - 1]!)) start--;
  return start;
}

/** Leading articles and possessive-free edges: "the Free Software Foundation" → "Free Software Foundation". */
function trimLongForm(long: string): string {
  return long.replace(/^(?:the|a|an)\s+/iu, '').replace(/[\s,;:]+$/u, '');
}

function isLongFormValid(long: string, short: string): boolean {
  if (long.length <= short.length) return false;
  if (long.toLowerCase().includes(short.toLowerCase())) return false;
  // Schwartz–Hearst's bound on the long form's length in words.
  return long.split(/\s+/u).length <= Math.min(short.length + 5, short.length * 2);
}

/**
 * Is the long form a name ("Marine Stewardship Council") rather than a term ("single sign-on",
 * "high dynamic range")? Every word of four letters or more is capitalised.
 */
export function isNameLike(long: string): boolean {
  const words = long.split(/\s+/u).filter((word) => /^\p{L}/u.test(word));
  const first = words[0];
  if (first === undefined || !/^[\p{Lu}\p{Lt}]/u.test(first)) return false;
  return words.every((word) => word.length < 4 || /^[\p{Lu}\p{Lt}]/u.test(word) || /^(?:al|el|bin|de|van|von)[-\s]?/u.test(word));
}

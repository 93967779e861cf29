/**
 * Words of a sentence with their offsets and the facts name finding needs: capitalised or not,
 * possessive, an adjective compound ("Amazon-owned"), what separates it from the word before.
 * Offsets are into the paragraph, so a mention can always be found again verbatim.
 */
import { COMMON_ACRONYMS, COMPANY_SUFFIXES, PARTICLES } from './word-lists';

export interface Token {
  /** The word as a name part: possessive and adjective suffix removed ("Nvidia’s" → "Nvidia"). */
  text: string;
  /** Offsets of `text` in the paragraph. */
  start: number;
  end: number;
  /** Starts with a capital, or is camel case ("iPhone"), or an "al-"/"bin" style particle name. */
  capitalised: boolean;
  /** All capitals, two or more letters ("MSS", "USPTO", "U.S."). */
  acronym: boolean;
  /** Digits or a digit-led code ("4", "360", "1080p"): may continue a name ("Xbox 360"). */
  numeric: boolean;
  /** Followed by ’s or 's: a possessive ends a name. */
  possessive: boolean;
  /** Written "X-owned", "X-based": the name is X and it ends here. */
  compound: boolean;
  /** A contraction ("I've", "I'll", "Don't"): a pronoun or verb, never a name. */
  contraction: boolean;
  /** Text between the previous token and this one ("" at the sentence's start). */
  gapBefore: string;
  /** No earlier word in the sentence, or only an opening quote, bracket, colon or dash before it. */
  initial: boolean;
}

/** A word: letters, digits and marks, joined inside by apostrophes, hyphens, dots or ampersands. */
const WORD =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['\u2019.&]|[-\u2010\u2011])[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const POSSESSIVE = /['\u2019]s?$/u;
const POSSESSIVE_S = /^(.*\p{L})['\u2019]s$/u;
/**
 * A lower-case last part after a hyphen makes the word an adjective compound ("Amazon-owned",
 * "Islamist-led"); a short one does not ("Blu-ray", "X-ray").
 */
const COMPOUND_TAIL = /^(.*?)[-\u2010\u2011](\p{Ll}[\p{Ll}\p{M}]{3,}|led|run|era|age)$/u;
/** Camel case: a lower-case letter followed by a capital ("iPhone", "PlayStation", "SpaceX"). */
const CAMEL = /\p{Ll}\p{Lu}/u;
const UPPER_START = /^[\p{Lu}\p{Lt}]/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
/** A gap after which the next word opens a clause the way a sentence does. */
const OPENING_GAP = /[\u201C\u2018"'([:\u2014\u2013|•¿¡]\s*$/u;
/** Words that keep a following full stop: initials and abbreviations inside names. */
const SENTENCE_OPENER = /^\s+(?:The|That|This|These|Those|It|Its|And|But|So|Yet|If|In|On|At|As|We|I|He|She|They|You|There|Then|Now|A|An)\b/u;
const KEEPS_DOT = new Set(['Co', 'Inc', 'Corp', 'Ltd', 'Jr', 'Sr', 'St', 'Bros', 'Mt', 'Ft']);

export function tokenize(paragraph: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const text = paragraph.slice(from, to);
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const localStart = match.index;
    let end = localStart + word.length;
    // A dotted abbreviation or initial keeps its final dot ("U.S.", "W.", "Co."), unless a
    // sentence plainly starts after it ("the Xbox One S. That revision").
    if (text[end] === '.' && (/^\p{Lu}$/u.test(word) || word.includes('.') || KEEPS_DOT.has(word)) && !SENTENCE_OPENER.test(text.slice(end + 1))) {
      end += 1;
      word += '.';
    }
    const gapBefore = text.slice(previousEnd, localStart);
    previousEnd = end;
    const token = makeToken(word, from + localStart, gapBefore, tokens.length === 0 || isOpening(gapBefore, tokens));
    // "Whole Foods’ halibut": a plural possessive's apostrophe follows the word.
    if (/^['\u2019](?![\p{L}\p{N}])/u.test(text.slice(end)) && word.endsWith('s')) token.possessive = true;
    tokens.push(token);
  }
  return tokens;
}

function isOpening(gap: string, before: readonly Token[]): boolean {
  if (OPENING_GAP.test(gap)) return true;
  // "1. Take any blankets": a list number does not make the next word mid-sentence.
  return before.every((token) => token.numeric);
}

function makeToken(raw: string, start: number, gapBefore: string, initial: boolean): Token {
  let text = raw;
  let possessive = false;
  const contraction = /^\p{L}+['\u2019](?:ve|ll|m|d|re|t)$/u.test(raw) || /n['\u2019]t$/u.test(raw);
  let compound = false;
  const possessiveMatch = POSSESSIVE_S.exec(text);
  if (possessiveMatch) {
    text = possessiveMatch[1]!;
    possessive = true;
  } else if (POSSESSIVE.test(text) && /s['\u2019]$/u.test(text)) {
    // "Directors’" (plural possessive): the apostrophe is not part of the word.
    text = text.slice(0, -1);
    possessive = true;
  }
  const compoundMatch = COMPOUND_TAIL.exec(text);
  const base = compoundMatch?.[1];
  if (base && (UPPER_START.test(base) || /^(?:al|el)-\p{Lu}/u.test(base)) && !PARTICLES.has(base.toLowerCase())) {
    text = base;
    compound = true;
  }
  const letters = text.match(LETTERS) ?? [];
  const acronym = letters.length >= 2 && !HAS_LOWER.test(text.replace(/s$/u, ''));
  const numeric = /^\p{N}/u.test(text);
  const capitalised = !numeric && (UPPER_START.test(text) || CAMEL.test(text) || /^(?:al|el|bin|ibn)-\p{Lu}/u.test(text));
  return { text, start, end: start + text.length, capitalised: capitalised && !contraction, acronym: acronym && !contraction, numeric, possessive, compound, contraction, gapBefore, initial };
}

/** Only spaces between two words: anything else (comma, quote, dash, bracket) ends a name. */
export function joinsTight(token: Token): boolean {
  return token.gapBefore.length > 0 && /^[ \u00A0]+$/u.test(token.gapBefore);
}

/** An acronym that is a common noun ("CEO", "HDR", "4K"), never a name on its own. */
export function isCommonAcronym(text: string): boolean {
  // Memory and storage specs ("GDDR5", "DDR3", "16GB", "4K", "1080p").
  if (/^(?:G?DDR\d|LPDDR\d|\d+(?:GB|MB|TB|KB|GHz|MHz|K|p))$/iu.test(text)) return true;
  return COMMON_ACRONYMS.has(text.toLowerCase().replace(/\./gu, '').replace(/s$/u, '')) || COMMON_ACRONYMS.has(text.toLowerCase());
}

export function isCompanySuffix(text: string): boolean {
  return COMPANY_SUFFIXES.has(text.toLowerCase().replace(/\.$/u, ''));
}

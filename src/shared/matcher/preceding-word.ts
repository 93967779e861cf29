/**
 * Reads the word directly before a hit to tell "President Trump" from "Lara Trump": a short or
 * ambiguous form right after another capitalised name is part of that other name.
 */
import type { EntryRules } from './catalog-variants';
import { mayPrecedeShortForm } from './name-neighbours';
import { isApostrophe, isHyphen, isSpace, isWordChar, startsUpperCase } from './text-classes';

const POSSESSIVE_END = /['\u2019\u02BC][sS]?$/u;
const INITIAL = /^\p{Lu}\.$/u;

/** An en dash joins names as a hyphen does: "Rao–Blackwell", "Trump–Xi". */
const EN_DASH = '\u2013';

/**
 * The word joined to `start` by whitespace or one hyphen or en dash, with its dots and
 * apostrophes; null when other punctuation or the start of the block comes first.
 */
function wordBefore(text: string, start: number): string | null {
  let gapStart = start;
  while (gapStart > 0 && isSpace(text[gapStart - 1])) gapStart--;
  if (gapStart === start) {
    if (!isHyphen(text[start - 1]) && text[start - 1] !== EN_DASH) return null;
    gapStart--;
  }
  let wordStart = gapStart;
  for (;;) {
    const char = text[wordStart - 1];
    if (!(isWordChar(char) || isApostrophe(char) || char === '.')) break;
    wordStart--;
  }
  return wordStart === gapStart ? null : text.slice(wordStart, gapStart);
}

/**
 * False when the word before names someone or something else: a given name or brand
 * ("Jason Miller", "Hyundai H200", "Wiley-Blackwell") or an initial ("E. Miller"). A possessive
 * ("China’s MSS"), a lower-case word, a sentence end ("said. Miller"), a title, or one of the
 * catalog's own names ("the Trump-Xi summit") leaves it free.
 */
export function precedingWordAllows(
  text: string,
  start: number,
  rules: EntryRules,
  isCatalogName: (lowerCaseWord: string) => boolean,
): boolean {
  const word = wordBefore(text, start);
  if (word === null || POSSESSIVE_END.test(word)) return true;
  if (INITIAL.test(word)) return false;
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (word.endsWith('.') && !mayPrecedeShortForm(bare)) {
    // "Jones. Miller said": a full stop after a longer word ends a sentence, not a name.
    return true;
  }
  if (!startsUpperCase(bare)) return true;
  const lower = bare.toLowerCase();
  return mayPrecedeShortForm(bare) || rules.allowPrecededBy.has(lower) || isCatalogName(lower);
}

/** True when one of the entry's titles stands right before `start` ("President Trump"). */
export function precededByTitle(text: string, start: number, rules: EntryRules): boolean {
  if (rules.titles.size === 0) return false;
  const word = wordBefore(text, start);
  if (word === null) return false;
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  return startsUpperCase(bare) && rules.titles.has(bare.toLowerCase());
}

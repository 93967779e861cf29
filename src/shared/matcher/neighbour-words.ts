/**
 * The checks on the words right next to a candidate hit: "is one of these right after it?"
 * ("Trump Tower", "Miller’s Lite", "Sullivan & Cromwell") and "right before it?" ("Volt
 * Typhoon", "North Korea’s Ministry of State Security"). Each reads a trie of the listed phrases
 * along the text, forwards or backwards, with the same answers as the sticky patterns it
 * replaced (property-tested against them): compiling those patterns, up to three per entity met,
 * cost a page more on its first pass than all its scanning.
 */
import { codePointStringAt, codePointStringBefore, isApostrophe, isHyphen, isSpace, isWordChar } from './text-classes';
import { buildTrie, type TrieNode } from './trie-pattern';
import { separatorLength, walkTrie } from './trie-walk';

/** Tests one position of a text, e.g. "is one of these words right after it?". */
export interface PositionTest {
  at(text: string, index: number): boolean;
}

const endsWord = (text: string, index: number) => (isWordChar(codePointStringAt(text, index)) ? -1 : index);
const startsWord = (text: string, index: number) => (isWordChar(codePointStringBefore(text, index)) ? -1 : index);

/**
 * With `step` 1, true at the end of a hit when one of the phrases follows it, after an optional
 * possessive and a gap: whitespace, one hyphen, or none before "&" or "+" ("Trump Tower",
 * "Miller’s Lite", "Sullivan & Cromwell"). With `step` -1, true at the start of a hit when one
 * stands right before it as a whole word, possibly as a possessive, then whitespace or one hyphen
 * ("Volt Typhoon", "North Korea’s Ministry of State Security"). Null for no phrases.
 *
 * The trie holds the phrases alone; the possessive and the gap are read here. Their every
 * spelling in the trie made it four times the size, and the first pass of a page grew it.
 */
export function neighbourTest(phrases: readonly string[] | undefined, step: 1 | -1): PositionTest | null {
  if (phrases === undefined || phrases.length === 0) return null;
  let trie: TrieNode | null = null;
  // The casings a neighbour is written in: as listed, in capitals, and with a capital first
  // letter. "Trump Tower" and "TRUMP TOWER" are the building; "Trump media strategy" is not
  // "Trump Media", and "Blackwell Said" in a headline is still a person.
  const phrasesTrie = (): TrieNode => {
    if (trie !== null) return trie;
    const casings = phrases.flatMap((phrase) => [phrase, phrase.toUpperCase(), phrase.charAt(0).toUpperCase() + phrase.slice(1)]);
    // Backwards, the trie holds each phrase with its code points reversed (a pair stays a pair).
    return (trie = buildTrie(step < 0 ? casings.map((casing) => [...casing].reverse().join('')) : casings));
  };
  if (step > 0) {
    return {
      at(text, index) {
        for (const from of possessiveEnds(text, index)) {
          const gap = gapLength(text, from, 1);
          // No gap only before "&" or "+" ("Sullivan& Cromwell").
          if (gap === 0 && text[from] !== '&' && text[from] !== '+') continue;
          if (walkTrie(phrasesTrie(), text, from + gap, endsWord) >= 0) return true;
        }
        return false;
      },
    };
  }
  return {
    at(text, index) {
      const gap = gapLength(text, index, -1);
      if (gap === 0) return false;
      for (const to of possessiveStarts(text, index - gap)) if (walkTrie(phrasesTrie(), text, to, startsWord, -1) >= 0) return true;
      return false;
    },
  };
}

/** Where a possessive after `index` may end: none, an apostrophe, or an apostrophe and "s". */
function possessiveEnds(text: string, index: number): number[] {
  if (!isApostrophe(text[index])) return [index];
  const s = text[index + 1];
  return s === 's' || s === 'S' ? [index, index + 1, index + 2] : [index, index + 1];
}

/** Where a possessive before `index` may start: none, an apostrophe, or an apostrophe and "s". */
function possessiveStarts(text: string, index: number): number[] {
  const s = text[index - 1];
  if ((s === 's' || s === 'S') && isApostrophe(text[index - 2])) return [index, index - 2];
  return isApostrophe(s) ? [index, index - 1] : [index];
}

/**
 * The gap between a hit and its neighbour, read from `index` in `step`'s direction: one hyphen,
 * or a whole whitespace run (a phrase never starts or ends with a space, so a shorter one could
 * never do); 0 for none.
 */
function gapLength(text: string, index: number, step: 1 | -1): number {
  const at = step > 0 ? index : index - 1;
  return isSpace(text[at]) || isHyphen(text[at]) ? separatorLength(text, at, step) : 0;
}

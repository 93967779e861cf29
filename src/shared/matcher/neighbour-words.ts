/**
 * The checks on the words right next to a candidate hit: "is one of these right after it?"
 * ("Trump Tower", "Miller’s Lite", "Sullivan & Cromwell") and "right before it?" ("Volt
 * Typhoon", "North Korea’s Ministry of State Security"). Each reads a trie of the listed phrases
 * along the text, forwards or backwards, with the same answers as the sticky patterns it
 * replaced (property-tested against them): compiling those patterns, up to three per entity met,
 * cost a page more on its first pass than all its scanning.
 */
import { codePointLengthBefore, isWordChar } from './text-classes';
import { buildTrie, type TrieNode } from './trie-pattern';
import { walkTrie } from './trie-walk';

/** Tests one position of a text, e.g. "is one of these words right after it?". */
export interface PositionTest {
  at(text: string, index: number): boolean;
}

/** Whether the code point at `index` is a word character; past the end is a space, which is not. */
const wordCharAt = (text: string, index: number) => isWordChar(String.fromCodePoint(text.codePointAt(index) ?? 32));

const endsWord = (text: string, index: number) => (wordCharAt(text, index) ? -1 : index);
/** The code point before `index` is the pair ending there, if one does. */
const startsWord = (text: string, index: number) => (index > 0 && wordCharAt(text, index - codePointLengthBefore(text, index)) ? -1 : index);

/**
 * What may stand between a hit and its neighbour: a possessive or none, then a gap. In a trie a
 * space is the separator token, which reads any whitespace run or one hyphen.
 */
const POSSESSIVES = ['', "'", "'s", "'S"];

/**
 * With `step` 1, true at the end of a hit when one of the phrases follows it, after an optional
 * possessive and a gap: whitespace, one hyphen, or none before "&" or "+" ("Trump Tower",
 * "Miller’s Lite", "Sullivan & Cromwell"). With `step` -1, true at the start of a hit when one
 * stands right before it as a whole word, possibly as a possessive, then whitespace or one hyphen
 * ("Volt Typhoon", "North Korea’s Ministry of State Security"). Null for no phrases.
 */
export function neighbourTest(phrases: readonly string[] | undefined, step: 1 | -1): PositionTest | null {
  if (phrases === undefined || phrases.length === 0) return null;
  let trie: TrieNode | null = null;
  // The casings a neighbour is written in: as listed, in capitals, and with a capital first
  // letter. "Trump Tower" and "TRUMP TOWER" are the building; "Trump media strategy" is not
  // "Trump Media", and "Blackwell Said" in a headline is still a person.
  const surfaces = () =>
    phrases
      .flatMap((phrase) => [phrase, phrase.toUpperCase(), phrase.charAt(0).toUpperCase() + phrase.slice(1)])
      .flatMap((phrase) =>
        POSSESSIVES.flatMap((possessive) =>
          // Backwards, the trie holds each surface with its code points reversed (a pair stays a pair).
          step < 0 ? [[...`${phrase}${possessive} `].reverse().join('')] : [`${possessive} ${phrase}`, ...(/^[&+]/.test(phrase) ? [possessive + phrase] : [])],
        ),
      );
  return { at: (text, index) => walkTrie((trie ??= buildTrie(surfaces())), text, index, step < 0 ? startsWord : endsWord, step) >= 0 };
}

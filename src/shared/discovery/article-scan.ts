/**
 * One pass over an article: its sentences (by the project's own splitter, so quotes stay
 * verbatim), the capitalised mentions in each, its acronym pairs, and which paragraphs are prose
 * (a name must be seen in prose to be offered; headings, captions and player controls only add
 * to a name's count).
 */
import { splitSentences } from '../text/sentences';
import { type AcronymPair, findAcronymPairs, isNameLike } from './acronyms';
import { type Mention, findMentions } from './name-spans';

export interface ScannedMention extends Mention {
  /** Index of the sentence in `ScannedArticle.sentences`. */
  sentence: number;
  /** Seen in a prose paragraph, so it may introduce a new name. */
  prose: boolean;
}

export interface ScannedSentence {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface ScannedPair extends AcronymPair {
  paragraph: number;
  sentence: number;
}

export interface ScannedArticle {
  paragraphs: readonly string[];
  sentences: ScannedSentence[];
  mentions: ScannedMention[];
  /** "Full Name (ACR)" pairs whose long form is a name. */
  pairs: ScannedPair[];
  /** Every word the article writes in lower case ("neon", "de"). */
  lowerWords: Set<string>;
  /** Index of the first prose paragraph (the lede), or -1. */
  lede: number;
}

/**
 * "CAIRO —", "MOSCOW (AP) —", "WASHINGTON, D.C. —": a dateline in capitals opens a news story;
 * its words are a place in shouting case, not a new name.
 */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .,'’-]*(?:\s*\([\p{Lu}\p{L} .]+\))?\s*[—–-]{1,2}\s*/u;
/** Glue left by captions whose credit runs into the name ("Photo CreditKevin Frayer"). */
const CREDIT_GLUE = /^(?:Photo\s+)?Credit(?=\p{Lu})/u;
/** Lower-case words, not parts of a domain or address ("arduino.cc", "stallman.org"). */
const LOWER_WORDS = /(?<![\p{L}\p{N}.@/])\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{N}]|\.\p{L})/gu;
const WORDS = /\S+/gu;
const TERMINAL = /[.!?…]["'”’)\]]*$/u;

export function scanArticle(paragraphs: readonly string[]): ScannedArticle {
  const lowerWords = new Set<string>();
  for (const paragraph of paragraphs) for (const [word] of paragraph.matchAll(LOWER_WORDS)) lowerWords.add(word);
  const sentences: ScannedSentence[] = [];
  const mentions: ScannedMention[] = [];
  const pairs: ScannedPair[] = [];
  let lede = -1;
  paragraphs.forEach((paragraph, index) => {
    const prose = isProse(paragraph);
    if (prose && lede < 0) lede = index;
    const skip = skippedPrefix(paragraph);
    const titles = titleQuotations(paragraph);
    const paragraphPairs = findAcronymPairs(paragraph).filter((pair) => isNameLike(pair.long) && pair.longStart >= skip);
    for (const sentence of splitSentences(paragraph)) {
      const sentenceIndex = sentences.length;
      sentences.push({ paragraph: index, start: sentence.start, end: sentence.end, text: sentence.text });
      const from = Math.max(sentence.start, skip);
      if (from < sentence.end) {
        for (const mention of findMentions(paragraph, index, from, sentence.end, lowerWords)) {
          if (titles.some(([open, close]) => mention.start > open && mention.end <= close)) continue;
          mentions.push({ ...mention, sentence: sentenceIndex, prose });
        }
      }
      for (const pair of paragraphPairs) {
        if (pair.longStart >= sentence.start && pair.longStart < sentence.end) pairs.push({ ...pair, paragraph: index, sentence: sentenceIndex });
      }
    }
  });
  return { paragraphs, sentences, mentions, pairs, lowerWords, lede };
}

/**
 * Prose: a paragraph of eight words or more, or of four or more that ends like a sentence.
 * "Play Video", "Gallery: Xbox One X | 14 Photos" and "Kenya trip" are not.
 */
export function isProse(paragraph: string): boolean {
  const words = paragraph.match(WORDS) ?? [];
  const terminal = TERMINAL.test(paragraph.trim());
  // "Why Neon Is the Ultimate Symbol of the 20th Century": a headline in title case.
  const long = words.filter((word) => /^\p{L}{4,}/u.test(word));
  if (!terminal && long.length >= 3 && long.filter((word) => /^\p{Lu}/u.test(word)).length >= long.length * 0.6) return false;
  return words.length >= 8 || (words.length >= 4 && terminal);
}

/**
 * Quotations in title case (“You Loved Me Like a Distant Star”, “First of the Season Fresh Alaskan
 * Halibut”): titles of works and labels, whose capitals are not names. Two-word quotations
 * (“Salt Typhoon”) are names and stay.
 */
function titleQuotations(paragraph: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const match of paragraph.matchAll(/[\u201C"]([^\u201C\u201D"]{3,120})[\u201D"]/gu)) {
    const words = match[1]!.split(/\s+/u).filter((word) => /^\p{L}/u.test(word));
    const long = words.filter((word) => word.length >= 4);
    if (words.length >= 3 && long.length >= 2 && long.every((word) => /^\p{Lu}/u.test(word))) {
      out.push([match.index, match.index + match[0].length]);
    }
  }
  return out;
}

/** Length of the dateline or caption-credit prefix to leave out of name finding. */
function skippedPrefix(paragraph: string): number {
  const credit = CREDIT_GLUE.exec(paragraph);
  if (credit) return credit[0].length;
  const dateline = DATELINE.exec(paragraph);
  // A dateline is short; a long run of capitals before a dash is a shouted headline, also skipped.
  return dateline && /\p{Lu}{2}/u.test(dateline[0]) ? dateline[0].length : 0;
}

/**
 * Mentions become names: one group per name, with its forms. An acronym pair makes its long and
 * short form one name; "of" joins that happen once are undone ("Krishnamoorthi of Illinois");
 * a surname or other partial form joins the one full name it belongs to ("Krishnamoorthi" after
 * "Raja Krishnamoorthi", "Whole Foods" after "Whole Foods Market").
 */
import type { ScannedArticle, ScannedMention, ScannedPair } from './article-scan';
import { mentionCues } from './cues';
import { isNameShaped } from './name-shape';
import { isCompanySuffix } from './tokens';
import { INSTITUTION_HEADS, PARTICLES, PLACES, PLACE_HEADS } from './word-lists';

export interface NameGroup {
  key: string;
  /** Words of the name (the long form, or the fullest form seen). */
  words: string[];
  /** Mentions of the full name (and, for a pair, of its short form). */
  mentions: ScannedMention[];
  /** Mentions of short forms and acronyms merged in ("Krishnamoorthi", a lone "MSS"). */
  shortMentions: ScannedMention[];
  pair: ScannedPair | null;
  /** An acronym of the name written on its own, without a pair ("MSS" beside "Ministry of State Security"). */
  acronym: string | null;
  /** Partial forms merged in: surnames, prefixes, suffixes. */
  shortForms: Set<string>;
}

/** Folded comparison key: case, apostrophes, spaces and a leading "the" do not matter. */
export function nameKey(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u2019\u02BC]/gu, "'")
      .replace(/[\s\u00A0]+/gu, ' ')
      .replace(/^the /iu, '')
      .trim()
      // "Xbox One S." at a sentence's end is "Xbox One S".
      .replace(/(?<= \p{L})\.$/u, '')
      .toLowerCase()
  );
}

/** Tails that leave a company's or institution's short name: "Whole Foods [Market]", "Alibaba [Group]". */
const GENERIC_TAILS = new Set(['market', 'markets', 'stores', 'national', 'international', 'museum', 'online']);

export function groupNames(article: ScannedArticle): NameGroup[] {
  const mentions = splitWeakJoins(joinPossessiveNames(resolveFuller(article.mentions), article.paragraphs));
  const lowerWords = article.lowerWords;
  const groups = new Map<string, NameGroup>();
  const alias = new Map<string, NameGroup>();
  for (const pair of article.pairs) {
    const key = nameKey(pair.long);
    const group = groups.get(key) ?? alias.get(key) ?? newGroup(key, pair.long.split(/\s+/u));
    group.pair ??= pair;
    groups.set(group.key, group);
    alias.set(nameKey(pair.short), group);
  }
  const spans = new Set(mentions.map((mention) => `${mention.paragraph}:${mention.start}:${mention.end}`));
  for (const mention of mentions) {
    if (isPairShortForm(mention, article.pairs, spans)) continue;
    const key = nameKey(mention.text);
    const group = alias.get(key) ?? groups.get(key);
    if (group) {
      group.mentions.push(mention);
      continue;
    }
    const created = newGroup(key, mention.words);
    created.mentions.push(mention);
    groups.set(key, created);
  }
  // A pair's short form seen elsewhere in the text ("the MSS") already joined through `alias`.
  // "US-China" joins two names the article also writes alone: it is not a third.
  const all = [...groups.values()].filter(
    (group) => (group.mentions.length > 0 || group.pair) && !isCompoundOfNames(group, groups, alias),
  );
  const isPerson = (group: NameGroup): boolean =>
    group.mentions.some((mention) => {
      const sentence = article.sentences[mention.sentence]!;
      const cues = mentionCues(mention, sentence.text, sentence.start);
      return cues.person + cues.said > 0;
    });
  // A common word ("Century", also written "century") is nobody's surname.
  const common = (group: NameGroup): boolean => group.words.length === 1 && lowerWords.has(group.words[0]!.toLowerCase());
  return linkAcronyms(linkShortForms(all, isPerson, common));
}

const JOINER_WORDS = new Set(['of', 'on', 'for', 'and', 'the', '&', 'de', 'du', 'la', 'le', 'von', 'van', 'der']);

/**
 * An acronym written alone joins the one name of the article whose initials it spells: "MSS"
 * and "Ministry of State Security", "U.S." and "United States", "FT" and "Financial Times".
 * Without a pair this is weaker evidence, so the name must be unique and spelled exactly.
 */
function linkAcronyms(groups: NameGroup[]): NameGroup[] {
  const absorbed = new Set<NameGroup>();
  for (const group of groups) {
    if (group.pair || group.words.length !== 1) continue;
    const letters = group.words[0]!.replace(/\./gu, '');
    if (!/^\p{Lu}{2,6}$/u.test(letters)) continue;
    const spelled = groups.filter((other) => other !== group && !absorbed.has(other) && other.words.length >= 2 && initials(other.words) === letters);
    if (spelled.length !== 1) continue;
    const target = spelled[0]!;
    if (target.pair || target.acronym) continue;
    target.acronym = group.mentions[0]?.text ?? group.words[0]!;
    target.shortMentions.push(...group.mentions, ...group.shortMentions);
    absorbed.add(group);
  }
  return groups.filter((group) => !absorbed.has(group));
}

function initials(words: readonly string[]): string {
  return words
    .filter((word) => !JOINER_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

function isCompoundOfNames(group: NameGroup, groups: ReadonlyMap<string, NameGroup>, alias: ReadonlyMap<string, NameGroup>): boolean {
  if (group.words.length !== 1 || group.pair) return false;
  const parts = group.words[0]!.split(/[-\u2010\u2011]/u);
  return parts.length === 2 && parts.every((part) => groups.has(nameKey(part)) || alias.has(nameKey(part)));
}

function newGroup(key: string, words: string[]): NameGroup {
  return { key, words, mentions: [], shortMentions: [], pair: null, acronym: null, shortForms: new Set() };
}

/** The "(MSS)" right after its long form: one mention of the pair, not two. */
function isPairShortForm(mention: ScannedMention, pairs: readonly ScannedPair[], spans: ReadonlySet<string>): boolean {
  return pairs.some(
    (pair) => pair.paragraph === mention.paragraph && mention.start === pair.shortStart && spans.has(`${pair.paragraph}:${pair.longStart}:${pair.longEnd}`),
  );
}

/**
 * A doubtful opening word stays when the rest never stands alone: "Whole Foods" (the article
 * also writes "whole"), "Arab Spring", "Bruce Nauman"; but "Russian Tuva" is "Tuva" when the
 * article writes "Tuva" alone too.
 */
function resolveFuller(mentions: readonly ScannedMention[]): ScannedMention[] {
  const standalone = new Set(mentions.filter((mention) => mention.fuller === null).map((mention) => nameKey(mention.text)));
  return mentions.map((mention) => {
    if (!mention.fuller || standalone.has(nameKey(mention.text))) return mention;
    return { ...mention, ...mention.fuller, sentence: mention.sentence, prose: mention.prose, fuller: null };
  });
}

/**
 * "Fisherman’s Terminal", "Sam’s Club", "Super Lucky's Tale" are names with a possessive inside;
 * "Verizon’s Yahoo" is two. Joined only when neither part is written alone anywhere in the article.
 */
function joinPossessiveNames(mentions: readonly ScannedMention[], paragraphs: readonly string[]): ScannedMention[] {
  const standalone = new Set<string>();
  mentions.forEach((mention, index) => {
    const previous = mentions[index - 1];
    const afterPossessive = previous?.possessive && previous.paragraph === mention.paragraph && mention.start - previous.end <= 3;
    if (!mention.possessive && !afterPossessive) standalone.add(nameKey(mention.text));
  });
  const out: ScannedMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    const adjacent = b && a.possessive && b.paragraph === a.paragraph && /^['\u2019]s? $/u.test(paragraphs[a.paragraph]!.slice(a.end, b.start));
    if (!b || !adjacent || b.words.length > 2 || b.initial || standalone.has(nameKey(a.text)) || standalone.has(nameKey(b.text))) {
      out.push(a);
      continue;
    }
    const paragraph = paragraphs[a.paragraph]!;
    out.push({
      ...a,
      text: paragraph.slice(a.start, b.end),
      words: [...a.words.slice(0, -1), paragraph.slice(a.wordStarts[a.words.length - 1]!, b.start - 1), ...b.words],
      wordStarts: [...a.wordStarts, ...b.wordStarts],
      wordEnds: [...a.wordEnds.slice(0, -1), b.start - 1, ...b.wordEnds],
      end: b.end,
      possessive: b.possessive,
      after: b.after,
    });
    i++;
  }
  return out;
}

/**
 * "Gears of War 4" recurs, so "of" belongs to the name; "Xi Jinping of China" is "Xi Jinping"
 * and "China" when either is written alone elsewhere. "Call of Duty", whose halves never stand
 * alone, stays one name.
 */
function splitWeakJoins(mentions: readonly ScannedMention[]): ScannedMention[] {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(nameKey(mention.text), (counts.get(nameKey(mention.text)) ?? 0) + 1);
  const out: ScannedMention[] = [];
  for (const mention of mentions) {
    if (mention.weakJoin === null || (counts.get(nameKey(mention.text)) ?? 0) >= 2) {
      out.push(mention);
      continue;
    }
    const left = subMention(mention, 0, mention.weakJoin);
    let rightStart = mention.weakJoin;
    while (rightStart < mention.words.length && /^\p{Ll}/u.test(mention.words[rightStart]!)) rightStart++;
    const right = subMention(mention, rightStart, mention.words.length);
    const standsAlone = (part: ScannedMention | null): boolean => part !== null && counts.has(nameKey(part.text));
    // "Fans of Miami Beach" opening a sentence: the first word is most likely a common noun.
    const initialWord = mention.initial && mention.weakJoin === 1;
    if (!initialWord && !standsAlone(left) && !standsAlone(right)) {
      out.push(mention);
      continue;
    }
    if (left) out.push(left);
    if (right) out.push({ ...right, initial: false, titled: false });
  }
  return out;
}

function subMention(mention: ScannedMention, from: number, to: number): ScannedMention | null {
  if (from >= to) return null;
  const words = mention.words.slice(from, to);
  if (!isNameShaped(words)) return null;
  const start = mention.wordStarts[from]!;
  const end = mention.wordEnds[to - 1]!;
  const shift = start - mention.start;
  return {
    ...mention,
    text: mention.text.slice(shift, end - mention.start),
    words,
    wordStarts: mention.wordStarts.slice(from, to),
    wordEnds: mention.wordEnds.slice(from, to),
    start,
    end,
    weakJoin: null,
  };
}

/** A person's name: two to four capitalised words, initials and particles allowed, no institution word. */
export function isPersonShaped(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  return words.every((word, index) => {
    const lower = word.toLowerCase().replace(/\.$/u, '');
    if (PARTICLES.has(lower) && index > 0 && index < words.length - 1) return true;
    if (/^\p{Lu}\.$/u.test(word)) return index < words.length - 1;
    if (INSTITUTION_HEADS.has(lower) || PLACE_HEADS.has(lower) || isCompanySuffix(lower)) return false;
    return /^[\p{Lu}\p{Lt}][\p{Ll}\p{M}'’-]+(?:-[\p{Lu}][\p{Ll}\p{M}]+)?$/u.test(word);
  });
}

/**
 * Short forms: a group of one or two words joins the single longer group it is a surname of
 * (the end of a person's name), a family-name-first short form of ("Xi" → "Xi Jinping"), or the
 * start of before a generic tail ("Whole Foods" → "Whole Foods Market"). With two candidates
 * ("Arduino" before "Arduino LLC" and "Arduino SRL") it stays a name of its own.
 */
function linkShortForms(groups: NameGroup[], personCue: (group: NameGroup) => boolean, common: (group: NameGroup) => boolean): NameGroup[] {
  const ordered = [...groups].sort((a, b) => b.words.length - a.words.length);
  const absorbed = new Set<NameGroup>();
  for (const group of ordered) {
    // A country is not a surname ("Italy" is not short for "Wired Italy").
    if (group.pair || group.words.length > 2 || common(group) || (group.words.length === 1 && PLACES.has(group.words[0]!.toLowerCase()))) continue;
    const short = group.words.map((word) => word.toLowerCase());
    const live = groups.filter((other) => other !== group && !absorbed.has(other));
    // A person needs a person's cue on the full name or the short one ("Forte said", "Mr Obama").
    const cued = (other: NameGroup): boolean => isPersonShaped(other.words) && (personCue(other) || personCue(group));
    const ends = live.filter((other) => endsWith(other, short) && isPersonShaped(other.words));
    const starts = live.filter((other) => startsWith(other, short));
    const generics = starts.filter((other) => other.words.slice(short.length).every((word) => isGenericTail(word)));
    // "Progress" before "Progress MS-04", "iPhone" before "iPhone 4": a model code after the name.
    const models = starts.filter((other) => other.words.slice(short.length).every((word) => /\p{N}/u.test(word) || /^\p{Lu}$/u.test(word)));
    // "One X" after "Xbox One X": two words that end exactly one longer name.
    const suffixOf = short.length >= 2 ? live.filter((other) => endsWith(other, short)) : [];
    let target: NameGroup | undefined;
    // A surname is the usual short form, so it wins over a first name shared with someone else.
    if (ends.length === 1 && (starts.length === 0 || cued(ends[0]!))) target = ends[0];
    else if (ends.length === 0 && starts.length === 1 && (generics.length === 1 || models.length === 1)) target = starts[0];
    else if (suffixOf.length === 1 && starts.length === 0) target = suffixOf[0];
    else if (ends.length === 0 && starts.length === 1 && starts[0]!.words.length === 2 && cued(starts[0]!)) target = starts[0];
    if (!target) continue;
    target.shortMentions.push(...group.mentions, ...group.shortMentions);
    target.shortForms.add(group.mentions[0]?.text ?? group.words.join(' '));
    for (const form of group.shortForms) target.shortForms.add(form);
    absorbed.add(group);
  }
  return groups.filter((group) => !absorbed.has(group));
}

function endsWith(group: NameGroup, short: readonly string[]): boolean {
  if (group.words.length <= short.length) return false;
  const tail = group.words.slice(-short.length).map((word) => word.toLowerCase());
  return tail.every((word, index) => word === short[index]);
}

function startsWith(group: NameGroup, short: readonly string[]): boolean {
  if (group.words.length <= short.length) return false;
  return group.words.slice(0, short.length).every((word, index) => word.toLowerCase() === short[index]);
}

function isGenericTail(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/u, '');
  return isCompanySuffix(lower) || GENERIC_TAILS.has(lower);
}

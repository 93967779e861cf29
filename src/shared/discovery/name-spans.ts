/**
 * Capitalised names in one sentence: runs of capitalised words, joined where names join ("of",
 * "de", "al-", "and" before "Office"), cut where they don't (a possessive, punctuation, a title
 * before a person's name). Each mention keeps its offsets, so its sentence can be quoted verbatim.
 */
import { isNameShaped, isRole } from './name-shape';
import { splitAtRoles } from './roles';
import { type Token, isCommonAcronym, isCompanySuffix, joinsTight, tokenize } from './tokens';
import {
  CALENDAR_WORDS,
  COMMON_WORDS,
  DEMONYMS,
  INSTITUTION_HEADS,
  PARTICLES,
  PLACE_HEADS,
} from './word-lists';

export interface Mention {
  /** The name as written (possessive removed), e.g. "Ministry of State Security". */
  text: string;
  words: string[];
  /** Offsets of each word in the paragraph. */
  wordStarts: number[];
  wordEnds: number[];
  paragraph: number;
  start: number;
  end: number;
  /** The mention opens its sentence (or a quotation), where any word is capitalised. */
  initial: boolean;
  /** Joined by a weak "of" ("Gears of War"): kept only if the whole phrase recurs. */
  weakJoin: number | null;
  /** A person's title or role stood right before it ("President", "Mr", "Ranking Member"). */
  titled: boolean;
  /** Written with a possessive ("Verizon’s"): a name ends here, unless "Sam’s Club" is one name. */
  possessive: boolean;
  /**
   * The mention before a doubtful opening word was dropped ("Whole Foods" when "whole" is also
   * written in lower case; "Arab Spring" before the demonym went). Grouping keeps the fuller
   * form when the shorter one never stands alone in the article.
   */
  fuller: Mention | null;
  /** The lower-case word right before it, and the text right after it (for category cues). */
  wordBefore: string;
  after: string;
}

const JOINERS = new Set(['of', 'on', 'for', 'and', 'the', '&']);
const LOWER_WORD = /^\p{Ll}/u;

const lower = (token: Token): string => token.text.toLowerCase().replace(/\.$/u, '');
const isCalendar = (token: Token): boolean => CALENDAR_WORDS.has(lower(token));

/** Can a name start with this token? */
function startable(token: Token): boolean {
  if (!token.capitalised && !token.acronym) return false;
  if (isCalendar(token)) return false;
  return token.text.length > 1 || token.acronym;
}

/**
 * Mentions in paragraph[from, to) (one sentence). `lowerWords` holds every word the article
 * writes in lower case, so a capitalised "Neon" opening a sentence is known for a common word.
 */
export function findMentions(paragraph: string, paragraphIndex: number, from: number, to: number, lowerWords: ReadonlySet<string>): Mention[] {
  const tokens = tokenize(paragraph, from, to);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startable(tokens[i]!)) {
      i++;
      continue;
    }
    const { end, weakJoin } = extend(tokens, i, lowerWords);
    for (const piece of splitAtRoles(tokens, i, end)) {
      const mention = finish(paragraph, paragraphIndex, tokens, piece, weakJoin, lowerWords);
      if (mention) mentions.push(mention);
    }
    i = end;
  }
  return mentions;
}

/** The end (exclusive) of the name starting at tokens[start], and where a weak "of" joined it. */
function extend(tokens: readonly Token[], start: number, lowerWords: ReadonlySet<string>): { end: number; weakJoin: number | null } {
  let end = start + 1;
  let weakJoin: number | null = null;
  while (end < tokens.length) {
    const last = tokens[end - 1]!;
    if (last.possessive || last.compound) break;
    const next = tokens[end]!;
    const ampersand = /^\s&\s$/u.test(next.gapBefore);
    if (!joinsTight(next) && !ampersand) break;
    if (ampersand && (next.capitalised || next.acronym)) {
      end++;
      continue;
    }
    if ((next.capitalised || next.acronym) && !isCalendar(next)) {
      end++;
      continue;
    }
    // "Xbox 360", "PlayStation 4 Pro", "Gears of War 4": a short number continues a name.
    if (next.numeric && next.text.length <= 4 && !/^\p{N}{4}$/u.test(next.text)) {
      end++;
      continue;
    }
    const joined = joinerRun(tokens, end);
    if (joined === null) break;
    const verdict = judgeJoin(tokens, start, end, joined, lowerWords);
    if (verdict === 'no') break;
    if (verdict === 'weak') weakJoin ??= end;
    end = joined;
  }
  return { end, weakJoin };
}

/** If tokens[at] begins a joiner run ("of", "on the", "de") followed tightly by a capital, where the capital is. */
function joinerRun(tokens: readonly Token[], at: number): number | null {
  let k = at;
  while (k < tokens.length && k - at < 2) {
    const token = tokens[k]!;
    if (!joinsTight(token)) return null;
    const word = token.text.toLowerCase();
    if (token.capitalised || token.acronym) break;
    if (!JOINERS.has(word) && !PARTICLES.has(word)) return null;
    k++;
  }
  const after = tokens[k];
  if (k === at || !after || !joinsTight(after) || !(after.capitalised || after.acronym) || isCalendar(after)) return null;
  return k;
}

/** Whether the joiners in tokens[at, capital) may join the name before them to the capital after. */
function judgeJoin(tokens: readonly Token[], start: number, at: number, capital: number, lowerWords: ReadonlySet<string>): 'yes' | 'weak' | 'no' {
  const joiners = tokens.slice(at, capital).map((token) => token.text.toLowerCase());
  const first = joiners[0]!;
  const before = tokens[at - 1]!;
  const head = INSTITUTION_HEADS.has(lower(before));
  // "Luis de Miranda", "Ursula von der Leyen", "Mohammed bin Salman".
  if (joiners.every((joiner) => PARTICLES.has(joiner))) return at - start >= 1 ? 'yes' : 'no';
  if (first === 'the') return 'no';
  // "Secretary of Commerce Gina Raimondo": joined here, the role and its office are cut off later.
  if (first === 'of') return head || isRole(before.text) ? 'yes' : 'weak';
  if (first === 'on' || first === 'for') return head ? 'yes' : 'no';
  if (first === 'and') {
    // "Patent and Trademark Office", "Travel and Tourism Council": the run after "and" ends in an
    // institution. Not after a whole name ("FSF and Conservancy", "Arduino SRL and Arduino LLC")
    // nor before "the" ("Museum of Neon Art and the Neon Museum").
    if (joiners.length > 1 || before.acronym || head || isCompanySuffix(before.text)) return 'no';
    let k = capital;
    while (k + 1 < tokens.length && joinsTight(tokens[k + 1]!) && (tokens[k + 1]!.capitalised || tokens[k + 1]!.acronym)) k++;
    const tail = tokens[k]!;
    if (INSTITUTION_HEADS.has(lower(tail)) || isCompanySuffix(tail.text)) return 'yes';
    // "Center on Poverty and Inequality", "Department of Health and Human Services": inside an
    // institution's "of"/"on"/"for" part, common nouns (written in lower case elsewhere) join.
    const inComplement = tokens.slice(start, at).some((token, index, run) => INSTITUTION_HEADS.has(lower(token)) && ['of', 'on', 'for'].includes(run[index + 1]?.text ?? ''));
    const commonNouns = tokens.slice(capital, k + 1).every((token) => lowerWords.has(lower(token)));
    return inComplement && commonNouns ? 'yes' : 'no';
  }
  return 'no';
}


function finish(
  paragraph: string,
  paragraphIndex: number,
  tokens: readonly Token[],
  piece: { start: number; end: number; titled: boolean },
  weakJoinAt: number | null,
  lowerWords: ReadonlySet<string>,
): Mention | null {
  let { start, end } = piece;
  let doubtfulFrom: number | null = null;
  // An opening capital that is a common word ("But", "The", "Current") is not part of the name.
  if (start < end && tokens[start]!.initial) {
    while (start < end && isCommonOpening(tokens[start]!)) {
      start++;
      while (start < end && LOWER_WORD.test(tokens[start]!.text)) start++;
    }
    // A word the article also writes in lower case ("Whole" and "whole") may or may not belong.
    if (start < end - 1 && !tokens[start]!.acronym && lowerWords.has(lower(tokens[start]!))) {
      doubtfulFrom = start;
      start++;
    }
  }
  // Leading articles and demonyms ("the", "Tunisian") are not part of a name unless it is an institution's.
  while (start < end && tokens[start]!.text === 'The') start++;
  while (start < end - 1 && isLeadingDemonym(tokens, start, end)) {
    doubtfulFrom ??= start;
    start++;
  }
  // "Secretary of State" alone or "President of France": the role and its "of" are not the name.
  while (start < end - 1 && isRole(tokens[start]!.text) && !INSTITUTION_HEADS.has(lower(tokens[start + 1]!))) {
    start++;
    if (start < end && tokens[start]!.text === 'of') start++;
  }
  // Trailing joiners cannot end a name, nor a common acronym ("AMD Polaris GPU" → "AMD Polaris").
  while (
    end > start &&
    (!(tokens[end - 1]!.capitalised || tokens[end - 1]!.acronym || tokens[end - 1]!.numeric) ||
      (end - start > 1 && tokens[end - 1]!.acronym && isCommonAcronym(tokens[end - 1]!.text)))
  ) {
    end--;
  }
  const mention = build(paragraph, paragraphIndex, tokens, start, end, piece.titled, weakJoinAt);
  if (doubtfulFrom !== null) {
    const fuller = build(paragraph, paragraphIndex, tokens, doubtfulFrom, end, piece.titled, weakJoinAt);
    if (mention && fuller) mention.fuller = fuller;
    else if (fuller && !mention) return null;
  }
  return mention;
}

function build(
  paragraph: string,
  paragraphIndex: number,
  tokens: readonly Token[],
  start: number,
  end: number,
  titled: boolean,
  weakJoinAt: number | null,
): Mention | null {
  if (start >= end) return null;
  const words = tokens.slice(start, end).map((token) => token.text);
  if (!isNameShaped(words)) return null;
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  const previous = tokens[start - 1];
  return {
    text: paragraph.slice(first.start, last.end),
    words,
    wordStarts: tokens.slice(start, end).map((token) => token.start),
    wordEnds: tokens.slice(start, end).map((token) => token.end),
    paragraph: paragraphIndex,
    start: first.start,
    end: last.end,
    initial: first.initial,
    weakJoin: weakJoinAt !== null && weakJoinAt > start && weakJoinAt < end ? weakJoinAt - start : null,
    titled,
    possessive: last.possessive,
    fuller: null,
    wordBefore: previous && LOWER_WORD.test(previous.text) && joinsTight(first) ? previous.text.toLowerCase() : '',
    after: paragraph.slice(last.end + (last.possessive ? 2 : 0), last.end + 40),
  };
}

function isCommonOpening(token: Token): boolean {
  if (token.acronym) return false;
  const word = lower(token);
  return COMMON_WORDS.has(word) || isRole(word);
}

/** "Chinese" before "Communist Party" stays (an institution); before "Tuva" it goes. */
function isLeadingDemonym(tokens: readonly Token[], start: number, end: number): boolean {
  if (!DEMONYMS.has(lower(tokens[start]!))) return false;
  const last = lower(tokens[end - 1]!);
  if (INSTITUTION_HEADS.has(last) || isCompanySuffix(last)) return false;
  // "Islamic State": what would remain is a bare head or common word, so the demonym is the name.
  if (end - start === 2) {
    const rest = lower(tokens[start + 1]!);
    if (PLACE_HEADS.has(rest) || INSTITUTION_HEADS.has(rest)) return false;
  }
  return true;
}

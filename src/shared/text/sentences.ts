/**
 * Splits a paragraph into sentences, each an exact slice of the paragraph with its offsets, so a
 * card can quote it verbatim and the reader can find it again.
 *
 * When in doubt it does not split: two sentences quoted together are still verbatim and true,
 * while a sentence cut in half ("U.S." | "President Donald Trump …") misquotes. So a full stop
 * ends a sentence only when whitespace and a capital, digit or opening quote follow, the word
 * before it is not an initial or a known abbreviation, and it is not inside a quotation that
 * closes later in the paragraph (a quoted passage of two sentences ending `,” he added.` stays
 * one sentence, attribution included).
 */

export interface Sentence {
  text: string;
  /** Offset of the first character in the paragraph (UTF-16 code units). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '\u2026']);
/** Characters that may follow a terminator and still belong to the sentence it ends. */
const CLOSERS = new Set(['\u201D', '\u2019', '"', "'", ')', ']']);
/** A sentence may open with a capital (or title-case) letter, a digit, or an opening quote or bracket. */
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{N}\u201C\u2018"'([]/u;
/** Punctuation that may precede a word: stripped before the abbreviation check. */
const LEADING_PUNCTUATION = /^[\u201C\u2018"'([]+/u;
/** Initials and dotted abbreviations: "J", "U.S", "e.g" (the final dot is the one being tested). */
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;
/**
 * Abbreviations that are usually followed by a capitalised word in the same sentence (titles,
 * months, company suffixes). "etc." is left out: it ends sentences more often than not.
 */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Gen', 'Lt', 'Col',
  'Maj', 'Capt', 'Cmdr', 'Sgt', 'Adm', 'Rev', 'Hon', 'Pres', 'Amb', 'Supt', 'St', 'Mt', 'Ft', 'Jr', 'Sr',
  'No', 'Nos', 'Vol', 'Fig', 'Art', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'vs', 'cf', 'approx',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

export function splitSentences(paragraph: string): Sentence[] {
  const quoted = quotedRanges(paragraph);
  const sentences: Sentence[] = [];
  let segmentStart = 0;
  for (let i = 0; i < paragraph.length; i++) {
    if (!TERMINATORS.has(paragraph[i]!)) continue;
    let end = i + 1;
    while (end < paragraph.length && TERMINATORS.has(paragraph[end]!)) end++;
    while (end < paragraph.length && CLOSERS.has(paragraph[end]!)) end++;
    const next = nextNonSpace(paragraph, end);
    const endsParagraph = next === paragraph.length;
    const isBoundary =
      endsParagraph ||
      (next > end &&
        SENTENCE_START.test(paragraph[next]!) &&
        !insideQuotation(quoted, end) &&
        !(paragraph[i] === '.' && end === i + 1 && isAbbreviation(wordBefore(paragraph, i))));
    if (isBoundary) {
      pushTrimmed(sentences, paragraph, segmentStart, end);
      segmentStart = next;
    }
    i = end - 1;
  }
  pushTrimmed(sentences, paragraph, segmentStart, paragraph.length);
  return sentences;
}

/**
 * Ranges [open, close] of double quotations that close within the paragraph. A quotation left
 * open (a quote running on into the next paragraph) is ignored rather than allowed to swallow
 * the rest of the paragraph.
 */
function quotedRanges(paragraph: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = 0; i < paragraph.length; i++) {
    const char = paragraph[i];
    if (char === '\u201C') curlyOpen = i;
    else if (char === '\u201D' && curlyOpen >= 0) {
      ranges.push([curlyOpen, i]);
      curlyOpen = -1;
    } else if (char === '"') {
      if (straightOpen >= 0) {
        ranges.push([straightOpen, i]);
        straightOpen = -1;
      } else straightOpen = i;
    }
  }
  return ranges;
}

/** True when `position` lies inside a quotation, i.e. its closing mark is still ahead. */
function insideQuotation(ranges: ReadonlyArray<[number, number]>, position: number): boolean {
  return ranges.some(([open, close]) => open < position && position <= close);
}

function nextNonSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/u.test(text[index]!)) index++;
  return index;
}

/** The whitespace-delimited word that ends just before `dotIndex`, without leading punctuation. */
function wordBefore(text: string, dotIndex: number): string {
  let start = dotIndex;
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--;
  return text.slice(start, dotIndex).replace(LEADING_PUNCTUATION, '');
}

function isAbbreviation(word: string): boolean {
  return INITIALS.test(word) || ABBREVIATIONS.has(word);
}

function pushTrimmed(sentences: Sentence[], paragraph: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(paragraph[start]!)) start++;
  while (end > start && /\s/u.test(paragraph[end - 1]!)) end--;
  if (end > start) sentences.push({ text: paragraph.slice(start, end), start, end });
}

/**
 * The order in which an entity's sentences are shown, most relevant first:
 *   1. the sentence that says what it is: the one holding its hand-picked summary excerpt, so the
 *      first quote on a card puts the summary back in its context;
 *   2. then sentences that name it in full ("Salt Typhoon", "Ministry of State Security") before
 *      those that use only a short or ambiguous form ("Trump", "the MSS"), because a full name
 *      still reads right when the sentence is lifted out of its article;
 *   3. then article order: library order, paragraph, position in the paragraph.
 */
import type { CatalogEntry } from '../../src/shared/catalog/types';
import type { ScannedSentence } from './scan-articles';

/** Where an entity's summary excerpt sits, to recognise the sentence that defines it. */
export interface ExcerptLocation {
  articleId: string;
  paragraph: number;
  start: number;
  end: number;
}

export function compareByRelevance(
  entry: CatalogEntry,
  definition: ExcerptLocation | null,
): (a: ScannedSentence, b: ScannedSentence) => number {
  const namesInFull = (sentence: ScannedSentence) => {
    const paragraph = sentence.article.paragraphs[sentence.paragraph] ?? '';
    return sentence.mentions.some((m) => m.entityId === entry.id && isFullForm(paragraph.slice(m.start, m.end), entry));
  };
  const defines = (sentence: ScannedSentence) =>
    definition !== null &&
    sentence.article.id === definition.articleId &&
    sentence.paragraph === definition.paragraph &&
    sentence.start < definition.end &&
    definition.start < sentence.end;
  return (a, b) =>
    Number(defines(b)) - Number(defines(a)) ||
    Number(namesInFull(b)) - Number(namesInFull(a)) ||
    a.articleIndex - b.articleIndex ||
    a.paragraph - b.paragraph ||
    a.start - b.start;
}

/** True when the mentioned text contains one of the entity's full forms ("Nvidia’s" contains "Nvidia"). */
export function isFullForm(mentionText: string, entry: CatalogEntry): boolean {
  const text = normalise(mentionText);
  return entry.forms.some((form) => text.includes(normalise(form)));
}

/**
 * Case, apostrophe style and the spacing between words do not make a form more or less full (the
 * matcher lets any run of whitespace or a hyphen stand between a form's words).
 */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/gu, "'")
    .replace(/[\s\u00AD\u2010\u2011-]+/gu, ' ');
}

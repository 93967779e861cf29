/**
 * Context cues around a mention: what the words right before and after it say about the kind of
 * thing it names. Shared by short-form linking (is this a person?) and the category guess.
 */
import type { ScannedMention } from './article-scan';

/** Verbs of speech right after a name ("Forte said", "Sharon says"). */
const SAID_AFTER = /^['’]?s?,?\s+(?:said|says|told|added|wrote|writes|noted|explained|argued|asked|replied|recalled|declared|tweeted|insisted|acknowledged|warned)\b/u;
/** A party-and-state tag: "(D-IL)", "(R-MI)", ", D-Illinois,". */
const PARTY_TAG = /^\s*(?:\(|,\s*)[DRI]-[A-Z][A-Za-z.]+(?:\)|,)/u;
/** An age in commas: "Krishnamoorthi, 49, is". */
const AGE = /^,\s*\d{1,3},/u;
/** An appositive of a person: ", a professor", ", who", ", the author". */
const PERSON_APPOSITIVE = /^,\s*(?:who|a (?:professor|former|senior|spokesman|spokeswoman|researcher|fellow|commissioner|managing director|lawyer|partner|director)|the (?:author|president|founder|head|chief)|(?:head|president|director|founder|chief executive) of)\b/u;
/** Company words right after a name or in an appositive (the possessive is already cut from `after`): "Beechmont Hotels Corporation, a hotel operating company". */
const COMPANY_AFTER = /^(?:\s+|,\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3})(?:company|firm|maker|giant|start-?up|retailer|chain|brokerage|conglomerate|manufacturer|supplier|shipper|carrier|provider|operator|bank|insurer|publisher|studio|stores)\b/u;
const COMPANY_BEFORE = /\b(?:company|firm|maker|retailer|chain|brokerage|supplier|shipper|startup|start-up|rival|competitor|acquire|acquired|bought|buy|sells?|owned by|shares of|stake in|CEO of)\s*$/u;
const AGENCY_AFTER = /^\s+(?:(?:space|spy|news|intelligence|security|federal|government)\s+)?(?:agency|ministry|department|regulator)\b/u;
/** Place prepositions; "to" and "into" are left out ("a sale to Verizon"). */
const PLACE_BEFORE = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'throughout']);
const PRODUCT_AFTER = /^(?:\s+|,\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2})(?:console|chip|chips|headset|phone|smartphone|app|model|device|processor|laptop|tablet|car|game|title|display|drive|controller|rocket|spacecraft|ship|craft)\b/u;

export interface MentionCues {
  /** A title, party tag, age or appositive: a person. */
  person: number;
  /** A verb of speech beside it: a person, or an agency or company that "said" something. */
  said: number;
  company: number;
  agency: number;
  place: number;
  product: number;
}

export function mentionCues(mention: ScannedMention, sentenceText: string, sentenceStart: number): MentionCues {
  const cues: MentionCues = { person: 0, said: 0, company: 0, agency: 0, place: 0, product: 0 };
  const after = mention.after;
  const before = sentenceText.slice(0, mention.start - sentenceStart);
  if (mention.titled) cues.person += 2;
  if (PARTY_TAG.test(after) || AGE.test(after)) cues.person += 2;
  if (PERSON_APPOSITIVE.test(after)) cues.person += 1;
  if (mention.words.length <= 3 && SAID_AFTER.test(after)) cues.said += 1;
  if (mention.words.length <= 3 && /\b(?:said|says)\s*$/u.test(before)) cues.said += 1;
  if (COMPANY_AFTER.test(after) || COMPANY_BEFORE.test(before)) cues.company += 1;
  if (AGENCY_AFTER.test(after)) cues.agency += 1;
  if (PRODUCT_AFTER.test(after)) cues.product += 1;
  if (PLACE_BEFORE.has(mention.wordBefore)) cues.place += 1;
  return cues;
}

export function addCues(total: MentionCues, more: MentionCues): MentionCues {
  return {
    person: total.person + more.person,
    said: total.said + more.said,
    company: total.company + more.company,
    agency: total.agency + more.agency,
    place: total.place + more.place,
    product: total.product + more.product,
  };
}

export const NO_CUES: MentionCues = { person: 0, said: 0, company: 0, agency: 0, place: 0, product: 0 };

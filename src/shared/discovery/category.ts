/**
 * A category guess for a found name, from its own words first (an institution's head word, a
 * corporate suffix, a campaign's "Typhoon") and then from the words around its mentions (a
 * title, "(D-IL)", "said", "in", "company"). A guess the reader can correct, never a claim.
 */
import type { ScannedArticle } from './article-scan';
import { type MentionCues, NO_CUES, addCues, mentionCues } from './cues';
import type { NameGroup } from './name-groups';
import { isPersonShaped } from './name-groups';
import type { DiscoveryCategory } from './types';
import { isCompanySuffix } from './tokens';
import { AGENCY_HEADS, CAMPAIGN_HEADS, INSTITUTION_HEADS, PLACES, PLACE_HEADS, PRODUCT_TAILS } from './word-lists';

/** Campaign heads that are also everyday words; they need a cyber story around them. */
const WEAK_CAMPAIGN_HEADS = new Set(['panda', 'kitten', 'spider', 'bear', 'blizzard']);
const CYBER_CONTEXT = /\b(?:hack(?:ers?|ing|ed)?|cyber|espionage|threat actor|APT\d*|malware|intrusions?)\b/iu;
export function guessCategory(group: NameGroup, article: ScannedArticle): DiscoveryCategory {
  const words = group.words.map((word) => word.toLowerCase().replace(/\.$/u, ''));
  const last = words[words.length - 1]!;
  // "Ministry of State Security", "University of X": the head stands before "of".
  const ofIndex = words.indexOf('of');
  const head = ofIndex > 0 ? words[ofIndex - 1]! : last;

  if (CAMPAIGN_HEADS.has(last) && words.length >= 2) {
    if (!WEAK_CAMPAIGN_HEADS.has(last) || article.sentences.some((sentence) => CYBER_CONTEXT.test(sentence.text))) return 'campaign';
  }
  if (words[0] === 'operation' && words.length >= 2) return 'campaign';
  if (isCompanySuffix(last) || (words.some((word) => isCompanySuffix(word)) && !INSTITUTION_HEADS.has(head))) return 'company';
  if (AGENCY_HEADS.has(head) || AGENCY_HEADS.has(last)) return 'agency';
  if (INSTITUTION_HEADS.has(head) || INSTITUTION_HEADS.has(last)) return head === 'company' || last === 'company' ? 'company' : 'organisation';
  // "Interaction Design Institute Ivrea": a head word inside the name.
  if (words.length >= 3 && words.slice(1, -1).some((word) => INSTITUTION_HEADS.has(word))) return 'organisation';
  if (PLACE_HEADS.has(last) && words.length >= 2 && last !== 'state') return 'place';

  if (words.length <= 2 && words.every((word) => PLACES.has(word))) return 'place';
  const cues = totalCues(group, article);
  // "Roscosmos said" is not a person: one word needs a title or a party tag.
  if ((cues.person + cues.said >= 1 && isPersonShaped(group.words)) || (cues.person >= 2 && group.words.length === 1)) return 'person';
  // One cue in twenty mentions ("Microsoft's console") is noise: cues must be a fair share.
  const enough = Math.max(1, Math.ceil((group.mentions.length + group.shortMentions.length) / 5));
  if (cues.agency >= enough) return 'agency';
  if (cues.company >= enough) return 'company';
  if (isProductShaped(group.words) || cues.product >= enough) return 'product';
  if (cues.place >= 2 && cues.place * 2 >= group.mentions.length + group.shortMentions.length) return 'place';
  if (group.shortMentions.length > 0 && isPersonShaped(group.words)) return 'person';
  return 'other';
}

function totalCues(group: NameGroup, article: ScannedArticle): MentionCues {
  let cues = NO_CUES;
  for (const mention of [...group.mentions, ...group.shortMentions]) {
    const sentence = article.sentences[mention.sentence]!;
    cues = addCues(cues, mentionCues(mention, sentence.text, sentence.start));
  }
  return cues;
}

/** "PlayStation 4 Pro", "H200", "iPhone", "Xbox One X": digits, camel case or a product tail. */
function isProductShaped(words: readonly string[]): boolean {
  const last = words[words.length - 1]!.toLowerCase();
  if (words.length >= 2 && PRODUCT_TAILS.has(last)) return true;
  if (words.some((word) => /\p{L}-?\p{N}|\p{N}\p{L}/u.test(word) && !/^\p{Lu}{2,}$/u.test(word))) return true;
  if (words.length >= 2 && words.some((word) => /^\p{N}+$/u.test(word))) return true;
  return words.some((word) => /^\p{Ll}+\p{Lu}/u.test(word));
}

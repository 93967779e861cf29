/**
 * Is a run of words shaped like a name at all? Not when every word is a common, calendar, role,
 * demonym or bare institution word, when it ends in a role ("Voting Member") or a demonym
 * ("South Korean"), or when it is a lone letter, number, corporate suffix or common acronym.
 */
import { isCommonAcronym, isCompanySuffix } from './tokens';
import { CALENDAR_WORDS, COMMON_WORDS, DEMONYMS, INSTITUTION_HEADS, PARTICLES, PLACE_HEADS, ROLE_WORDS } from './word-lists';

export const JOINERS = new Set(['of', 'on', 'for', 'and', 'the', '&']);
/** Roles that end role phrases; kings, popes and hosts are left out ("Burger King", "Stephen King"). */
const ROLE_ENDINGS = new Set(
  `member director officer secretary chairman chairwoman chair leader minister president senator representative
  speaker writer editor correspondent reporter commissioner ambassador governor mayor analyst spokesman
  spokeswoman spokesperson founder executive manager chief deputy commenter columnist`.split(/\s+/u),
);

export const isRole = (word: string): boolean => ROLE_WORDS.has(word.toLowerCase().replace(/\.$/u, ''));

/** Not a name: only common, calendar, role or demonym words, a lone letter, a common acronym. */
export function isNameShaped(words: readonly string[]): boolean {
  const meaningful = words.filter((word) => {
    // An acronym is judged as one ("US" is not "us", "MSS" is not "Ms").
    if (isAllCaps(word)) return !isCommonAcronym(word);
    const w = word.toLowerCase().replace(/\.$/u, '');
    return (
      !COMMON_WORDS.has(w) &&
      !CALENDAR_WORDS.has(w) &&
      !isRole(w) &&
      !(w.length > 3 && isRole(w.replace(/s$/u, ''))) &&
      !DEMONYMS.has(w) &&
      !JOINERS.has(w) &&
      !PARTICLES.has(w) &&
      // "Board of Directors", "Select Committee": institution words alone name no institution.
      !INSTITUTION_HEADS.has(w)
    );
  });
  if (meaningful.length === 0 && !isQualifiedInstitution(words)) return false;
  // "Voting Member", "Deputy Director", "Aerospace Writer": a phrase ending in a role is a role.
  const lastWord = words[words.length - 1]!;
  const last = lastWord.toLowerCase().replace(/\.$/u, '');
  if (!isAllCaps(lastWord) && (ROLE_ENDINGS.has(last) || ROLE_ENDINGS.has(last.replace(/s$/u, '')))) return false;
  // "South Korean", "North African": a phrase ending in a demonym is an adjective.
  if (DEMONYMS.has(last)) return false;
  if (words.length === 1) {
    const word = words[0]!;
    if (isCompanySuffix(word)) return false;
    if (/^\p{L}\.?$/u.test(word)) return false;
    if (/^\p{N}/u.test(word)) return false;
  }
  return true;
}

/**
 * "Chinese Communist Party", "African Union", "Islamic State", "Justice Department": a demonym or
 * role word before an institution's head word is a name, though each word alone is not.
 */
function isQualifiedInstitution(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const last = words[words.length - 1]!.toLowerCase();
  if (!INSTITUTION_HEADS.has(last) && !PLACE_HEADS.has(last)) return false;
  return words.slice(0, -1).some((word) => {
    const w = word.toLowerCase().replace(/\.$/u, '');
    return DEMONYMS.has(w) || isRole(w);
  });
}

/** Two or more letters, all capitals, maybe a plural "s" ("US", "U.S.", "MSS", "TVs"; "H200" is not). */
function isAllCaps(word: string): boolean {
  const letters = word.replace(/s$/u, '').replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && !/\p{Ll}/u.test(letters) && !/\p{N}/u.test(word);
}

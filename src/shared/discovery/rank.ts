/**
 * Ranking and identity of candidates. A name ranks by its mentions, and by place: the headline
 * and the lede are where a story names its cast. Ids are derived from the name alone, so the
 * same name found in two saved articles gets the same id.
 */

export interface RankInput {
  count: number;
  inTitle: boolean;
  inLede: boolean;
  pair: boolean;
  words: number;
}

export function score({ count, inTitle, inLede, pair, words }: RankInput): number {
  return count + (inTitle ? 3 : 0) + (inLede ? 2 : 0) + (pair ? 1 : 0) + (words > 1 ? 0.5 : 0);
}

/**
 * "name-" + kebab-case of the name, diacritics folded ("Māori Council" → "name-maori-council").
 * Catalog ids never start with "name-", so a kept name cannot collide with an entity. A name
 * with no Latin letters or digits ("習近平") gets a short hash of its text instead.
 */
export function candidateId(name: string): string {
  const kebab = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/gu, '')
    .replace(/&/gu, ' and ')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `name-${kebab || hash(name)}`;
}

/** FNV-1a over UTF-16 code units, in base 36: stable across runs and browsers. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** True when `form` stands in `text` as whole words (so "Apple" is in "Apple’s Vision Pro", not in "Applebee"). */
export function containsForm(text: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

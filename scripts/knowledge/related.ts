/**
 * Related entities: those mentioned in the same paragraph as an entity anywhere in the library.
 * Most often first: by the number of sentences they share, then the number of paragraphs, then
 * id, so the order is stable.
 */
import type { ScannedSentence } from './scan-articles';

interface CoMentions {
  sentences: number;
  paragraphs: number;
}

export function relatedEntities(scanned: readonly ScannedSentence[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, CoMentions>>();
  const bump = (a: string, b: string, key: keyof CoMentions) => {
    let row = counts.get(a);
    if (!row) counts.set(a, (row = new Map()));
    const cell = row.get(b) ?? { sentences: 0, paragraphs: 0 };
    cell[key]++;
    row.set(b, cell);
  };
  const countPairs = (ids: ReadonlySet<string>, key: keyof CoMentions) => {
    for (const a of ids) for (const b of ids) if (a !== b) bump(a, b, key);
  };

  const paragraphs = new Map<string, Set<string>>();
  for (const sentence of scanned) {
    const ids = new Set(sentence.mentions.map((m) => m.entityId));
    countPairs(ids, 'sentences');
    const key = `${sentence.articleIndex}:${sentence.paragraph}`;
    const inParagraph = paragraphs.get(key) ?? new Set<string>();
    for (const id of ids) inParagraph.add(id);
    paragraphs.set(key, inParagraph);
  }
  for (const ids of paragraphs.values()) countPairs(ids, 'paragraphs');

  const related = new Map<string, string[]>();
  for (const [id, row] of counts) {
    const ranked = [...row.entries()].sort(
      ([idA, a], [idB, b]) => b.sentences - a.sentences || b.paragraphs - a.paragraphs || (idA < idB ? -1 : idA > idB ? 1 : 0),
    );
    related.set(id, ranked.map(([other]) => other));
  }
  return related;
}

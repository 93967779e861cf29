/**
 * Names found in saved articles, as the reader decides on them: discovery's candidates become
 * offered names, merged across articles; what the reader keeps becomes part of their catalog;
 * what they dismiss is never offered again. Pure functions over records.
 */
import { CATALOG } from '../catalog/entities';
import type { Category } from '../catalog/types';
import type { KeptName } from '../catalog/reader-catalog';
import { discoverNames, knownFromCatalog } from '../discovery';
import type { Candidate, DiscoveryCategory, KnownName } from '../discovery/types';
import type { NameRecord, SavedArticle } from './types';

/** Discovery's two extra kinds map onto the catalog's, which the options page toggles. */
export function catalogCategory(category: DiscoveryCategory): Category {
  if (category === 'product') return 'technology';
  if (category === 'other') return 'organisation';
  return category;
}

/** The names in one article the reader has not seen yet, given every name record they have. */
export function findNewNames(article: SavedArticle, records: readonly NameRecord[]): Candidate[] {
  const known: KnownName[] = [
    ...knownFromCatalog(CATALOG),
    ...records.filter((record) => record.status === 'kept').map((record) => ({ id: record.id, forms: record.forms })),
  ];
  const dismissed = records.filter((record) => record.status === 'dismissed').flatMap((record) => record.forms);
  return discoverNames({ title: article.title, paragraphs: article.paragraphs, lang: article.lang }, { known, dismissed });
}

/** An offered name after this article: a new record, or the existing one with this article counted. */
export function offer(existing: NameRecord | undefined, candidate: Candidate, article: SavedArticle): NameRecord | null {
  if (existing) {
    if (existing.status !== 'offered' || existing.articleIds.includes(article.id)) return null;
    return {
      ...existing,
      count: existing.count + candidate.count,
      forms: union(existing.forms, candidate.forms),
      shortForms: union(existing.shortForms, shortFormsOf(candidate)),
      articleIds: [...existing.articleIds, article.id],
    };
  }
  const { text, paragraph } = candidate.firstSentence;
  return {
    id: candidate.id,
    name: candidate.name,
    category: catalogCategory(candidate.category),
    forms: [...candidate.forms],
    shortForms: shortFormsOf(candidate),
    status: 'offered',
    enabled: true,
    count: candidate.count,
    firstSentence: { text, articleId: article.id, paragraph },
    articleIds: [article.id],
  };
}

/** The kept names as the reader's catalog takes them. */
export function keptNames(records: readonly NameRecord[]): KeptName[] {
  return records
    .filter((record) => record.status === 'kept')
    .map(({ id, name, category, forms, shortForms, enabled }) => ({ id, name, category, forms, shortForms, enabled }));
}

/** What the reader can do with a name. */
export type NameDecision =
  | { action: 'keep' }
  | { action: 'dismiss' }
  /** A kept name deleted: it leaves the catalog and, like a dismissed one, is not offered again. */
  | { action: 'delete' }
  | { action: 'rename'; name: string }
  | { action: 'categorise'; category: Category }
  | { action: 'switch'; enabled: boolean }
  /** Folded into another kept name: its forms become that name's. */
  | { action: 'merge'; into: string };

/** The records after a decision, or null when it does not apply (an unknown id, an empty name). */
export function decide(records: readonly NameRecord[], id: string, decision: NameDecision): NameRecord[] | null {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) return null;
  const replace = (next: NameRecord) => records.map((candidate) => (candidate.id === id ? next : candidate));
  switch (decision.action) {
    case 'keep':
      return replace({ ...record, status: 'kept', enabled: true });
    case 'dismiss':
    case 'delete':
      return replace({ ...record, status: 'dismissed' });
    case 'rename': {
      const name = decision.name.replace(/\s+/g, ' ').trim();
      if (name === '' || name.length > 200) return null;
      return replace({ ...record, name, forms: union([name], record.forms) });
    }
    case 'categorise':
      return replace({ ...record, category: decision.category });
    case 'switch':
      return replace({ ...record, enabled: decision.enabled });
    case 'merge': {
      const into = records.find((candidate) => candidate.id === decision.into && candidate.status === 'kept');
      if (!into || into.id === id) return null;
      const merged: NameRecord = {
        ...into,
        forms: union(into.forms, record.forms),
        shortForms: union(into.shortForms, record.shortForms),
        count: into.count + record.count,
        articleIds: union(into.articleIds, record.articleIds),
      };
      return records.filter((candidate) => candidate.id !== id).map((candidate) => (candidate.id === into.id ? merged : candidate));
    }
  }
}

function shortFormsOf(candidate: Candidate): string[] {
  return union(candidate.shortForms, candidate.acronym ? [candidate.acronym] : []);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

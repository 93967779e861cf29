/** Lookups in the bundled knowledge base, which only the background holds (the content script asks). */
import type { Article, EntityKnowledge, KnowledgeBase } from '../shared/knowledge/types';
import type { EntityLabel } from '../shared/messages';

export interface KnowledgeLookup {
  entity(id: string): EntityKnowledge | null;
  labels(ids: readonly string[]): Record<string, EntityLabel>;
  article(articleId: string): Article | null;
  /** The bundled articles (read-only): the starter library, which ships here only (the reader page asks for it). */
  readonly articles: readonly Article[];
}

export function knowledgeLookup(kb: KnowledgeBase): KnowledgeLookup {
  const articlesById = new Map(kb.articles.map((article) => [article.id, article]));
  // Own properties only: an id like "constructor" must not reach Object.prototype.
  const entity = (id: string) => (Object.hasOwn(kb.entities, id) ? (kb.entities[id] ?? null) : null);
  return {
    entity,
    labels(ids) {
      const labels: Record<string, EntityLabel> = {};
      for (const id of ids) {
        const known = entity(id);
        if (known) labels[id] = { name: known.name, category: known.category };
      }
      return labels;
    },
    article: (articleId) => articlesById.get(articleId) ?? null,
    articles: kb.articles,
  };
}

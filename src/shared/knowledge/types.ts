import type { Category } from '../catalog/types';

/** A reference article as bundled: boilerplate removed, honest metadata only. */
export interface Article {
  /** Stable id used in reader links. */
  id: string;
  publisher: string;
  /** The headline where the text has one; null where it does not. */
  headline: string | null;
  paragraphs: string[];
}

/** A verbatim sentence of an article that mentions an entity. */
export interface Quote {
  text: string;
  articleId: string;
  publisher: string;
  /** Zero-based paragraph index in the article. */
  paragraph: number;
  /**
   * Where `text` sits in the paragraph: paragraphs[paragraph].slice(start, end) === text (UTF-16
   * offsets). Always set by the knowledge base build; optional so hand-made quotes stay valid.
   */
  start?: number;
  end?: number;
  /** The article's headline, when it has one (saved articles always do; bundled ones where the text gives one). */
  headline?: string;
  /** When the article was published (ISO 8601), when the page said. */
  published?: string;
  /** Saved articles only: the original page's address (http or https). */
  url?: string;
}

export interface EntityKnowledge {
  id: string;
  name: string;
  category: Category;
  /**
   * One line that says what the entity is. It is a verbatim excerpt of an article (cards show
   * only verbatim text), chosen by hand in the catalog's summaries and checked by the build.
   */
  summary: Quote;
  /** Every sentence that mentions the entity, most relevant first. */
  quotes: Quote[];
  /** Ids of entities mentioned alongside, most often first. */
  related: string[];
}

export interface KnowledgeBase {
  articles: Article[];
  entities: Record<string, EntityKnowledge>;
}

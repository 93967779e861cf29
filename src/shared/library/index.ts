/**
 * The reference library: the articles bundled with the extension, boilerplate removed. Made by
 * scripts/library/import-seeds.ts; the text belongs to its publishers.
 */
import type { Article } from '../knowledge/types';
import articlesJson from './articles.json';

export const ARTICLES: readonly Article[] = articlesJson;

/** The article with this id, or undefined when the library has none. */
export function getArticle(id: string): Article | undefined {
  return ARTICLES.find((article) => article.id === id);
}

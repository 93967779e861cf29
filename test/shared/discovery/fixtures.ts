/**
 * Real article text for the discovery tests: the two bundled seeds, and excerpts of six news
 * pages from mozilla/readability's test pages (eval/excerpts.json names each source).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTICLES } from '../../../src/shared/library';

export interface TextArticle {
  id: string;
  title: string;
  paragraphs: string[];
}

export const FT = ARTICLES.find((article) => article.id === 'ft-us-halts-mss-sanctions')!;
export const CNEWS = ARTICLES.find((article) => article.id === 'cnews-us-shelves-mss-sanctions')!;

export const EXCERPTS: readonly TextArticle[] = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../eval/excerpts.json', import.meta.url)), 'utf8'),
) as TextArticle[];

export function excerpt(id: string): TextArticle {
  const found = EXCERPTS.find((article) => article.id === id);
  if (!found) throw new Error(`no excerpt ${id}`);
  return found;
}

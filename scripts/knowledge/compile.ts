/**
 * Joins the catalog with the reference library into the knowledge base the cards read: for each
 * entity its summary excerpt, every sentence that mentions it (most relevant first, see
 * relevance.ts) and the entities mentioned alongside it. Pure and deterministic: the same inputs
 * always give the same knowledge base.
 *
 * It fails loudly, listing every problem at once, when an entity has no summary or no sentence,
 * when a summary excerpt is not found verbatim, or when a summary names an unknown entity.
 */
import type { SummaryExcerpt } from '../../src/shared/catalog/summaries';
import type { CatalogEntry } from '../../src/shared/catalog/types';
import type { Article, EntityKnowledge, KnowledgeBase, Quote } from '../../src/shared/knowledge/types';
import { compileMatcher } from '../../src/shared/matcher';
import type { CompiledMatcher } from '../../src/shared/matcher/types';
import { compareByRelevance, type ExcerptLocation } from './relevance';
import { relatedEntities } from './related';
import { scanArticles, type ScannedSentence } from './scan-articles';

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The knowledge base cannot be built:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export function compileKnowledgeBase(
  articles: readonly Article[],
  catalog: readonly CatalogEntry[],
  summaries: Readonly<Record<string, SummaryExcerpt>>,
  matcher: CompiledMatcher = compileMatcher(catalog),
): KnowledgeBase {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const entry of catalog) {
    if (ids.has(entry.id)) problems.push(`${entry.id}: the catalog lists this id twice`);
    ids.add(entry.id);
  }
  for (const id of Object.keys(summaries).sort()) {
    if (!ids.has(id)) problems.push(`${id}: has a summary but is not in the catalog`);
  }

  const scanned = scanArticles(articles, matcher);
  const related = relatedEntities(scanned);
  const entities: Record<string, EntityKnowledge> = {};
  for (const entry of catalog) {
    const mentioning = scanned.filter((sentence) => sentence.mentions.some((m) => m.entityId === entry.id));
    if (mentioning.length === 0) problems.push(`${entry.id}: no sentence of the library mentions it`);

    const excerpt = summaries[entry.id];
    if (excerpt === undefined) {
      problems.push(`${entry.id}: has no summary in src/shared/catalog/summaries.ts`);
      continue;
    }
    const location = locateExcerpt(articles, excerpt);
    if (typeof location === 'string') {
      problems.push(`${entry.id}: ${location}`);
      continue;
    }
    const excerptParagraphMentions = mentioning.some(
      (sentence) => sentence.article.id === location.articleId && sentence.paragraph === location.paragraph,
    );
    if (mentioning.length > 0 && !excerptParagraphMentions) {
      problems.push(`${entry.id}: its summary excerpt is in a paragraph that does not mention it`);
    }

    const article = articles.find((a) => a.id === location.articleId)!;
    entities[entry.id] = {
      id: entry.id,
      name: entry.name,
      category: entry.category,
      summary: {
        text: excerpt.text,
        articleId: article.id,
        publisher: article.publisher,
        paragraph: location.paragraph,
        start: location.start,
        end: location.end,
      },
      quotes: [...mentioning].sort(compareByRelevance(entry, location)).map(toQuote),
      related: related.get(entry.id) ?? [],
    };
  }

  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return { articles: articles.map((article) => ({ ...article, paragraphs: [...article.paragraphs] })), entities };
}

/** Finds the excerpt in the first paragraph of its article that holds it, or says why it cannot. */
function locateExcerpt(articles: readonly Article[], excerpt: SummaryExcerpt): ExcerptLocation | string {
  const article = articles.find((a) => a.id === excerpt.articleId);
  if (article === undefined) return `its summary names article "${excerpt.articleId}", which is not in the library`;
  if (excerpt.text.trim() === '' || excerpt.text.trim() !== excerpt.text) {
    return 'its summary excerpt is empty or has surrounding whitespace';
  }
  for (const [paragraph, text] of article.paragraphs.entries()) {
    const start = text.indexOf(excerpt.text);
    if (start >= 0) return { articleId: article.id, paragraph, start, end: start + excerpt.text.length };
  }
  return `its summary excerpt is not found verbatim in "${article.id}": ${JSON.stringify(excerpt.text)}`;
}

function toQuote(sentence: ScannedSentence): Quote {
  return {
    text: sentence.text,
    articleId: sentence.article.id,
    publisher: sentence.article.publisher,
    paragraph: sentence.paragraph,
    start: sentence.start,
    end: sentence.end,
  };
}

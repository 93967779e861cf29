/**
 * Runs the matcher over the library the way the content script reads a page: one page memory per
 * article, paragraphs scanned in order, and read again when the whole article settles a held-back
 * name. The knowledge base and the page therefore agree on what
 * a mention is, short forms and ambiguous names included.
 */
import type { Article } from '../../src/shared/knowledge/types';
import type { CompiledMatcher, Mention } from '../../src/shared/matcher/types';
import { splitSentences, type Sentence } from '../../src/shared/text/sentences';

/** One sentence of the library with the mentions that start in it. */
export interface ScannedSentence extends Sentence {
  article: Article;
  /** Position of the article in the library: the first key of "article order". */
  articleIndex: number;
  paragraph: number;
  mentions: Mention[];
}

export function scanArticles(articles: readonly Article[], matcher: CompiledMatcher): ScannedSentence[] {
  const scanned: ScannedSentence[] = [];
  articles.forEach((article, articleIndex) => {
    const page = matcher.newPage();
    // As the content script does: one pass, and a second when the whole article unlocks a held-back name.
    let found = article.paragraphs.map((text) => page.scanBlock(text));
    if (page.settle()) found = article.paragraphs.map((text) => page.scanBlock(text));
    article.paragraphs.forEach((text, paragraph) => {
      const mentions = found[paragraph] ?? [];
      for (const sentence of splitSentences(text)) {
        scanned.push({
          ...sentence,
          article,
          articleIndex,
          paragraph,
          mentions: mentions.filter((mention) => mention.start >= sentence.start && mention.start < sentence.end),
        });
      }
    });
  });
  return scanned;
}

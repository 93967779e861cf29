import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/shared/text/sentences';
import { buildKnowledgeBase, serializeKnowledgeBase, writeKnowledgeBase } from '../../../scripts/knowledge/write';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { SUMMARIES } from '../../../src/shared/catalog/summaries';
import { parseReaderSearch, readerPathForQuote } from '../../../src/shared/knowledge/reader-link';
import { ARTICLES } from '../../../src/shared/library';

const knowledge = buildKnowledgeBase();
const entities = Object.values(knowledge.entities);
const articleById = new Map(ARTICLES.map((article) => [article.id, article]));

const scratch = mkdtemp(path.join(tmpdir(), 'backstory-kb-'));
afterAll(async () => rm(await scratch, { recursive: true, force: true }));

describe('the bundled knowledge base', () => {
  it('has every catalog entity, each with a summary and at least one sentence', () => {
    expect(Object.keys(knowledge.entities).sort()).toEqual(CATALOG.map((entry) => entry.id).sort());
    for (const entity of entities) {
      expect(entity.summary.text.length, entity.id).toBeGreaterThan(0);
      expect(entity.quotes.length, entity.id).toBeGreaterThan(0);
    }
  });

  it('quotes every sentence and summary verbatim from its article paragraph, with its publisher', () => {
    for (const entity of entities) {
      for (const quote of [entity.summary, ...entity.quotes]) {
        const article = articleById.get(quote.articleId);
        expect(article, `${entity.id}: ${quote.articleId}`).toBeDefined();
        expect(quote.publisher).toBe(article!.publisher);
        const paragraph = article!.paragraphs[quote.paragraph];
        expect(paragraph, `${entity.id}: paragraph ${quote.paragraph}`).toBeDefined();
        expect(paragraph!.slice(quote.start, quote.end), entity.id).toBe(quote.text);
      }
    }
  });

  it('quotes whole sentences, each once per entity', () => {
    for (const entity of entities) {
      const keys = entity.quotes.map((q) => `${q.articleId}/${q.paragraph}/${q.start}`);
      expect(new Set(keys).size, entity.id).toBe(keys.length);
      for (const quote of entity.quotes) {
        const sentences = splitSentences(articleById.get(quote.articleId)!.paragraphs[quote.paragraph]!);
        expect(sentences).toContainEqual({ text: quote.text, start: quote.start, end: quote.end });
      }
    }
  });

  it('splits the library into sentences that start and end like sentences', () => {
    for (const article of ARTICLES) {
      for (const paragraph of article.paragraphs) {
        for (const { text } of splitSentences(paragraph)) {
          expect(text, text).toMatch(/^[\p{Lu}\p{N}\u201C"(]/u);
          expect(text, text).toMatch(/[.!?\u2026][\u201D\u2019"')\]]*$|\u201D\.$/u);
        }
      }
    }
  });

  it('takes each summary from the hand-picked excerpt and its name and category from the catalog', () => {
    for (const entry of CATALOG) {
      const entity = knowledge.entities[entry.id]!;
      expect(entity.summary.text).toBe(SUMMARIES[entry.id]!.text);
      expect(entity.summary.articleId).toBe(SUMMARIES[entry.id]!.articleId);
      expect(entity).toMatchObject({ id: entry.id, name: entry.name, category: entry.category });
    }
  });

  it('relates entities only to other catalog entities, symmetrically', () => {
    for (const entity of entities) {
      expect(entity.related).not.toContain(entity.id);
      expect(new Set(entity.related).size).toBe(entity.related.length);
      for (const other of entity.related) expect(knowledge.entities[other]?.related, `${entity.id} → ${other}`).toContain(entity.id);
    }
  });

  it('opens each quote in the reader at exactly its sentence', () => {
    for (const entity of entities) {
      for (const quote of entity.quotes) {
        const link = readerPathForQuote(quote);
        const target = parseReaderSearch(link.slice(link.indexOf('?')));
        const paragraph = articleById.get(target.articleId!)!.paragraphs[target.paragraph!]!;
        expect(paragraph.slice(target.passage!.start, target.passage!.end)).toBe(quote.text);
      }
    }
  });

  it('bundles the library unchanged', () => {
    expect(knowledge.articles).toEqual(ARTICLES);
  });

  it('is written byte-identically by two builds, as sorted, pretty JSON', async () => {
    const dir = await scratch;
    const first = path.join(dir, 'first', 'knowledge.json');
    const second = path.join(dir, 'second', 'knowledge.json');
    await writeKnowledgeBase(first);
    await writeKnowledgeBase(second);
    const bytes = await readFile(first);
    expect(bytes.equals(await readFile(second))).toBe(true);
    expect(bytes.toString('utf8')).toBe(serializeKnowledgeBase(knowledge));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(knowledge)));
    expect(bytes.toString('utf8')).toMatch(/^\{\n  "articles": \[\n/);
  });
});

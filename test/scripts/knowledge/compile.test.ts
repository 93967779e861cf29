import { describe, expect, it } from 'vitest';
import { compileKnowledgeBase, KnowledgeBaseError } from '../../../scripts/knowledge/compile';
import { stableStringify } from '../../../scripts/knowledge/stable-json';
import type { SummaryExcerpt } from '../../../src/shared/catalog/summaries';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import type { Article } from '../../../src/shared/knowledge/types';
import { literalMatcher } from './support/literal-matcher';

const articles: Article[] = [
  {
    id: 'one',
    publisher: 'First Paper',
    headline: null,
    paragraphs: [
      'Officials met Lee. Later Acme Corp said Jane Lee, its chief executive, would resign.',
      'Jane Lee declined to comment. Acme Corp, a maker of anvils, is based in Ohio.',
    ],
  },
  {
    id: 'two',
    publisher: 'Second Paper',
    headline: 'Anvils',
    paragraphs: ['Lee left. Jane Lee and Acme Corp parted ways, and Ohio moved on. Lee said little.'],
  },
];

const catalog: CatalogEntry[] = [
  { id: 'jane-lee', name: 'Jane Lee', category: 'person', forms: ['Jane Lee'], shortForms: ['Lee'] },
  { id: 'acme', name: 'Acme Corp', category: 'company', forms: ['Acme Corp'] },
  { id: 'ohio', name: 'Ohio', category: 'place', forms: ['Ohio'] },
];

const summaries: Record<string, SummaryExcerpt> = {
  'jane-lee': { articleId: 'one', text: 'Jane Lee, its chief executive' },
  acme: { articleId: 'one', text: 'Acme Corp, a maker of anvils' },
  ohio: { articleId: 'two', text: 'Ohio moved on' },
};

const compile = (overrides: { catalog?: CatalogEntry[]; summaries?: Record<string, SummaryExcerpt> } = {}) =>
  compileKnowledgeBase(articles, overrides.catalog ?? catalog, overrides.summaries ?? summaries, literalMatcher(overrides.catalog ?? catalog));

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.problems;
    throw error;
  }
  throw new Error('expected the build to fail');
}

describe('compileKnowledgeBase', () => {
  it('orders sentences: the defining one, then those naming it in full, then article order', () => {
    const quotes = compile().entities['jane-lee']!.quotes.map((q) => `${q.articleId}/${q.paragraph}: ${q.text}`);
    expect(quotes).toEqual([
      'one/0: Later Acme Corp said Jane Lee, its chief executive, would resign.',
      'one/1: Jane Lee declined to comment.',
      'two/0: Jane Lee and Acme Corp parted ways, and Ohio moved on.',
      'two/0: Lee said little.',
    ]);
  });

  it('puts a defining sentence that uses only a short form ahead of full-name sentences', () => {
    const quotes = compile({ summaries: { ...summaries, 'jane-lee': { articleId: 'two', text: 'Lee said little' } } }).entities['jane-lee']!.quotes;
    expect(quotes.map((q) => q.text)).toEqual([
      'Lee said little.',
      'Later Acme Corp said Jane Lee, its chief executive, would resign.',
      'Jane Lee declined to comment.',
      'Jane Lee and Acme Corp parted ways, and Ohio moved on.',
    ]);
  });

  it('puts the defining sentence ahead of earlier full-name sentences that do not define', () => {
    const quotes = compile().entities.acme!.quotes.map((q) => q.text);
    expect(quotes).toEqual([
      'Acme Corp, a maker of anvils, is based in Ohio.',
      'Later Acme Corp said Jane Lee, its chief executive, would resign.',
      'Jane Lee and Acme Corp parted ways, and Ohio moved on.',
    ]);
  });

  it('counts a short form only where the matcher counts it (not before the full name on that page)', () => {
    const texts = compile().entities['jane-lee']!.quotes.map((q) => q.text);
    expect(texts).not.toContain('Officials met Lee.');
    expect(texts).not.toContain('Lee left.');
  });

  it('keeps every quote and summary a verbatim slice of its paragraph, with its source', () => {
    const knowledge = compile();
    for (const entity of Object.values(knowledge.entities)) {
      for (const quote of [entity.summary, ...entity.quotes]) {
        const article = articles.find((a) => a.id === quote.articleId)!;
        expect(quote.publisher).toBe(article.publisher);
        expect(article.paragraphs[quote.paragraph]!.slice(quote.start, quote.end)).toBe(quote.text);
      }
    }
    expect(knowledge.entities.ohio!.summary).toEqual({
      text: 'Ohio moved on',
      articleId: 'two',
      publisher: 'Second Paper',
      paragraph: 0,
      start: 50,
      end: 63,
    });
  });

  it('ranks related entities by shared sentences, then shared paragraphs', () => {
    const { entities } = compile();
    expect(entities['jane-lee']!.related).toEqual(['acme', 'ohio']);
    expect(entities.ohio!.related).toEqual(['acme', 'jane-lee']);
    expect(entities.acme!.related).toEqual(['jane-lee', 'ohio']);
  });

  it('carries name and category from the catalog, and the articles unchanged', () => {
    const knowledge = compile();
    expect(knowledge.entities.acme).toMatchObject({ id: 'acme', name: 'Acme Corp', category: 'company' });
    expect(knowledge.articles).toEqual(articles);
    expect(knowledge.articles[0]).not.toBe(articles[0]);
  });

  it('is deterministic: two builds serialise to the same bytes', () => {
    expect(stableStringify(compile())).toBe(stableStringify(compile()));
  });

  it('does not depend on the order of the catalog or of the summaries', () => {
    const reversedSummaries = Object.fromEntries(Object.entries(summaries).reverse());
    expect(stableStringify(compile({ catalog: [...catalog].reverse(), summaries: reversedSummaries }))).toBe(stableStringify(compile()));
  });

  it('fails loudly when an excerpt is not verbatim (a straight apostrophe for a curly one counts)', () => {
    const problems = problemsOf(() => compile({ summaries: { ...summaries, acme: { articleId: 'one', text: 'Acme Corp, a maker of Anvils' } } }));
    expect(problems).toEqual([expect.stringMatching(/^acme: its summary excerpt is not found verbatim/)]);
  });

  it('fails loudly, listing every problem, for missing summaries, missing sentences and strays', () => {
    const withUnmentioned = [...catalog, { id: 'zeta', name: 'Zeta', category: 'place' as const, forms: ['Zeta'] }];
    const { ohio: _dropped, ...withoutOhio } = summaries;
    const problems = problemsOf(() => compile({ catalog: withUnmentioned, summaries: { ...withoutOhio, ghost: { articleId: 'one', text: 'Lee' } } }));
    expect(problems).toEqual([
      'ghost: has a summary but is not in the catalog',
      'ohio: has no summary in src/shared/catalog/summaries.ts',
      'zeta: no sentence of the library mentions it',
      'zeta: has no summary in src/shared/catalog/summaries.ts',
    ]);
  });

  it('fails when a summary comes from an unknown article or a paragraph that does not mention the entity', () => {
    expect(problemsOf(() => compile({ summaries: { ...summaries, ohio: { articleId: 'three', text: 'Ohio' } } }))).toEqual([
      'ohio: its summary names article "three", which is not in the library',
    ]);
    expect(problemsOf(() => compile({ summaries: { ...summaries, ohio: { articleId: 'one', text: 'Officials met Lee.' } } }))).toEqual([
      'ohio: its summary excerpt is in a paragraph that does not mention it',
    ]);
  });

  it('fails when the catalog repeats an id', () => {
    expect(problemsOf(() => compile({ catalog: [...catalog, catalog[2]!] }))).toContain('ohio: the catalog lists this id twice');
  });
});

describe('stableStringify', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

/** A two-entity knowledge base for background tests. */
import type { KnowledgeBase } from '../../src/shared/knowledge/types';

export const KB: KnowledgeBase = {
  articles: [{ id: 'ft', publisher: 'Financial Times', headline: null, paragraphs: ['One.', 'Two.'] }],
  entities: {
    mss: {
      id: 'mss',
      name: 'Ministry of State Security',
      category: 'agency',
      summary: { text: 'One.', articleId: 'ft', publisher: 'Financial Times', paragraph: 0 },
      quotes: [{ text: 'One.', articleId: 'ft', publisher: 'Financial Times', paragraph: 0 }],
      related: ['h200'],
    },
    h200: {
      id: 'h200',
      name: 'H200',
      category: 'technology',
      summary: { text: 'Two.', articleId: 'ft', publisher: 'Financial Times', paragraph: 1 },
      quotes: [],
      related: [],
    },
  },
};

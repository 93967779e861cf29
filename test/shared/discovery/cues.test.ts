import { describe, expect, it } from 'vitest';
import { scanArticle } from '../../../src/shared/discovery/article-scan';
import { mentionCues } from '../../../src/shared/discovery/cues';

function cuesOf(paragraph: string, name: string) {
  const scanned = scanArticle([paragraph]);
  const mention = scanned.mentions.find((m) => m.text === name)!;
  const sentence = scanned.sentences[mention.sentence]!;
  return mentionCues(mention, sentence.text, sentence.start);
}

describe('mentionCues', () => {
  it('reads party tags, ages, titles and speech', () => {
    expect(cuesOf('The letter came from Raja Krishnamoorthi (D-IL) and others on the panel.', 'Raja Krishnamoorthi').person).toBeGreaterThan(0);
    expect(cuesOf('Krishnamoorthi, 49, is the four-term Congressman from the district.', 'Krishnamoorthi').person).toBeGreaterThan(0);
    expect(cuesOf('In a statement, President Barack Obama said it was distressing news.', 'Barack Obama').person).toBeGreaterThan(0);
    expect(cuesOf('The market is changing fast, Tom Forte said on Tuesday.', 'Tom Forte').said).toBeGreaterThan(0);
  });

  it('reads company, agency, product and place words beside a name', () => {
    expect(cuesOf('Forrest Jones runs Beechmont Hotels Corporation, a hotel operating company that consults.', 'Beechmont Hotels Corporation').company).toBe(1);
    expect(cuesOf('It was quoted as saying so by the Interfax news agency late on Thursday.', 'Interfax').agency).toBe(1);
    expect(cuesOf('Nvidia may export the H200, an advanced chip, to China.', 'H200').product).toBe(1);
    expect(cuesOf('The neon lights debuted in Paris before the war ended.', 'Paris').place).toBe(1);
  });
});

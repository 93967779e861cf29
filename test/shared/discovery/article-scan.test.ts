import { describe, expect, it } from 'vitest';
import { isProse, scanArticle } from '../../../src/shared/discovery/article-scan';
import { excerpt } from './fixtures';

describe('scanArticle', () => {
  it('tells prose from headings, captions and player controls (real lines)', () => {
    expect(isProse('Play Video')).toBe(false);
    expect(isProse('Gallery: Xbox One X | 14 Photos')).toBe(false);
    expect(isProse('Why Neon Is the Ultimate Symbol of the 20th Century')).toBe(false);
    expect(isProse('Bedbugs love wood.')).toBe(false);
    expect(isProse('Amazon bought Whole Foods in August 2017 for $13.7 billion.')).toBe(true);
  });

  it('leaves the dateline out of name finding (real AP and Washington Post openings)', () => {
    const ap = scanArticle(excerpt('ap-progress-cargo-ship').paragraphs.slice(0, 1));
    expect(ap.mentions.map((mention) => mention.text)).toEqual(['International Space Station', 'Siberia']);
    const wapo = scanArticle(excerpt('wapo-tunisia-museum-attack').paragraphs.slice(0, 1));
    expect(wapo.mentions.map((mention) => mention.text)).not.toContain('CAIRO');
  });

  it('keeps every sentence verbatim with its offsets, and finds the lede', () => {
    const { paragraphs } = excerpt('bbc-obama-gun-laws');
    const scanned = scanArticle(paragraphs);
    for (const sentence of scanned.sentences) expect(paragraphs[sentence.paragraph]!.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(scanned.lede).toBe(0);
  });

  it('skips the capitals of title-case quotations, not of quoted names (real CityLab text)', () => {
    const scanned = scanArticle([
      'Her sculptures carry titles such as “You Loved Me Like a Distant Star” and “The Kiss Was Beautiful.”',
      'The campaign, known as “Salt Typhoon,” was broad.',
    ]);
    expect(scanned.mentions.map((mention) => mention.text)).toEqual(['Salt Typhoon']);
  });

  it('collects the article’s lower-case words, not those of web addresses', () => {
    const scanned = scanArticle(['Its site is arduino.cc and the neon glows.']);
    expect(scanned.lowerWords.has('neon')).toBe(true);
    expect(scanned.lowerWords.has('arduino')).toBe(false);
  });
});

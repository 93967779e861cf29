import { describe, expect, it } from 'vitest';
import { bestLongFormStart, findAcronymPairs, isNameLike } from '../../../src/shared/discovery/acronyms';
import { CNEWS, excerpt } from './fixtures';

const pairsOf = (paragraph: string) => findAcronymPairs(paragraph).map(({ long, short }) => [long, short]);

describe('findAcronymPairs (Schwartz–Hearst)', () => {
  it('reads "Long Form (SF)" in the CNews seed, past a typographic possessive', () => {
    const paragraph = CNEWS.paragraphs[0]!;
    const pairs = findAcronymPairs(paragraph);
    expect(pairs.map(({ long, short }) => [long, short])).toEqual([['Ministry of State Security', 'MSS']]);
    const [pair] = pairs;
    expect(paragraph.slice(pair!.longStart, pair!.longEnd)).toBe('Ministry of State Security');
    expect(paragraph.slice(pair!.shortStart, pair!.shortEnd)).toBe('MSS');
  });

  it('finds the pairs of real articles: initials inside, a possessive after, "and" inside', () => {
    const kuhn = excerpt('ebb-kuhn-controversial-events').paragraphs[1]!;
    expect(pairsOf(kuhn)).toEqual([
      ['Richard M. Stallman', 'RMS'],
      ['Free Software Foundation', 'FSF'],
    ]);
    const arduino = excerpt('lwn-arduino-trademark').paragraphs;
    expect(arduino.flatMap(pairsOf)).toEqual([
      ['Interaction Design Institute Ivrea', 'IDII'],
      ['US Patent and Trademark Office', 'USPTO'],
    ]);
    expect(excerpt('seattletimes-whole-foods-halibut').paragraphs.flatMap(pairsOf)).toEqual([['Marine Stewardship Council', 'MSC']]);
  });

  it('reads "SF (Long Form)"', () => {
    expect(pairsOf('Lawmakers said the CCP (Chinese Communist Party) had lied.')).toEqual([['Chinese Communist Party', 'CCP']]);
  });

  it('takes the shortest long form that explains the acronym', () => {
    const text =
      'Krishnamoorthi is Ranking Member of the House Select Committee on the Strategic Competition Between the United States and the Chinese Communist Party (CCP).';
    expect(pairsOf(text)).toEqual([['Chinese Communist Party', 'CCP']]);
  });

  it('is not fooled by datelines, units, times or party tags (real AP text and a constructed tag)', () => {
    const ap = excerpt('ap-progress-cargo-ship').paragraphs;
    expect(ap.flatMap(pairsOf)).toEqual([]);
    expect(pairsOf('Rep. Raja Krishnamoorthi (D-IL) said so.')).toEqual([]);
    expect(pairsOf('It weighs 8.4 pounds (3.8 kg) and costs $500 (about £400).')).toEqual([]);
  });

  it('tells names from terms by capitals', () => {
    expect(isNameLike('Marine Stewardship Council')).toBe(true);
    expect(isNameLike('US Patent and Trademark Office')).toBe(true);
    expect(isNameLike('high dynamic range lighting')).toBe(false);
    expect(isNameLike('single sign-on')).toBe(false);
  });

  it('matches right to left with the first letter at a word start', () => {
    expect(bestLongFormStart('HDR', 'support high dynamic range')).toBe(8);
    expect(bestLongFormStart('AP', 'MOSCOW')).toBe(-1);
  });
});

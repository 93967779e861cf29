import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/shared/discovery/name-spans';
import { FT, excerpt } from './fixtures';

const names = (text: string, lowerWords: Iterable<string> = []) =>
  findMentions(text, 0, 0, text.length, new Set(lowerWords)).map((mention) => mention.text);

describe('findMentions', () => {
  it('finds the names of a real sentence and keeps titles apart (FT seed)', () => {
    expect(names(FT.paragraphs[0]!)).toEqual(['US', 'China', 'Ministry of State Security', 'Donald Trump', 'Xi Jinping']);
  });

  it('drops roles: "Ranking Member", "Chairman", "Secretary of Commerce", "Prime Minister" (constructed)', () => {
    expect(names('Chairman John Moolenaar and Ranking Member Raja Krishnamoorthi wrote to Secretary of Commerce Gina Raimondo.')).toEqual([
      'John Moolenaar',
      'Raja Krishnamoorthi',
      'Gina Raimondo',
    ]);
    expect(names('Tunisian Prime Minister Habib Essid said that in addition to the slain foreigners a worker died.')).toEqual(['Habib Essid']);
    expect(names('The Chairman agreed with the Secretary and the Ranking Member.')).toEqual([]);
    // A role word before nothing is part of a name.
    expect(names('They ate at Burger King in Justice Department offices.')).toEqual(['Burger King', 'Justice Department']);
  });

  it('joins "of", "on the", "and" inside institutions only (real and constructed)', () => {
    expect(names('a letter from the Select Committee on the CCP arrived')).toEqual(['Select Committee on the CCP']);
    expect(names('the World Travel and Tourism Council, an industry body')).toEqual(['World Travel and Tourism Council']);
    expect(names('competitors such as Walmart, Kroger and Costco.')).toEqual(['Walmart', 'Kroger', 'Costco']);
    expect(names('between Walmart and FSF, and the FSF and Amnesty International both')).toEqual(['Walmart', 'FSF', 'FSF', 'Amnesty International']);
  });

  it('joins particles of personal names: de, von der, bin, al-', () => {
    expect(names('the philosopher Luis de Miranda weaves a history')).toEqual(['Luis de Miranda']);
    expect(names('met Mohammed bin Salman and Ursula von der Leyen')).toEqual(['Mohammed bin Salman', 'Ursula von der Leyen']);
    expect(names('the group behind the attack — Ansar al-Sharia, an al-Qaeda-linked organization')).toEqual(['Ansar al-Sharia', 'al-Qaeda']);
  });

  it('ends a name at a possessive or an adjective compound (real text)', () => {
    const seattle = excerpt('seattletimes-whole-foods-halibut').paragraphs[0]!;
    expect(names(seattle)).toEqual(['Fisherman', 'Terminal', 'Seattle', 'Wade Bassi', 'Amazon', 'Whole Foods Market']);
  });

  it('does not take sentence-initial common words, days, months or contractions', () => {
    expect(names('But the decision was made on Tuesday in October. I’ve said so.')).toEqual([]);
    expect(names('Despite the diplomatic push, the MSS remains under scrutiny.')).toEqual(['MSS']);
  });

  it('keeps a doubtful opening word as a fuller alternative', () => {
    const [mention] = findMentions('Whole Foods is one of the better ones.', 0, 0, 38, new Set(['whole']));
    expect(mention!.text).toBe('Foods');
    expect(mention!.fuller?.text).toBe('Whole Foods');
  });

  it('drops a demonym before a name, not before an institution', () => {
    expect(names('the remote Russian Tuva region and the Chinese Communist Party')).toEqual(['Tuva', 'Chinese Communist Party']);
    expect(names('many Tunisian Islamists and Egyptian Copts')).toEqual([]);
  });
});

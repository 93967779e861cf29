import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/shared/discovery/tokens';

const tokens = (text: string) => tokenize(text, 0, text.length);

describe('tokenize', () => {
  it('strips possessives, typographic or straight, and marks them', () => {
    const [china, ministry] = tokens('China’s Ministry');
    expect(china).toMatchObject({ text: 'China', possessive: true, start: 0, end: 5 });
    expect(ministry).toMatchObject({ text: 'Ministry', possessive: false, capitalised: true });
    expect(tokens("Nvidia's chip")[0]).toMatchObject({ text: 'Nvidia', possessive: true });
    expect(tokens('Whole Foods’ halibut')[1]).toMatchObject({ text: 'Foods', possessive: true });
  });

  it('keeps dotted initials and abbreviations, not a sentence stop after a word', () => {
    expect(tokens('Morris W. Travers').map((t) => t.text)).toEqual(['Morris', 'W.', 'Travers']);
    expect(tokens('the U.S. Army').map((t) => t.text)).toEqual(['the', 'U.S.', 'Army']);
    expect(tokens('Remain Co. will').map((t) => t.text)).toEqual(['Remain', 'Co.', 'will']);
    expect(tokens('Verizon paid.').map((t) => t.text)).toEqual(['Verizon', 'paid']);
  });

  it('reads adjective compounds as the name before the hyphen', () => {
    expect(tokens('Amazon-owned Whole Foods')[0]).toMatchObject({ text: 'Amazon', compound: true });
    expect(tokens('Proton-M rocket')[0]).toMatchObject({ text: 'Proton-M', compound: false });
    expect(tokens('Ansar al-Sharia')[1]).toMatchObject({ text: 'al-Sharia', capitalised: true });
  });

  it('knows contractions, acronyms, numbers and camel case', () => {
    expect(tokens('I’ve')[0]).toMatchObject({ contraction: true, capitalised: false });
    expect(tokens('USPTO')[0]).toMatchObject({ acronym: true });
    expect(tokens('360')[0]).toMatchObject({ numeric: true, capitalised: false });
    expect(tokens('iPhone')[0]).toMatchObject({ capitalised: true, acronym: false });
  });

  it('marks words that open a sentence, a quotation or a list item', () => {
    const [take] = tokens('1. Take any blankets').filter((t) => t.text === 'Take');
    expect(take!.initial).toBe(true);
    const quoted = tokens('he said: “Whole Foods is good”');
    expect(quoted.find((t) => t.text === 'Whole')!.initial).toBe(true);
    expect(quoted.find((t) => t.text === 'said')!.initial).toBe(false);
  });
});

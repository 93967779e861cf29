import { describe, expect, it } from 'vitest';
import { splitAtRoles } from '../../../src/shared/discovery/roles';
import { tokenize } from '../../../src/shared/discovery/tokens';

const pieces = (text: string) => {
  const tokens = tokenize(text, 0, text.length);
  return splitAtRoles(tokens, 0, tokens.length).map(({ start, end, titled }) => [tokens.slice(start, end).map((t) => t.text).join(' '), titled]);
};

describe('splitAtRoles', () => {
  it('cuts titles off the names after them', () => {
    expect(pieces('Ranking Member Raja Krishnamoorthi')).toEqual([['Raja Krishnamoorthi', true]]);
    expect(pieces('U.S. President Donald Trump')).toEqual([['U.S.', false], ['Donald Trump', true]]);
    expect(pieces('Tunisian Prime Minister Habib Essid')).toEqual([['Tunisian', false], ['Habib Essid', true]]);
    expect(pieces('Saudi Crown Prince Mohammed')).toEqual([['Saudi', false], ['Mohammed', true]]);
  });

  it('leaves role words that are part of a name', () => {
    expect(pieces('Burger King')).toEqual([['Burger King', false]]);
    expect(pieces('Justice Department')).toEqual([['Justice Department', false]]);
    expect(pieces('Prime Video')).toEqual([['Prime Video', false]]);
  });
});

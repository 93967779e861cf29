import { describe, expect, it } from 'vitest';
import { isNameShaped } from '../../../src/shared/discovery/name-shape';

const shaped = (text: string) => isNameShaped(text.split(' '));

describe('isNameShaped', () => {
  it('refuses roles, calendar words, demonyms and bare institution words', () => {
    for (const text of ['Chairman', 'Ranking Member', 'Voting Member', 'Tuesday', 'October', 'Chinese', 'South Korean', 'Board of Directors', 'LLC', 'CEO', 'HDR', 'A', '2017']) {
      expect(shaped(text), text).toBe(false);
    }
  });

  it('accepts names, including acronyms that look like words and qualified institutions', () => {
    for (const text of ['MSS', 'US', 'Salt Typhoon', 'Chinese Communist Party', 'Islamic State', 'Justice Department', 'Burger King', 'H200']) {
      expect(shaped(text), text).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { buildTrie, firstCharClass, nodeSource } from '../../../src/shared/matcher/trie-pattern';

function matcherFor(surfaces: string[]): RegExp {
  return new RegExp(`^(?:${nodeSource(buildTrie(surfaces))})$`, 'u');
}

describe('trie pattern', () => {
  it('matches exactly the surfaces it was built from', () => {
    const pattern = matcherFor(['Nvidia', 'Nvidia Corp', 'Ninja', 'U.S. Treasury', 'a+b']);
    for (const yes of ['Nvidia', 'Nvidia Corp', 'Ninja', 'U.S. Treasury', 'a+b']) expect(pattern.test(yes), yes).toBe(true);
    for (const no of ['Nvidi', 'Nvidia C', 'Ninj', 'UxS. Treasury', 'aab', '']) expect(pattern.test(no), no).toBe(false);
  });

  it('shares prefixes, so the source grows with distinct text, not with the number of forms', () => {
    const names = Array.from({ length: 200 }, (_, index) => `Kestrel Dynamics ${index}`);
    expect(nodeSource(buildTrie(names)).length).toBeLessThan(names.join('|').length / 3);
  });

  it('lets separators match whitespace runs or a hyphen, and apostrophes either kind', () => {
    const pattern = matcherFor(['rare earth', "People's Daily"]);
    for (const yes of ['rare earth', 'rare\n\t earth', 'rare-earth', 'rare\u00A0earth', "People's Daily", 'People’s Daily']) {
      expect(pattern.test(yes), yes).toBe(true);
    }
    expect(pattern.test('rareearth')).toBe(false);
  });

  it('lists first characters as a class', () => {
        expect(firstCharClass(buildTrie(['Nvidia', 'MSS', 'Xi', ']y', '^z', '-w']))).toBe('[MNX\\]\\^]');
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/shared/matcher';
import { packSieveSource, sieveSourceFor, unpackSieveSource } from '../../../src/shared/matcher/sieve-source';
import { syntheticCatalog } from '../../../scripts/synthetic-catalog';

describe('sieveSourceFor', () => {
  it('keeps the first characters of each surface, separators written as any run of them', () => {
    const source = sieveSourceFor(['Salt Typhoon', 'Nvidia', 'H200', 'O’Brien']);
    const sieve = new RegExp(source ?? '(?!)');
    expect(sieve.test('a Salt\n  Typhoon attack')).toBe(true);
    expect(sieve.test('Salt-Typhoon')).toBe(true);
    expect(sieve.test('NvidiaCorp')).toBe(true);
    expect(sieve.test("O'Brien")).toBe(true);
    expect(sieve.test('O’Brien')).toBe(true);
    expect(sieve.test('Saltwater, Salt Lake, nvidia and h200')).toBe(false);
  });

  it('writes shared prefixes once, and a prefix that ends stands for every longer one', () => {
    expect(sieveSourceFor(['Salt Typhoon', 'Saltwater', 'Xi', 'Xi Jinping'])).toBe(String.raw`(?:Salt(?:[\s\-\u2010\u2011]+Typ|wate)|Xi)`);
    expect(sieveSourceFor(['Nvidia'])).toBe('Nvidia');
    const sieve = new RegExp(sieveSourceFor(['Salt Typhoon', 'Saltwater', 'Xi', 'Xi Jinping']) ?? '(?!)', 'g');
    expect([...'Xi Jinping, Salt  Typhoon, Saltwate, Salt Lake'.matchAll(sieve)].map((match) => match.index)).toEqual([0, 12, 27]);
  });

  it('rules out nothing for a surface that starts with a separator, and gives up past the size limit', () => {
    expect(sieveSourceFor([' leading'])).toBeNull();
    expect(sieveSourceFor(Array.from({ length: 5000 }, (_, index) => `N${String(index).padStart(4, "0")} Corp`), 1000)).toBeNull();
  });

  it('holds the limit to the pattern as written: many names that share their prefixes still get a sieve', () => {
    const ministries = Array.from({ length: 300 }, (_, index) => `Ministry of Affairs ${index}`);
    expect(sieveSourceFor(ministries, 1000)).toBe('Ministry');
    expect(sieveSourceFor([...ministries, 'Nvidia'], 'Ministry|Nvidia'.length + 4)).toBe('(?:Ministry|Nvidia)');
    expect(sieveSourceFor([...ministries, 'Nvidia'], 'Ministry|Nvidia'.length + 3)).toBeNull();
  });

  it('sieves a catalog of hundreds of names too, never ruling out text the catalog names', () => {
    const matcher = compileMatcher(syntheticCatalog(300));
    const entry = syntheticCatalog(300)[234];
    const text = `Yesterday ${entry?.forms[0] ?? ''} said nothing.`;
    expect(matcher.newPage().scanBlock(text).length).toBe(1);
    expect(matcher.mayName(text)).toBe(true);
    expect(matcher.mayName('The committee met on Tuesday to discuss the harvest and the weather.')).toBe(false);
  });

  it('ships packed, a space for each separator, and unpacks to the very same source', () => {
    for (const surfaces of [['Salt Typhoon', 'rare-earth magnets', 'O’Brien', 'H200'], syntheticCatalog(300).flatMap((entry) => entry.forms)]) {
      const source = sieveSourceFor(surfaces);
      const packed = packSieveSource(source);
      expect(packed).not.toContain('\\s');
      expect(unpackSieveSource(packed)).toBe(source);
    }
    expect(unpackSieveSource(packSieveSource(null))).toBeNull();
  });
});

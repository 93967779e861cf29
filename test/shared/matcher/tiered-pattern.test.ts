import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TieredPattern } from '../../../src/shared/matcher/tiered-pattern';
import { WORD_CHAR } from '../../../src/shared/matcher/text-classes';

/** Patterns shaped like the matcher's context patterns: boundaries on both sides, plurals, with and without `i`. */
const SHAPES: { sourceWith: (wordChar: string) => string; flags: string }[] = [
  { sourceWith: (w) => `(?<!${w})(?:tower|media|chip|ß|中国)(?:e?s)?(?!${w})`, flags: 'iu' },
  { sourceWith: (w) => `(?<!${w})(?:US|TCP|H100)(?:e?s)?(?!${w})`, flags: 'u' },
  { sourceWith: (w) => String.raw`(?<!${w})(?:Volt|Hyundai|Dé)(?:['’][sS]?)?(?:\s+|-)Tower(?!${w})`, flags: 'u' },
];

const PIECES = ['tower', 'Tower', 'TOWER', 'Tow', 'media', 'chips', 'US', 'us', 'TCP', 'H100', 'Volt', 'Hyundai', 'Dé', 'ß', '中国', ' ', '\u00A0', '-', '’', "'s", 's', 'x', '_', '9', 'é', '\u0301', '—', '“', '”', '.', 'Ж', '\u{1D400}', 'ſ', '\u212A', 'ʼ', '…', '–', '‘'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })), { maxLength: 16 }).map((pieces) => pieces.join(''));

describe('TieredPattern', () => {
  it('answers exactly as the pattern with the Unicode word class', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHAPES), text, ({ sourceWith, flags }, sample) => {
        const tiered = new TieredPattern(sourceWith, flags);
        expect(tiered.test(sample), JSON.stringify(sample)).toBe(new RegExp(sourceWith(WORD_CHAR), flags).test(sample));
      }),
      { numRuns: 3000 },
    );
  });

  it('decides next to a non-ASCII word character or punctuation as the exact class does', () => {
    const follower = new TieredPattern((w) => String.raw`Trump\s+(?:Tower)(?!${w})`, 'u');
    expect(follower.test('Trump Tower— said')).toBe(true);
    expect(follower.test('Trump Toweré')).toBe(false);
    expect(follower.test('Trump Tower\u0301')).toBe(false);
    expect(follower.test('Trump Towers')).toBe(false);
    const context = new TieredPattern((w) => `(?<!${w})(?:chip)(?:e?s)?(?!${w})`, 'iu');
    expect(context.test('“Chips”')).toBe(true);
    expect(context.test('éCHIP and chipé')).toBe(false);
  });
});

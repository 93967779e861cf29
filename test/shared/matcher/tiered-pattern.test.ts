import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TieredPattern } from '../../../src/shared/matcher/tiered-pattern';
import { WORD_CHAR } from '../../../src/shared/matcher/text-classes';

/** Patterns shaped like the matcher's: boundaries on both sides, sticky lookbehinds, plurals. */
const SHAPES: { sourceWith: (wordChar: string) => string; flags: string; sticky: boolean }[] = [
  { sourceWith: (w) => `(?<!${w})(?:tower|media|chip|ß|中国)(?:e?s)?(?!${w})`, flags: 'iu', sticky: false },
  { sourceWith: (w) => `(?<!${w})(?:US|TCP|H100)(?:e?s)?(?!${w})`, flags: 'u', sticky: false },
  { sourceWith: (w) => String.raw`(?:['’][sS]?)?(?:\s+|-)(?:Tower|TOWER|Tow|Media)(?!${w})`, flags: 'uy', sticky: true },
  { sourceWith: (w) => String.raw`(?<=(?<!${w})(?:Volt|Hyundai|Dé)(?:['’][sS]?)?(?:\s+|-))`, flags: 'uy', sticky: true },
];

const PIECES = ['tower', 'Tower', 'TOWER', 'Tow', 'media', 'chips', 'US', 'us', 'TCP', 'H100', 'Volt', 'Hyundai', 'Dé', 'ß', '中国', ' ', '\u00A0', '-', '’', "'s", 's', 'x', '_', '9', 'é', '\u0301', '—', '“', '”', '.', 'Ж', '\u{1D400}', 'ſ', '\u212A', 'ʼ', '…', '–', '‘'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })), { maxLength: 16 }).map((pieces) => pieces.join(''));

describe('TieredPattern', () => {
  it('answers exactly as the pattern with the Unicode word class, at every position', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHAPES), text, ({ sourceWith, flags, sticky }, sample) => {
        const tiered = new TieredPattern(sourceWith, flags);
        const exact = new RegExp(sourceWith(WORD_CHAR), flags);
        const positions = sticky ? Array.from({ length: sample.length + 1 }, (_, index) => index) : [0];
        for (const from of positions) {
          exact.lastIndex = from;
          expect(tiered.test(sample, from), `${JSON.stringify(sample)} at ${from}`).toBe(exact.test(sample));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('decides next to a non-ASCII word character or punctuation as the exact class does', () => {
    const follower = new TieredPattern((w) => String.raw`\s+(?:Tower)(?!${w})`, 'uy');
    expect(follower.test('Trump Tower— said', 5)).toBe(true);
    expect(follower.test('Trump Toweré', 5)).toBe(false);
    expect(follower.test('Trump Tower\u0301', 5)).toBe(false);
    expect(follower.test('Trump Towers', 5)).toBe(false);
    const context = new TieredPattern((w) => `(?<!${w})(?:chip)(?:e?s)?(?!${w})`, 'iu');
    expect(context.test('“Chips”')).toBe(true);
    expect(context.test('éCHIP and chipé')).toBe(false);
  });
});

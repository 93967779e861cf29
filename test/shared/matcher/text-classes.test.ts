import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APOSTROPHE, HYPHEN, WORD_CHAR, endsForm, formEndAt, isApostrophe, isHyphen, isSpace, isWordChar, startsForm } from '../../../src/shared/matcher/text-classes';

/** The classes as written for the patterns: the tests' fast paths must answer exactly as these do. */
const CLASSES = [
  { name: 'isWordChar', test: isWordChar, pattern: new RegExp(`^${WORD_CHAR}$`, 'u') },
  { name: 'isApostrophe', test: isApostrophe, pattern: new RegExp(`^${APOSTROPHE}$`, 'u') },
  { name: 'isHyphen', test: isHyphen, pattern: new RegExp(`^${HYPHEN}$`, 'u') },
  { name: 'isSpace', test: isSpace, pattern: /^\s$/u },
];

/** Every code point of the Basic Multilingual Plane, a few past it, and a lone surrogate. */
const CHARS = [
  ...Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)),
  ...[0x1d400, 0x1f600, 0x10400, 0x2070e].map((code) => String.fromCodePoint(code)),
];

describe('character classes', () => {
  for (const { name, test, pattern } of CLASSES) {
    it(`${name} answers every character as its pattern does`, () => {
      const disagreements = CHARS.filter((char) => test(char) !== pattern.test(char));
      expect(disagreements.map((char) => char.codePointAt(0)?.toString(16))).toEqual([]);
    });

    it(`${name} is false for no character and for an empty string`, () => {
      expect([test(undefined), test('')]).toEqual([false, false]);
    });
  }
});

/** The boundaries of the combined pattern (form-finder.ts), as the sticky patterns the checks replaced. */
const START = new RegExp(`(?<!${WORD_CHAR})(?<!\\p{L}${APOSTROPHE})`, 'uy');
const END = new RegExp(`(?!${WORD_CHAR})(?!${APOSTROPHE}(?![sS](?!${WORD_CHAR}))${WORD_CHAR})`, 'uy');
const ENDING = new RegExp(`s?${END.source}`, 'uy');

function holdsAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** Where each code point starts, and the end: the places a finder asks about. */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  for (let index = 0; index < text.length; index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1) starts.push(index);
  return [...starts, text.length];
}

describe('form boundaries', () => {
  // Letters and digits of several scripts, a combining mark, an astral letter and an emoji, every
  // kind of apostrophe (U+02BC is a letter too), the possessive "s", spaces, hyphens and dashes.
  const piece = fc.constantFrom('a', 'Z', '7', '_', 's', 'S', 'é', 'Ω', '中', '\u0301', '\u{1D400}', '\u{1F600}', "'", '\u2019', '\u02BC', ' ', '\u00A0', '-', '\u2014', '.', '\uD800');
  const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));

  it('start, end and the end with a plural answer as the patterns do, everywhere', () => {
    fc.assert(
      fc.property(text, (sample) => {
        for (const index of codePointStarts(sample)) {
          expect(startsForm(sample, index)).toBe(holdsAt(START, sample, index));
          expect(endsForm(sample, index)).toBe(holdsAt(END, sample, index));
          expect(formEndAt(sample, index)).toBe(holdsAt(ENDING, sample, index) ? ENDING.lastIndex : -1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('read possessives, contractions and names as the pattern does', () => {
    expect(endsForm('Nvidia’s chips', 6)).toBe(true);
    expect(endsForm('Xi’an', 2)).toBe(false);
    expect(startsForm('O’Sullivan', 2)).toBe(false);
    expect(startsForm('’Sullivan', 1)).toBe(true);
    expect(formEndAt('H200s.', 4)).toBe(5);
  });
});

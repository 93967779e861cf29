import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neighbourTest } from '../../../src/shared/matcher/neighbour-words';

const followerTest = (phrases: readonly string[] | undefined) => neighbourTest(phrases, 1);
const precederTest = (phrases: readonly string[] | undefined) => neighbourTest(phrases, -1);
import { APOSTROPHE, HYPHEN, WORD_CHAR, WORD_SEPARATOR } from '../../../src/shared/matcher/text-classes';

/**
 * The sticky patterns the trie walks replaced, written out with the exact Unicode word class:
 * the walks must answer as they did, at every position.
 */
function phraseSource(phrase: string): string {
  let source = '';
  for (const char of phrase) {
    if (char === ' ' || char === '-') source += WORD_SEPARATOR;
    else if (char === "'" || char === '\u2019') source += APOSTROPHE;
    else source += char.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&');
  }
  return source;
}

function casingsSource(phrases: readonly string[]): string {
  const all = new Set(phrases.flatMap((phrase) => [phrase, phrase.toUpperCase(), phrase.charAt(0).toUpperCase() + phrase.slice(1)]));
  return `(?:${[...all].map(phraseSource).join('|')})`;
}

const followerPattern = (phrases: readonly string[]) =>
  new RegExp(String.raw`(?:${APOSTROPHE}[sS]?)?(?:\s+|${HYPHEN}|\s*(?=[&+]))${casingsSource(phrases)}(?!${WORD_CHAR})`, 'uy');
const precederPattern = (phrases: readonly string[]) =>
  new RegExp(String.raw`(?<=(?<!${WORD_CHAR})${casingsSource(phrases)}(?:${APOSTROPHE}[sS]?)?(?:\s+|${HYPHEN}))`, 'uy');

const PHRASES = ['Tower', 'tower records', 'Lite', '& Cromwell', '+ plus', 'North Korea', 'Volt', "Hyundai's", 'rare-earth', 'Dé', 's', 'x y', '\u{1D400}z'];
const PIECES = [...PHRASES, 'TOWER', 'NORTH  KOREA', 'North-Korea', 'North\nKorea', ' ', '  ', '\u00A0', '\n', '-', '\u2010', '’', "'", 'ʼ', "'s", '’S', 's', 'S', '&', '+', 'x', '_', '9', 'é', '\u0301', '—', '“', '.', 'Ж', '\u{1D400}', '\uD835', 'Trump', 'Miller'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })), { maxLength: 14 }).map((pieces) => pieces.join(''));
const phrases = fc.subarray(PHRASES, { minLength: 1 });

function expectSameAtEveryIndex(walk: { at(text: string, index: number): boolean }, pattern: RegExp, sample: string): void {
  for (let index = 0; index <= sample.length; index++) {
    // A hit starts and ends between code points; a Unicode pattern moves an index inside a pair back to the pair's start.
    if (/[\uDC00-\uDFFF]/.test(sample.charAt(index)) && /[\uD800-\uDBFF]/.test(sample.charAt(index - 1))) continue;
    pattern.lastIndex = index;
    expect(walk.at(sample, index), `${JSON.stringify(sample)} at ${index}`).toBe(pattern.test(sample));
  }
}

describe('neighbour words', () => {
  it('finds a following phrase exactly where its pattern does', () => {
    fc.assert(
      fc.property(phrases, text, (list, sample) => expectSameAtEveryIndex(followerTest(list) as NonNullable<ReturnType<typeof neighbourTest>>, followerPattern(list), sample)),
      { numRuns: 3000 },
    );
  });

  it('finds a preceding phrase exactly where its pattern does', () => {
    fc.assert(
      fc.property(phrases, text, (list, sample) => expectSameAtEveryIndex(precederTest(list) as NonNullable<ReturnType<typeof neighbourTest>>, precederPattern(list), sample)),
      { numRuns: 3000 },
    );
  });

  it('reads possessives, gaps and casings as a reader would', () => {
    const after = followerTest(['Tower', 'Lite', '& Cromwell']);
    expect(after?.at('Trump Tower said', 5)).toBe(true);
    expect(after?.at('TRUMP TOWER', 5)).toBe(true);
    expect(after?.at('Miller’s Lite', 6)).toBe(true);
    expect(after?.at('Sullivan & Cromwell', 8)).toBe(true);
    expect(after?.at('Sullivan& Cromwell', 8)).toBe(true);
    expect(after?.at('Trump Towers', 5)).toBe(false);
    expect(after?.at('Trump Toweré', 5)).toBe(false);
    expect(after?.at('Trump tower', 5)).toBe(false);
    expect(after?.at('Trump said Tower', 5)).toBe(false);
    const before = precederTest(['Volt', 'North Korea']);
    expect(before?.at('Volt Typhoon', 5)).toBe(true);
    expect(before?.at('North Korea’s Ministry', 14)).toBe(true);
    expect(before?.at('NORTH\n  KOREA Ministry', 14)).toBe(true);
    expect(before?.at('Revolt Typhoon', 7)).toBe(false);
    expect(before?.at('Volt, Typhoon', 6)).toBe(false);
  });

  it('is null for no phrases', () => {
    expect(followerTest([])).toBeNull();
    expect(precederTest(undefined)).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, createFormFinder, formFinderSources } from '../../../src/shared/matcher/form-finder';

const SURFACES = ['Salt Typhoon', 'SALT TYPHOON', 'Nvidia', 'NVIDIA', 'H200', 'H200 chip', 'Xi', 'Xi Jinping', 'rare earth', 'rare earths', 'U.S. Treasury', 'Ωmega Corp', '𝔘nicode Name'];

/** Every hit the finder reports, restarting one position after each (as the scanner does on rejection). */
// 200: more than any one branch of SURFACES, less than all of them together.
const LIMITS = { single: Number.POSITIVE_INFINITY, dispatch: 200, split: 0 } as const;

function allHits(shape: keyof typeof LIMITS, text: string): Array<[number, number]> {
  const finder = createFormFinder(SURFACES, LIMITS[shape]);
  const hits: Array<[number, number]> = [];
  for (let from = 0; finder.find(text, from); from = finder.hitStart + codePointLength(text.codePointAt(finder.hitStart) ?? 0)) {
    hits.push([finder.hitStart, finder.hitEnd]);
  }
  return hits;
}

describe('form finder', () => {
  it('finds whole tokens, longest first, with an optional plural s', () => {
    const text = 'Salt\n Typhoon, NVIDIA’s H200s and H200 chips; xi Xi Jinping. NvidiaX rare-earths';
    const hits = allHits('single', text).map(([start, end]) => text.slice(start, end));
    expect(hits).toEqual(['Salt\n Typhoon', 'NVIDIA', 'H200s', 'H200 chips', 'Xi Jinping', 'rare-earths']);
  });

  it('finds names that start with a character outside the Basic Multilingual Plane', () => {
    expect(allHits('dispatch', 'see 𝔘nicode Name here')).toEqual([[4, 17]]);
    expect(allHits('single', 'see 𝔘nicode Name here')).toEqual([[4, 17]]);
    expect(allHits('dispatch', '𝔘nicode Namex 𝔘 x')).toEqual([]);
  });

  it('finds nothing with no surfaces', () => {
    const finder = createFormFinder([]);
    expect(finder.find('anything at all', 0)).toBe(false);
  });

  it('gives the same hits as one pattern, dispatching by first letter, and with branches split', () => {
    const piece = fc.oneof(fc.constantFrom(...SURFACES), fc.constantFrom(' ', '\n', '-', '’s', 's', 'x', 'Ω', '.', ''), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const single = allHits('single', text);
        expect(allHits('dispatch', text)).toEqual(single);
        expect(allHits('split', text)).toEqual(single);
      }),
      { numRuns: 500 },
    );
  });

  it('runs its ASCII pattern first yet hits exactly what the Unicode pattern hits, next to any character', () => {
    const sources = formFinderSources(SURFACES);
    if (sources.shape !== 'single') throw new Error('expected one pattern');
    const exact = new RegExp(sources.source, 'gu');
    const exactHits = (text: string) => {
      const hits: Array<[number, number]> = [];
      for (let from = 0; ; ) {
        exact.lastIndex = from;
        const hit = exact.exec(text);
        if (hit === null) return hits;
        hits.push([hit.index, hit.index + hit[0].length]);
        from = hit.index + codePointLength(text.codePointAt(hit.index) ?? 0);
      }
    };
    const neighbours = ['é', 'ß', 'Ж', '中', '\u0301', '𝔘', '’', 'ʼ', "'", '’s', '’S', '’sé', '’ʼ', '’x', 'sʼ', '—', '–', '“', '”', '‘', '…', '\u00A0', 'ſ', '\u212A', 'x', ' ', '-', '.'];
    const piece = fc.oneof(fc.constantFrom(...SURFACES), fc.constantFrom(...neighbours), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(allHits('single', text), JSON.stringify(text)).toEqual(exactHits(text));
      }),
      { numRuns: 3000 },
    );
    expect(allHits('single', 'Nvidia’s Nvidiaé éNvidia Xi’an Xi’s')).toEqual([[0, 6], [31, 33]]);
  });
});

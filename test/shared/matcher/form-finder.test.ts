import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { createFormFinder, formFinderFromSources, formFinderSources, singlePatternSources } from '../../../src/shared/matcher/form-finder';
import { sieveSourceFor } from '../../../src/shared/matcher/sieve-source';
import { codePointLength } from '../../../src/shared/matcher/text-classes';

const SURFACES = ['Salt Typhoon', 'SALT TYPHOON', 'Nvidia', 'NVIDIA', 'H200', 'H200 chip', 'Xi', 'Xi Jinping', 'rare earth', 'rare earths', 'U.S. Treasury', 'Ωmega Corp', '𝔘nicode Name'];

/**
 * One pattern from the first hit, a walk of the trie from each word start (past a limit of 0
 * characters), or a walk that switches to the pattern after three hits; "sieved" walks start
 * where the catalog's sieve matches instead, in both shapes.
 */
const LIMITS = { single: Number.POSITIVE_INFINITY, dispatch: 0, switching: Number.POSITIVE_INFINITY, sieved: Number.POSITIVE_INFINITY, sievedDispatch: 0 } as const;
const SWITCH_AFTER = { single: 0, dispatch: 0, switching: 3, sieved: 3, sievedDispatch: 0 } as const;

function sieveOf(surfaces: readonly string[]): RegExp | null {
  const source = sieveSourceFor(surfaces);
  return source === null ? null : new RegExp(source, 'g');
}

/** Every hit the finder reports, restarting one position after each (as the scanner does on rejection). */
function allHits(shape: keyof typeof LIMITS, text: string, surfaces: readonly string[] = SURFACES): Array<[number, number]> {
  const sieve = shape === 'sieved' || shape === 'sievedDispatch' ? sieveOf(surfaces) : null;
  const finder = createFormFinder(surfaces, LIMITS[shape], SWITCH_AFTER[shape], sieve);
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
    expect(allHits('sievedDispatch', 'see 𝔘nicode Name here')).toEqual([[4, 17]]);
    expect(allHits('dispatch', '𝔘nicode Namex 𝔘 x')).toEqual([]);
  });

  it('finds nothing with no surfaces', () => {
    const finder = createFormFinder([]);
    expect(finder.find('anything at all', 0)).toBe(false);
  });

  it('gives the same hits as one pattern and as a walk of the trie', () => {
    const piece = fc.oneof(fc.constantFrom(...SURFACES), fc.constantFrom(' ', '\n', '-', '’s', 's', 'x', 'Ω', '.', ''), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(allHits('dispatch', text)).toEqual(allHits('single', text));
        expect(allHits('switching', text)).toEqual(allHits('single', text));
        expect(allHits('sieved', text)).toEqual(allHits('single', text));
        expect(allHits('sievedDispatch', text)).toEqual(allHits('single', text));
      }),
      { numRuns: 500 },
    );
  });

  it('walks the trie as the pattern backtracks: prefixes, space runs, plurals, apostrophes', () => {
    // A tiny alphabet makes shared prefixes, forms that are prefixes of others, and texts that
    // almost match; forms with two separators in a row make the space runs backtrack.
    const chars = ['a', 'b', 's', ' ', '-', "'", '’', 'ʼ', '\u00A0', '\n', '𝔘'];
    const word = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 5 }).map((letters) => letters.join(''));
    const surfaces = fc.array(word, { minLength: 1, maxLength: 8 });
    const text = fc.array(fc.oneof(word, fc.constantFrom(...chars)), { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(surfaces, text, (forms, page) => {
        expect(allHits('dispatch', page, forms), JSON.stringify([forms, page])).toEqual(allHits('single', page, forms));
        expect(allHits('sievedDispatch', page, forms), JSON.stringify([forms, page])).toEqual(allHits('single', page, forms));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads any separator or apostrophe in a form as its class, in both shapes', () => {
    const forms = ['a\u00A0b', 'cʼd'];
    for (const shape of ['single', 'dispatch', 'sievedDispatch'] as const) {
      expect(allHits(shape, 'a b, a-b, a\u00A0b, c’d, cʼd', forms)).toEqual([[0, 3], [5, 8], [10, 13], [15, 18], [20, 23]]);
    }
  });

  it('walks the real catalog’s forms exactly as its pattern matches them, next to any character', () => {
    const forms = CATALOG.flatMap((entry) => [...entry.forms, ...(entry.shortForms ?? []), ...(entry.ambiguousForms ?? []).map((ambiguous) => ambiguous.form)]);
    const surfaces = [...forms, ...forms.map((form) => form.toUpperCase()), ...forms.map((form) => form.toLowerCase())];
    const neighbours = ['é', 'Ж', '\u0301', '𝔘', '’', 'ʼ', "'", '’s', '’sé', '—', '“', '\u00A0', '  ', '\n', '-', '.', 's', 'x', ' '];
    const piece = fc.oneof(fc.constantFrom(...surfaces), fc.constantFrom(...neighbours), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(allHits('dispatch', text, surfaces), JSON.stringify(text)).toEqual(allHits('single', text, surfaces));
        expect(allHits('sievedDispatch', text, surfaces), JSON.stringify(text)).toEqual(allHits('single', text, surfaces));
      }),
      { numRuns: 2000 },
    );
  });

  it('dispatches a catalog too large for one pattern without writing its pattern, only where walks start', () => {
    const surfaces = Array.from({ length: 400 }, (_, index) => `Name ${index}`);
    expect(formFinderSources(surfaces).shape).toBe('single');
    expect(formFinderSources(surfaces, 100)).toMatchObject({ shape: 'dispatch', surfaces, wordStart: expect.any(String) });
    expect(formFinderSources(['Nvidia', 'Xi'], 0)).toMatchObject({ shape: 'dispatch', surfaces: ['Nvidia', 'Xi'] });
  });

  it('walks alike whether its word starts were written ahead or on the page', () => {
    const ahead = formFinderSources(SURFACES, 0);
    if (ahead.shape !== 'dispatch') throw new Error('expected dispatch');
    const { wordStart: _written, ...onPage } = ahead;
    const text = 'Salt Typhoon hit Nvidia’s H200s; the MSS and Xi Jinping, not Xi’an or saltwater.';
    const hits = (finder: ReturnType<typeof formFinderFromSources>) => {
      const found: Array<[number, number]> = [];
      for (let from = 0; finder.find(text, from); from = finder.hitEnd) found.push([finder.hitStart, finder.hitEnd]);
      return found;
    };
    expect(hits(formFinderFromSources(ahead, () => SURFACES))).toEqual(hits(formFinderFromSources(onPage, () => SURFACES)));
    expect(hits(formFinderFromSources(ahead, () => SURFACES)).length).toBeGreaterThan(3);
  });

  it('runs its ASCII pattern first yet hits exactly what the Unicode pattern hits, next to any character', () => {
    expect(formFinderSources(SURFACES).shape).toBe('single');
    const exact = new RegExp(singlePatternSources(SURFACES).source, 'gu');
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

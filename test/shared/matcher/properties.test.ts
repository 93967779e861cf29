import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogById } from '../../../src/shared/catalog/entities';
import { formKey } from '../../../src/shared/matcher/catalog-variants';
import { matcher } from './scan';

const FORMS = CATALOG.flatMap((entry) => [
  ...entry.forms,
  ...(entry.shortForms ?? []),
  ...(entry.ambiguousForms ?? []).map((ambiguous) => ambiguous.form),
]);

/** Words that switch rules on and off: context, titles, given names, followers. */
const WORDS = ['the', 'said', 'President', 'Jason', 'Lara', 'Tower', 'Jr.', 'chip', 'Nvidia', 'China', 'TCP', 'bytes', 'Hyundai', 'van', 'HM', 'of', 'Ed', 'O', 'x', 'ß', 'Ж', '中', '9', '_'];
const JOINERS = [' ', '  ', '\n', '\u00A0', '-', '’', "'", '’s', "'s", 's', '.', ',', '“', '”', '(', ')', '', '\u0301'];

/** A spelling of a form the way pages vary it: as written, lower, upper. */
const form = fc.tuple(fc.constantFrom(...FORMS), fc.constantFrom('as-is', 'lower', 'upper')).map(([text, casing]) =>
  casing === 'lower' ? text.toLowerCase() : casing === 'upper' ? text.toUpperCase() : text,
);
const piece = fc.oneof(form, fc.constantFrom(...WORDS), fc.constantFrom(...JOINERS), fc.string({ maxLength: 3 }));
const block = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const pageOfBlocks = fc.array(block, { minLength: 1, maxLength: 5 });

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Every folded spelling that may name the entity: its forms, and their plurals if it takes plurals. */
function spellingsOf(id: string): Set<string> {
  const entry = catalogById.get(id);
  if (entry === undefined) throw new Error(`no entry ${id}`);
  const keys = [...entry.forms, ...(entry.shortForms ?? []), ...(entry.ambiguousForms ?? []).map((a) => a.form)].map(formKey);
  return new Set(entry.plural === true ? [...keys, ...keys.map((key) => `${key}s`)] : keys);
}

describe('matcher properties', () => {
  it('mayName is true for any text holding a block that names something, whatever surrounds it', () => {
    fc.assert(
      fc.property(pageOfBlocks, fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), (blocks, before, after) => {
        const page = matcher.newPage();
        // The blocks of one page element run together in its textContent, with no gap between them.
        const elementText = before + blocks.join('') + after;
        for (const text of blocks) {
          if (page.scanBlock(text).length > 0) expect(matcher.mayName(elementText)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('mayName rules out text with none of the names', () => {
    expect(matcher.mayName('The committee met on Tuesday to discuss the harvest and the weather.')).toBe(false);
    expect(matcher.mayName('Saltwater typhoons and a miller’s mss were discussed.')).toBe(false);
  });

  it('returns mentions in bounds, in order and without overlap', () => {
    fc.assert(
      fc.property(pageOfBlocks, (blocks) => {
        const page = matcher.newPage();
        for (const text of blocks) {
          let previousEnd = 0;
          for (const mention of page.scanBlock(text)) {
            expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
            expect(mention.end).toBeGreaterThan(mention.start);
            expect(mention.end).toBeLessThanOrEqual(text.length);
            previousEnd = mention.end;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('covers exactly a catalog form of the entity, modulo case, whitespace and plural', () => {
    fc.assert(
      fc.property(pageOfBlocks, (blocks) => {
        const page = matcher.newPage();
        for (const text of blocks) {
          for (const mention of page.scanBlock(text)) {
            expect(spellingsOf(mention.entityId)).toContain(formKey(text.slice(mention.start, mention.end)));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never matches inside a longer token', () => {
    fc.assert(
      fc.property(pageOfBlocks, (blocks) => {
        const page = matcher.newPage();
        for (const text of blocks) {
          for (const { start, end } of page.scanBlock(text)) {
            expect(WORD_CHAR.test(text[start - 1] ?? ' ')).toBe(false);
            expect(WORD_CHAR.test(text[end] ?? ' ')).toBe(false);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds nothing when a form is glued to letters or digits on either side', () => {
    const glue = fc.stringMatching(/^[A-Za-z0-9ßЖ中_]{1,3}$/);
    fc.assert(
      fc.property(glue, form, glue, fc.boolean(), (before, name, after, gluedBefore) => {
        const text = gluedBefore ? `${before}${name} x` : `x ${name}${after}`;
        const mentions = matcher.newPage().scanBlock(`Xi Jinping, Nvidia chips, China’s Ministry of State Security. ${text}`);
        const prefix = 'Xi Jinping, Nvidia chips, China’s Ministry of State Security. '.length;
        const gluedStart = prefix + (gluedBefore ? before.length : 2);
        for (const mention of mentions) {
          const coversGluedName = mention.start < gluedStart + name.length && mention.end > gluedStart;
          const wholeToken = mention.start === gluedStart && mention.end === gluedStart + name.length;
          // A mention may still cover a complete word inside a multi-word name, but never the glued name itself.
          if (coversGluedName) expect(wholeToken).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same mentions for a block on any fresh page', () => {
    fc.assert(
      fc.property(block, (text) => {
        expect(matcher.newPage().scanBlock(text)).toEqual(matcher.newPage().scanBlock(text));
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverNames } from '../../../src/shared/discovery';
import { EXCERPTS, FT } from './fixtures';

/** Words and punctuation of real articles, recombined: name-like text with its traps. */
const pieces = [
  ...new Set([...FT.paragraphs, ...EXCERPTS.flatMap((article) => article.paragraphs)].join(' ').split(/(\s+)/u)),
].filter((piece) => piece.length > 0);
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...pieces) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '. ', ', ', ' (', ') ', '’s ', "'s ", ' — ', '“', '”', '-', 'al-', ' of ', ' and ', '\n') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const paragraph = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const article = fc.record({ title: fc.option(paragraph, { nil: undefined }), paragraphs: fc.array(paragraph, { maxLength: 6 }) });

describe('discoverNames properties', () => {
  it('never throws, and every candidate is well formed and quotable', () => {
    fc.assert(
      fc.property(article, (input) => {
        const offered = discoverNames(input);
        const ids = new Set<string>();
        for (const candidate of offered) {
          expect(candidate.id.startsWith('name-')).toBe(true);
          expect(ids.has(candidate.id)).toBe(false);
          ids.add(candidate.id);
          expect(candidate.count).toBeGreaterThanOrEqual(1);
          expect(candidate.forms[0]).toBe(candidate.name);
          const { paragraph: index, start, end, text } = candidate.firstSentence;
          // The first sentence is a verbatim slice of the article.
          expect(input.paragraphs[index]!.slice(start, end)).toBe(text);
          expect(text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and never offers a dismissed name', () => {
    fc.assert(
      fc.property(article, (input) => {
        const first = discoverNames(input);
        expect(discoverNames(input)).toEqual(first);
        const dismissed = first.slice(0, 2).map((candidate) => candidate.name);
        const again = discoverNames(input, { dismissed }).map((candidate) => candidate.name);
        for (const name of dismissed) expect(again).not.toContain(name);
      }),
      { numRuns: 150 },
    );
  });

  it('quotes the first sentence that names the candidate, in every real excerpt', () => {
    for (const input of EXCERPTS) {
      for (const candidate of discoverNames(input)) {
        const forms = [...candidate.forms, ...candidate.shortForms, ...(candidate.acronym ? [candidate.acronym] : [])];
        expect(forms.some((form) => candidate.firstSentence.text.includes(form.split(' ')[0]!)), `${input.id}: ${candidate.name}`).toBe(true);
      }
    }
  });
});

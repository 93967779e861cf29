import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/shared/text/sentences';

const texts = (paragraph: string) => splitSentences(paragraph).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('splits plain sentences and keeps offsets into the paragraph', () => {
    const paragraph = 'Alibaba strongly rejected the claims. Treasury did not comment! Why? Nobody knows.';
    const sentences = splitSentences(paragraph);
    expect(sentences.map((s) => s.text)).toEqual([
      'Alibaba strongly rejected the claims.',
      'Treasury did not comment!',
      'Why?',
      'Nobody knows.',
    ]);
    for (const sentence of sentences) expect(paragraph.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('does not split after "U.S." before a lower-case word', () => {
    expect(texts('It cited U.S. officials familiar with the decision. The move marks a pause.')).toEqual([
      'It cited U.S. officials familiar with the decision.',
      'The move marks a pause.',
    ]);
  });

  it('does not split after "U.S." before a capitalised name', () => {
    expect(texts('The deal between U.S. President Donald Trump and Xi Jinping held. It was fragile.')).toEqual([
      'The deal between U.S. President Donald Trump and Xi Jinping held.',
      'It was fragile.',
    ]);
  });

  it('keeps "U.S.–China" inside its sentence', () => {
    const paragraph = 'For now, the U.S.\u2013China relationship enters a cautious phase. Both sides navigate.';
    expect(texts(paragraph)).toEqual(['For now, the U.S.\u2013China relationship enters a cautious phase.', 'Both sides navigate.']);
  });

  it('does not split after initials or titles', () => {
    expect(texts('Donald J. Trump met Mr. Bessent and Dr. J. R. Smith on Oct. 9 in St. Louis. They talked.')).toEqual([
      'Donald J. Trump met Mr. Bessent and Dr. J. R. Smith on Oct. 9 in St. Louis.',
      'They talked.',
    ]);
  });

  it('keeps a quoted passage of two sentences together with its attribution', () => {
    const paragraph = '\u201CWe will not back down. We never have,\u201D he added. Then he left.';
    expect(texts(paragraph)).toEqual(['\u201CWe will not back down. We never have,\u201D he added.', 'Then he left.']);
  });

  it('ends a sentence after a closing curly quote and starts the next at an opening one', () => {
    const paragraph =
      '\u201CXi has a history of breaking promises,\u201D he added. \u201CPresident Trump needs to look out for this trap.\u201D';
    expect(texts(paragraph)).toEqual([
      '\u201CXi has a history of breaking promises,\u201D he added.',
      '\u201CPresident Trump needs to look out for this trap.\u201D',
    ]);
  });

  it('splits after an attribution that follows a quote', () => {
    const paragraph =
      '\u201CThe administration appears to be giving ground,\u201D said Zack Cooper, an expert. \u201CI worry that this is simply concessions.\u201D';
    expect(texts(paragraph)).toEqual([
      '\u201CThe administration appears to be giving ground,\u201D said Zack Cooper, an expert.',
      '\u201CI worry that this is simply concessions.\u201D',
    ]);
  });

  it('handles straight quotes like curly ones', () => {
    expect(texts('"We won. They lost," she said. It was over.')).toEqual(['"We won. They lost," she said.', 'It was over.']);
  });

  it('does not let a quotation left open swallow the paragraph', () => {
    expect(texts('\u201CThe talks went well. We expect more. Next week')).toEqual([
      '\u201CThe talks went well.',
      'We expect more.',
      'Next week',
    ]);
  });

  it('treats typographic apostrophes as letters, not quotes', () => {
    expect(texts('China\u2019s MSS was behind it. Washington\u2019s response paused.')).toEqual([
      'China\u2019s MSS was behind it.',
      'Washington\u2019s response paused.',
    ]);
  });

  it('does not split decimals or a stop followed by a lower-case word', () => {
    expect(texts('Shares rose 3.5 per cent. vs. last year they fell.')).toEqual(['Shares rose 3.5 per cent. vs. last year they fell.']);
  });

  it('prefers keeping two sentences together to cutting one in half when a stop is ambiguous', () => {
    // "U.S." may end a sentence, but cutting "U.S. | President" would misquote; merging never does.
    expect(texts('The sanctions came from the U.S. China responded. Talks resumed.')).toEqual([
      'The sanctions came from the U.S. China responded.',
      'Talks resumed.',
    ]);
  });

  it('keeps an ellipsis that trails into lower case inside its sentence', () => {
    expect(texts('He paused\u2026 and then went on. It ended.')).toEqual(['He paused\u2026 and then went on.', 'It ended.']);
  });

  it('keeps a closing bracket with the sentence it ends', () => {
    expect(texts('Alibaba denied it. (The memo was declassified.) Treasury said nothing.')).toEqual([
      'Alibaba denied it.',
      '(The memo was declassified.)',
      'Treasury said nothing.',
    ]);
  });

  it('returns nothing for blank text and trims surrounding whitespace', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('  One.  Two.  ')).toEqual([
      { text: 'One.', start: 2, end: 6 },
      { text: 'Two.', start: 8, end: 12 },
    ]);
  });

  it('always yields ordered, trimmed, non-overlapping exact slices covering every visible character', () => {
    const alphabet = fc.constantFrom('a', 'B', ' ', '.', '?', '!', '\u201C', '\u201D', '"', '\u2019', 'U.S.', 'Mr.', '\u00E9', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (paragraph) => {
        const sentences = splitSentences(paragraph);
        let previousEnd = 0;
        let covered = '';
        for (const sentence of sentences) {
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          expect(paragraph.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.text).toBe(sentence.text.trim());
          expect(sentence.text.length).toBeGreaterThan(0);
          previousEnd = sentence.end;
          covered += sentence.text;
        }
        expect(covered.replace(/\s/gu, '')).toBe(paragraph.replace(/\s/gu, ''));
      }),
    );
  });
});

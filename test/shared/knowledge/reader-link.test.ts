import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReaderSearch, readerPath, readerPathForQuote } from '../../../src/shared/knowledge/reader-link';

const searchOf = (path: string) => path.slice(path.indexOf('?'));

describe('reader links', () => {
  it('writes the article, paragraph and passage', () => {
    expect(readerPath('ft-us-halts-mss-sanctions', 4, { start: 10, end: 42 })).toBe(
      'reader/reader.html?article=ft-us-halts-mss-sanctions&p=4&q=10-42',
    );
    expect(readerPath('cnews', 0)).toBe('reader/reader.html?article=cnews&p=0');
    expect(readerPath('cnews')).toBe('reader/reader.html?article=cnews');
  });

  it('links a quote to its exact sentence when its offsets are known', () => {
    const quote = { text: 'x', articleId: 'a', publisher: 'P', paragraph: 2, start: 5, end: 9 };
    expect(readerPathForQuote(quote)).toBe('reader/reader.html?article=a&p=2&q=5-9');
    expect(readerPathForQuote({ text: 'x', articleId: 'a', publisher: 'P', paragraph: 2 })).toBe('reader/reader.html?article=a&p=2');
  });

  it('drops a passage that is empty, reversed or negative instead of writing it', () => {
    expect(readerPath('a', 1, { start: 9, end: 9 })).toBe('reader/reader.html?article=a&p=1');
    expect(readerPath('a', 1, { start: 9, end: 3 })).toBe('reader/reader.html?article=a&p=1');
    expect(readerPath('a', -1, { start: 0, end: 3 })).toBe('reader/reader.html?article=a');
  });

  it('reads back what it writes, for any id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 500 }), (id, p, start, length) => {
        const path = readerPath(id, p, { start, end: start + length });
        expect(parseReaderSearch(searchOf(path))).toEqual({ articleId: id, paragraph: p, passage: { start, end: start + length } });
      }),
    );
  });

  it('reads malformed parameters as absent', () => {
    expect(parseReaderSearch('')).toEqual({ articleId: null, paragraph: null, passage: null });
    expect(parseReaderSearch('?article=a&p=-1&q=3-1')).toEqual({ articleId: 'a', paragraph: null, passage: null });
    expect(parseReaderSearch('?article=a&p=1e3&q=x')).toEqual({ articleId: 'a', paragraph: null, passage: null });
    expect(parseReaderSearch('?article=a&p=2&q=4-')).toEqual({ articleId: 'a', paragraph: 2, passage: null });
    expect(parseReaderSearch('?article=a&q=1-4')).toEqual({ articleId: 'a', paragraph: null, passage: null });
  });
});

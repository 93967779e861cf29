import { describe, expect, it } from 'vitest';
import { PAGE_EVIDENCE_MAX_CHARS } from '../../../src/shared/constants';
import { PageEvidence } from '../../../src/shared/matcher/page-evidence';
import type { ContextTest } from '../../../src/shared/matcher/phrase-patterns';

/** A context test for one word, counting the blocks it reads. */
function word(text: string): ContextTest & { reads: number } {
  const test = { reads: 0, test: (block: string) => (test.reads++, block.includes(text)) };
  return test;
}

describe('PageEvidence', () => {
  it('makes context words the topic once they are in three blocks, more than the contrary signs', () => {
    const chips = { contextAnyOf: word('chip'), contextNoneOf: word('bookshop') };
    const evidence = new PageEvidence();
    evidence.add('A chip shortage.');
    evidence.add('The chip ships.');
    expect(evidence.isTopic(chips)).toBe(false);
    // This stub's test is case-sensitive: "Chip" is not its word.
    evidence.add('Chip exports.');
    expect(evidence.isTopic(chips)).toBe(false);
    evidence.add('Every chip counts.');
    expect(evidence.isTopic(chips)).toBe(true);
  });

  it('lets contrary signs outweigh the context', () => {
    const evidence = new PageEvidence();
    for (const text of ['chip one', 'chip two', 'chip three', 'bookshop one', 'bookshop chip', 'bookshop three']) evidence.add(text);
    expect(evidence.isTopic({ contextAnyOf: word('chip'), contextNoneOf: word('bookshop') })).toBe(true);
    evidence.add('bookshop four');
    expect(evidence.isTopic({ contextAnyOf: word('chip'), contextNoneOf: word('bookshop') })).toBe(false);
  });

  it('reads each block once per form, however often the page is weighed as it grows', () => {
    const words = { contextAnyOf: word('chip'), contextNoneOf: word('bookshop') };
    const evidence = new PageEvidence();
    for (let block = 0; block < 100; block++) {
      evidence.add(`Paragraph ${block} names nothing.`);
      expect(evidence.isTopic(words)).toBe(false);
    }
    expect(words.contextAnyOf.reads).toBe(100);
    expect(words.contextNoneOf.reads).toBe(100);
    // Another form reads the page from the start, once.
    const other = { contextAnyOf: word('spy'), contextNoneOf: null };
    evidence.isTopic(other);
    evidence.isTopic(other);
    expect(other.contextAnyOf.reads).toBe(100);
  });

  it('keeps each block once, and stops keeping at its cap', () => {
    const words = { contextAnyOf: word('chip'), contextNoneOf: null };
    const evidence = new PageEvidence();
    for (let copy = 0; copy < 5; copy++) evidence.add('The same chip headline.');
    expect(evidence.isTopic(words)).toBe(false);
    expect(words.contextAnyOf.reads).toBe(1);
    evidence.add('x'.repeat(PAGE_EVIDENCE_MAX_CHARS));
    evidence.add('A chip beyond the cap.');
    evidence.add('Another chip beyond the cap.');
    expect(evidence.isTopic(words)).toBe(false);
    expect(words.contextAnyOf.reads).toBe(2);
  });

  it('never makes a topic of a form without context words', () => {
    const evidence = new PageEvidence();
    evidence.add('anything');
    expect(evidence.isTopic({ contextAnyOf: null, contextNoneOf: word('x') })).toBe(false);
  });
});

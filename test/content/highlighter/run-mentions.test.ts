import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Piece } from '../../../src/content/highlighter/painted-mentions';
import { piecesOfEach, validMentions } from '../../../src/content/highlighter/run-mentions';
import type { TextRun } from '../../../src/content/highlighter/text-runs';
import type { Mention } from '../../../src/shared/matcher/types';

/** A run over stand-in text nodes: the functions under test only compare nodes by identity. */
function runOf(texts: readonly string[]): TextRun {
  return { nodes: texts.map((text) => ({ data: text }) as unknown as Text), texts: [...texts] };
}

/** The definition, one mention at a time: every node's part of text[start, end), empty parts left out. */
function piecesOfOne(run: TextRun, mention: Mention): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  run.texts.forEach((text, index) => {
    const start = Math.max(mention.start - offset, 0);
    const end = Math.min(mention.end - offset, text.length);
    if (end > start) pieces.push({ node: run.nodes[index] as Text, start, end, text: text.slice(start, end) });
    offset += text.length;
  });
  return pieces;
}

describe('piecesOfEach', () => {
  it('splits a name across the nodes it spans, and leaves out nodes it only touches', () => {
    const run = runOf(['Officials of ', 'Salt ', '', 'Typhoon', ' said ', 'Nvidia']);
    const mentions = [
      { start: 13, end: 25, entityId: 'salt-typhoon' },
      { start: 31, end: 37, entityId: 'nvidia' },
    ];
    const [salt, nvidia] = piecesOfEach(run, mentions);
    expect(salt!.map(({ node, start, end, text }) => [run.nodes.indexOf(node), start, end, text])).toEqual([
      [1, 0, 5, 'Salt '],
      [3, 0, 7, 'Typhoon'],
    ]);
    expect(nvidia!.map(({ node, text }) => [run.nodes.indexOf(node), text])).toEqual([[5, 'Nvidia']]);
  });

  it("reads each node's text a bounded number of times, however many mentions the run holds", () => {
    // One long paragraph of links: a thousand nodes, a name in every other one.
    const parts = Array.from({ length: 1000 }, (_, index) => (index % 2 === 0 ? 'Nvidia' : ', '));
    let reads = 0;
    const counted = new Proxy(parts, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const run: TextRun = { nodes: runOf(parts).nodes, texts: counted };
    const mentions = parts.flatMap((_, index) => (index % 2 === 0 ? [{ start: index * 4, end: index * 4 + 6, entityId: 'nvidia' }] : []));
    expect(piecesOfEach(run, mentions)).toHaveLength(500);
    expect(reads).toBeLessThanOrEqual(4 * (parts.length + mentions.length));
  });

  it('gives each mention the pieces it has on its own, over any run and any ordered mentions', () => {
    const texts = fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 12 });
    const spans = fc.array(fc.tuple(fc.nat(80), fc.nat(10)), { maxLength: 10 });
    fc.assert(
      fc.property(texts, spans, (parts, raw) => {
        const run = runOf(parts);
        const length = parts.join('').length;
        const sorted = raw.map(([start, size]) => ({ start, end: start + size, entityId: 'e' })).sort((a, b) => a.start - b.start);
        const mentions = validMentions(sorted, length);
        expect(piecesOfEach(run, mentions)).toEqual(mentions.map((mention) => piecesOfOne(run, mention)));
      }),
    );
  });
});

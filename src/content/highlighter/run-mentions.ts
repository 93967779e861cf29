/**
 * Where a run's mentions fall among its text nodes, and whether what is painted already says the
 * same: pure functions over a run and the matcher's offsets into its text.
 */
import type { Mention } from '../../shared/matcher/types';
import { isIntact, type PaintedMention, type Piece } from './painted-mentions';
import type { TextRun } from './text-runs';

/** Keeps only well-formed mentions: in range, non-empty, ordered and non-overlapping. */
export function validMentions(mentions: readonly Mention[], textLength: number): readonly Mention[] {
  // Most runs name nothing: no copy for them.
  if (mentions.length === 0) return mentions;
  const valid: Mention[] = [];
  let lastEnd = 0;
  for (const mention of mentions) {
    const { start, end, entityId } = mention;
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    if (start < lastEnd || end <= start || end > textLength || !entityId) continue;
    valid.push({ start, end, entityId });
    lastEnd = end;
  }
  return valid;
}

/**
 * The parts of each mention in the run's text nodes, in order: one pass over the nodes for all of
 * them, since `mentions` are ordered and non-overlapping (as validMentions leaves them). A run can
 * hold thousands of nodes and of mentions (one long paragraph of links): a pass per mention would
 * cost their product.
 */
export function piecesOfEach(run: TextRun, mentions: readonly Mention[]): Piece[][] {
  const { nodes, texts } = run;
  /** The first node that may hold the next mention, and where its text starts in the run's. */
  let first = 0;
  let firstOffset = 0;
  return mentions.map((mention) => {
    while (first < texts.length && firstOffset + (texts[first] as string).length <= mention.start) firstOffset += (texts[first++] as string).length;
    const pieces: Piece[] = [];
    for (let index = first, offset = firstOffset; index < texts.length && offset < mention.end; index++) {
      const text = texts[index] as string;
      const start = Math.max(mention.start - offset, 0);
      const end = Math.min(mention.end - offset, text.length);
      if (end > start) pieces.push({ node: nodes[index] as Text, start, end, text: text.slice(start, end) });
      offset += text.length;
    }
    return pieces;
  });
}

/** Whether every piece still holds the text it was found in. */
export function stillReads(pieces: readonly Piece[]): boolean {
  return pieces.every(({ node, start, end, text }) => node.isConnected && node.data.slice(start, end) === text);
}

/**
 * Whether what is painted is exactly what the run names now (`pieces`: piecesOfEach of
 * `mentions`), in the same places, and still intact.
 */
export function samePlaces(painted: readonly PaintedMention[], mentions: readonly Mention[], pieces: readonly Piece[][], run: TextRun): boolean {
  if (painted.length !== mentions.length) return false;
  const nodeStarts = new Map<Text, number>();
  let offset = 0;
  for (let index = 0; index < run.nodes.length; index++) {
    nodeStarts.set(run.nodes[index] as Text, offset);
    offset += (run.texts[index] as string).length;
  }
  // A painted mention's start as an offset into the run's text (-1 when it starts outside the run).
  const startIn = (mention: PaintedMention) => {
    const nodeStart = nodeStarts.get(mention.from.node);
    return nodeStart === undefined ? -1 : nodeStart + mention.from.offset;
  };
  const sorted = [...painted].sort((a, b) => startIn(a) - startIn(b));
  return mentions.every((mention, index) => {
    const old = sorted[index];
    if (!old || old.entityId !== mention.entityId || !isIntact(old)) return false;
    const its = pieces[index] ?? [];
    const first = its[0];
    const last = its[its.length - 1];
    return old.from.node === first?.node && old.from.offset === first.start && old.to.node === last?.node && old.to.offset === last.end;
  });
}

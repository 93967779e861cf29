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

/** The parts of a mention in each of the run's text nodes, in order. */
export function piecesOf(run: TextRun, mention: Mention): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (let index = 0; index < run.nodes.length && offset < mention.end; index++) {
    const text = run.texts[index] as string;
    const nodeEnd = offset + text.length;
    if (nodeEnd > mention.start) {
      const start = Math.max(mention.start - offset, 0);
      const end = Math.min(mention.end - offset, text.length);
      if (end > start) pieces.push({ node: run.nodes[index] as Text, start, end, text: text.slice(start, end) });
    }
    offset = nodeEnd;
  }
  return pieces;
}

/** Whether what is painted is exactly what the run names now, in the same places, and still intact. */
export function samePlaces(painted: readonly PaintedMention[], mentions: readonly Mention[], run: TextRun): boolean {
  if (painted.length !== mentions.length) return false;
  const sorted = [...painted].sort((a, b) => startIn(run, a) - startIn(run, b));
  return mentions.every((mention, index) => {
    const old = sorted[index];
    if (!old || old.entityId !== mention.entityId || !isIntact(old)) return false;
    const pieces = piecesOf(run, mention);
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    return (
      first !== undefined && last !== undefined &&
      old.from.node === first.node && old.from.offset === first.start &&
      old.to.node === last.node && old.to.offset === last.end
    );
  });
}

/** A painted mention's start as an offset into the run's text (-1 when it starts outside the run). */
function startIn(run: TextRun, mention: PaintedMention): number {
  let offset = 0;
  for (let index = 0; index < run.nodes.length; index++) {
    if (run.nodes[index] === mention.from.node) return offset + mention.from.offset;
    offset += (run.texts[index] as string).length;
  }
  return -1;
}

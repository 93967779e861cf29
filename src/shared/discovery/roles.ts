/**
 * Titles and roles before names: "Ranking Member", "Prime Minister", "Secretary of Commerce".
 * They are cut off a run of capitalised words so the name stands alone, and the name is marked
 * as titled (a person cue).
 */
import { isRole } from './name-shape';
import type { Token } from './tokens';
import { INSTITUTION_HEADS, ROLE_TAIL_WORDS } from './word-lists';

/** Words that are roles only before another role word ("Prime Minister", "Crown Prince"); "Prime" alone is Amazon's. */
const ROLE_PREFIXES = new Set(['prime', 'crown', 'vice', 'acting', 'deputy', 'general', 'attorney', 'surgeon', 'press']);
const lower = (token: Token): string => token.text.toLowerCase().replace(/\.$/u, '');

/**
 * Titles and roles are kept apart from names: "U.S. President Donald Trump" → "U.S." and
 * "Donald Trump"; "Ranking Member Raja Krishnamoorthi" → "Raja Krishnamoorthi". A role word
 * counts as a role only when a capitalised word follows it, so "Burger King" stays whole.
 */
export function splitAtRoles(tokens: readonly Token[], start: number, end: number): Array<{ start: number; end: number; titled: boolean }> {
  const pieces: Array<{ start: number; end: number; titled: boolean }> = [];
  let pieceStart = start;
  let k = start;
  while (k < end) {
    const roleEnd = roleRunEnd(tokens, k, end);
    if (roleEnd > k && roleEnd < end) {
      if (k > pieceStart) pieces.push({ start: pieceStart, end: k, titled: false });
      pieceStart = roleEnd;
      k = roleEnd;
      pieces.push({ start: -1, end: -1, titled: true });
      continue;
    }
    k++;
  }
  if (pieceStart < end) pieces.push({ start: pieceStart, end, titled: false });
  // A piece right after a role run is titled; the marker pieces themselves go.
  const out: Array<{ start: number; end: number; titled: boolean }> = [];
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    if (piece.start < 0) continue;
    out.push({ ...piece, titled: p > 0 && pieces[p - 1]!.start < 0 });
  }
  return out;
}

/** End of a run of role words at tokens[k] ("Prime Minister", "Secretary of Commerce"), or k. */
function roleRunEnd(tokens: readonly Token[], k: number, end: number): number {
  let r = k;
  while (
    r < end &&
    (isRole(tokens[r]!.text) ||
      (r > k && ROLE_TAIL_WORDS.has(lower(tokens[r]!))) ||
      (ROLE_PREFIXES.has(lower(tokens[r]!)) && r + 1 < end && isRole(tokens[r + 1]!.text)))
  ) {
    r++;
  }
  if (r === k) return k;
  // "Secretary of Commerce Gina Raimondo": the office the role is "of" belongs to the role.
  if (r + 1 < end && tokens[r]!.text === 'of' && r + 2 < end) r += 2;
  // A role only before a name: the word after must be capitalised and not a joiner.
  // "Justice Department", "Member States": before an institution word the role word is part of a name.
  const next = r < end ? tokens[r] : undefined;
  return next && (next.capitalised || next.acronym) && !INSTITUTION_HEADS.has(lower(next)) ? r : k;
}

/**
 * Scans blocks of one page: one pass of the form finder per block, then, only where it hits,
 * the catalog's rules decide whether the hit names the entity.
 *
 * Names are resolved with the whole page in view, the way entity linkers do. A short form
 * ("Xi" in a headline) whose full name has not been seen yet, and an ambiguous form ("MSS")
 * without context in its paragraph and no contrary sign there, are held back and noted as
 * pending. `settle()` then weighs the page's evidence: a full name anywhere on the page, or the
 * entity's context words in several blocks of it (its topic). When that unlocks a pending
 * entity, the caller reads again the blocks that held something back, and those forms count.
 */
import type { Mention, PageMatcher } from './types';
import { type FormVariant, formKey } from './catalog-variants';
import type { CompiledCatalog } from './compiled-catalog';
import { CONTEXT_WINDOW_CHARS } from '../constants';
import { PageEvidence } from './page-evidence';
import { precededByTitle, precedingWordAllows } from './preceding-word';
import { codePointLength, foldSeparators, isApostrophe, isHyphen, isSpace, isWordChar } from './text-classes';

/** Returned for every block without a mention, so the common case allocates nothing. Never mutate it. */
const NO_MENTIONS: Mention[] = Object.freeze([]) as unknown as Mention[];

/** How an accepted hit names its entity: fully (later short forms may count) or not. */
type Verdict = 'names-fully' | 'names' | 'rejected';

interface Resolution {
  end: number;
  variant: FormVariant;
  namesFully: boolean;
}

export function createPageMatcher(compiled: CompiledCatalog): PageMatcher {
  /** Entities whose full name has appeared on this page, in scan order. */
  const seenFullName = new Set<string>();
  /** Entities whose context words run through the page: its ambiguous forms count without local context. */
  const pageTopic = new Set<string>();
  /** Forms held back for want of page evidence, by entity (short forms) or by variant (ambiguous forms). */
  const pendingShort = new Set<string>();
  const pendingAmbiguous = new Map<string, FormVariant>();
  /** The page's blocks so far, for weighing a topic. */
  const evidence = new PageEvidence();
  /** Whether the block being scanned held a form back (see heldBack()). */
  let heldBackHere = false;
  const isCatalogName = (lowerCaseWord: string) => compiled.variants.hasKey(lowerCaseWord);

  function scanBlock(text: string): Mention[] {
    const { finder } = compiled;
    heldBackHere = false;
    evidence.add(text);
    if (!finder.find(text, 0)) return NO_MENTIONS;
    let mentions: Mention[] | null = null;
    let found = true;
    while (found) {
      const start = finder.hitStart;
      const resolution = resolveHit(text, start, finder.hitEnd);
      let next: number;
      if (resolution === null) {
        // Another form may start inside the rejected one ("Donald Trump Jr." → "Trump").
        next = start + codePointLength(text.codePointAt(start) ?? 0);
      } else {
        (mentions ??= []).push({ start, end: resolution.end, entityId: resolution.variant.entry.id });
        if (resolution.namesFully) seenFullName.add(resolution.variant.entry.id);
        next = resolution.end;
      }
      found = finder.find(text, next);
    }
    return mentions ?? NO_MENTIONS;
  }

  /** The longest form at `start` (up to `end`) whose rules accept it, or null. */
  function resolveHit(text: string, start: number, end: number): Resolution | null {
    const { variants } = compiled;
    for (let candidateEnd = end; candidateEnd > start; candidateEnd = previousWordEnd(text, start, candidateEnd)) {
      const key = formKey(text.slice(start, candidateEnd));
      for (const variant of variants.variantsFor(key)) {
        const verdict = judge(variant, text, start, candidateEnd, false);
        if (verdict !== 'rejected') return { end: candidateEnd, variant, namesFully: verdict === 'names-fully' };
      }
      if (!key.endsWith('s')) continue;
      for (const variant of variants.variantsFor(key.slice(0, -1))) {
        if (!variant.entry.plural) continue;
        const verdict = judge(variant, text, start, candidateEnd, true);
        if (verdict !== 'rejected') return { end: candidateEnd, variant, namesFully: verdict === 'names-fully' };
      }
    }
    return null;
  }

  /** Whether text[start, end) names the variant's entity, checking cheap rules first. */
  function judge(variant: FormVariant, text: string, start: number, end: number, plural: boolean): Verdict {
    const { entry, kind } = variant;
    if (!caseRuleHolds(variant, text.slice(start, plural ? end - 1 : end))) return 'rejected';
    const titled = kind === 'short' && !seenFullName.has(entry.id) && precededByTitle(text, start, entry);
    if (variant.notPossessive && isApostrophe(text[end])) return 'rejected';
    if (entry.notFollowedBy?.at(text, end) === true) return 'rejected';
    if (entry.notPrecededBy?.at(text, start) === true) return 'rejected';
    if (kind === 'full') return 'names-fully';
    if (!precedingWordAllows(text, start, entry, isCatalogName)) return 'rejected';
    if (kind === 'short') {
      if (titled) return 'names-fully';
      if (seenFullName.has(entry.id)) return 'names';
      // Its full name may come later on the page (a headline before the body).
      pendingShort.add(entry.id);
      heldBackHere = true;
      return 'rejected';
    }
    return contextAllows(variant, text, start, end) ? 'names' : 'rejected';
  }

  function contextAllows(variant: FormVariant, text: string, start: number, end: number): boolean {
    const window = contextWindow(text, start, end);
    // A contrary sign nearby always wins, whatever the rest of the page says.
    if (variant.contextNoneOf !== null && variant.contextNoneOf.test(window)) return false;
    const { id } = variant.entry;
    if (seenFullName.has(id) || pageTopic.has(id)) return true;
    if (variant.contextAnyOf !== null && variant.contextAnyOf.test(window)) return true;
    pendingAmbiguous.set(id, variant);
    heldBackHere = true;
    return false;
  }

  function settle(): boolean {
    let unlocked = false;
    for (const id of pendingShort) {
      if (!seenFullName.has(id)) continue;
      pendingShort.delete(id);
      unlocked = true;
    }
    for (const [id, variant] of pendingAmbiguous) {
      if (!seenFullName.has(id) && !evidence.isTopic(variant)) continue;
      if (!seenFullName.has(id)) pageTopic.add(id);
      pendingAmbiguous.delete(id);
      unlocked = true;
    }
    return unlocked;
  }

  return {
    scanBlock,
    heldBack: () => heldBackHere,
    settle,
  };
}

function caseRuleHolds(variant: FormVariant, matched: string): boolean {
  if (variant.caseRule === 'any') return true;
  const folded = foldSeparators(matched);
  if (folded === variant.form) return true;
  return variant.caseRule === 'title-or-upper' && folded === variant.form.toUpperCase();
}

/**
 * End of the longest shorter prefix of text[start, end) that ends a word before a separator,
 * or `start` when there is none ("Salt Typhoon" → "Salt").
 */
function previousWordEnd(text: string, start: number, end: number): number {
  let index = end - 1;
  while (index > start && !isSeparator(text[index])) index--;
  while (index > start && isSeparator(text[index - 1])) index--;
  return index;
}

function isSeparator(char: string | undefined): boolean {
  return isSpace(char) || isHyphen(char);
}

/**
 * The text around a hit that may carry its context: the block (a paragraph), but no more than
 * CONTEXT_WINDOW_CHARS either side when the block is long, widened to whole words so a cut
 * never makes a context word out of part of a longer one.
 */
function contextWindow(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_WINDOW_CHARS);
  let to = Math.min(text.length, end + CONTEXT_WINDOW_CHARS);
  while (from > 0 && isWordChar(text[from - 1])) from--;
  while (to < text.length && isWordChar(text[to])) to++;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

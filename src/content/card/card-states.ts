/**
 * The card's states and what moves it between them, as one pure function after Wikipedia's Page
 * Previews (src/reducers/preview.js): `transition(state, input)` returns the next state and the
 * effects, plain data, that the DOM layer (card-controller.ts) carries out. Nothing here touches
 * the page, a timer or the browser, so every rule is tested with plain objects.
 *
 * Two machines run side by side, since a hover can be under way while a card shows:
 * - the card: closed, or shown for one mention (loading until its knowledge arrives); a card opened
 *   by hover closes when the pointer leaves, one pinned by a tap, the keyboard or the API closes
 *   when the reader moves on;
 * - the hover: idle, dwelling on a mention (its card opens when the dwell elapses; a fast sweep
 *   starts the dwell over), or closing (the pointer left mention and card; a hover-opened card
 *   closes when the grace runs out, unless the pointer comes back first).
 *
 * One reducer with its types, kept whole so every transition reads in one place: a little past
 * the 300-line guide.
 */
import type { EntityKnowledge } from '../../shared/knowledge/types';
import { CARD_CLOSE_DELAY_MS, CARD_HOST_MAX_REATTACH, CARD_OPEN_DELAY_MS, HOVER_INTENT_MAX_SPEED_PX_PER_MS } from '../../shared/constants';
import type { ColorScheme } from './palette';

/** A mention as the states see it: one is told from another by identity, and belongs to an entity. */
export interface Mention {
  readonly entityId: string;
}

/** How the card was opened decides what closes it: only a hover-opened card closes when the pointer leaves. */
export type OpenedBy = 'hover' | 'tap' | 'keyboard' | 'api';

/** Where the mouse is, as far as the card cares. */
export type PointerZone = 'mention' | 'card' | 'page';

export interface Shown<M extends Mention> {
  mention: M;
  openedBy: OpenedBy;
  /** Names the card while it loads, and when nothing is known. */
  name: string;
  loading: boolean;
}

export interface CardState<M extends Mention> {
  shown: Shown<M> | null;
  /** The mention a dwell runs for, and whether the close delay runs. */
  dwell: M | null;
  closing: boolean;
  pointer: PointerZone;
  hovered: M | null;
  /** A touch that opened a card; its click must not also follow the link around the mention. */
  tapped: M | null;
  /** Where focus was before the card took it (an element, to the DOM layer); Escape returns it there. */
  focusOrigin: object | null;
  /** Bumped by every open and close; a load answering an older one belongs to a stale interaction. */
  interaction: number;
  /** Times the page took our host out of the document while we used it. */
  hostRemovals: number;
  dwellMs: number;
}

/** What the DOM layer reads of the page for an open; what it means is decided here. */
export interface Opening<M extends Mention> {
  mention: M;
  /** The mention's text is still in the document; the page took our host out since we last put it in. */
  connected: boolean;
  hostRemoved: boolean;
  /** The host must move to be seen (first open, fullscreen, a modal dialog). */
  hostMoves: boolean;
  /** The page's palette, read before our first write while its style is up to date. */
  scheme: ColorScheme;
  name: string;
  /** Knowledge fetched before: the card shows it at once. */
  knowledge: EntityKnowledge | undefined;
}

export type CardInput<M extends Mention> =
  /** The frame's hit test. A held button or a selection counts as the page: no card for a drag. */
  | { type: 'pointer'; zone: 'mention'; mention: M; speed: number }
  | { type: 'pointer'; zone: 'card' | 'page' }
  /** A press outside the card that is no tap on a mention. */
  | { type: 'press'; mouse: boolean }
  | { type: 'tap'; opening: Opening<M> }
  | { type: 'click'; x: number; y: number }
  | { type: 'dwellElapsed'; opening: Opening<M> }
  | { type: 'closeElapsed' }
  | { type: 'open'; opening: Opening<M> }
  /** Next, previous or the popup's "show me this one": `focusOutside` is the focus the card takes, if not its own. */
  | { type: 'reveal'; opening: Opening<M>; focusOutside: object | null }
  | { type: 'loaded'; interaction: number; knowledge: EntityKnowledge | null }
  /** Focus went to the page outside the card; `aroundMention` when to an element holding the shown mention. */
  | { type: 'focusIn'; aroundMention: boolean }
  | { type: 'escape'; focusInCard: boolean }
  /** Tab without modifiers other than Shift; `atFirst`/`atLast` when focus is on the card's first/last button. */
  | { type: 'tab'; backwards: boolean; atFirst: boolean; atLast: boolean }
  | { type: 'dismiss'; focusInCard: boolean } // the card's close button
  | { type: 'close' }
  | { type: 'fullscreenChanged' }
  | { type: 'setHoverDelay'; ms: number };

export type CardContent = { kind: 'loading'; name: string } | { kind: 'knowledge'; knowledge: EntityKnowledge } | { kind: 'missing'; name: string };

export type CardEffect<M extends Mention> =
  | { type: 'startDwell'; mention: M; ms: number }
  | { type: 'cancelDwell' }
  | { type: 'startCloseDelay'; ms: number }
  | { type: 'cancelCloseDelay' }
  /** Fetch while the pointer dwells (as Page Previews does), so the card opens with its content. */
  | { type: 'prefetch'; entityId: string }
  | { type: 'warmUp'; mention: M }
  /** The host goes where this mention's card can be seen (the card is built first if need be). */
  | { type: 'attach'; mention: M }
  /** The host goes where a card for no mention in particular can be seen. */
  | { type: 'reattach' }
  | { type: 'paintActive'; mention: M | null }
  | { type: 'render'; content: CardContent }
  | { type: 'show'; scheme: ColorScheme }
  /** Loads the knowledge and answers with `loaded` for this interaction. */
  | { type: 'fetch'; entityId: string; interaction: number }
  | { type: 'anchor'; mention: M }
  | { type: 'hide' }
  /** Scrolls the mention into view if it is off screen. */
  | { type: 'scrollTo'; mention: M }
  | { type: 'focusCard' }
  | { type: 'returnFocus'; origin: object | null }
  /** Focus moves to what follows the mention in tab order, if anything does, instead of Tab's default. */
  | { type: 'focusAfter'; mention: M }
  /** The click at this point, if it lands on the tapped mention inside a link, must not follow the link. */
  | { type: 'blockLinkClick'; mention: M; x: number; y: number }
  | { type: 'preventDefault' }
  /** The event is ours: no default, and the page does not hear it. */
  | { type: 'claimEvent' };

export function initialCardState<M extends Mention>(): CardState<M> {
  return {
    shown: null, dwell: null, closing: false, pointer: 'page', hovered: null, tapped: null,
    focusOrigin: null, interaction: 0, hostRemovals: 0, dwellMs: CARD_OPEN_DELAY_MS,
  };
}

/** A page that keeps removing our host gets it back a bounded number of times, then no more cards. */
export function givenUpOnHost(state: CardState<Mention>): boolean {
  return state.hostRemovals > CARD_HOST_MAX_REATTACH;
}

export function transition<M extends Mention>(state: CardState<M>, input: CardInput<M>): { state: CardState<M>; effects: CardEffect<M>[] } {
  const effects: CardEffect<M>[] = [];
  return { state: apply(state, input, effects), effects };
}

/** Transitions push their effects onto `out`, in the order the DOM layer is to run them. */
type Out<M extends Mention> = CardEffect<M>[];

function apply<M extends Mention>(s: CardState<M>, input: CardInput<M>, out: Out<M>): CardState<M> {
  switch (input.type) {
    case 'pointer':
      return input.zone === 'mention' ? pointerOnMention(s, input.mention, input.speed, out) : pointerAway(s, input.zone, out);
    case 'press': {
      // A mouse press is a click or the start of a selection, never a hover: a dwell under way is
      // dropped, and the pointer must move over a name again, button up, for one to start.
      const pressed = input.mouse ? { ...stopHover(s, out), pointer: 'page' as const, hovered: null } : s;
      return pressed.shown ? close(pressed, out) : pressed;
    }
    case 'tap': {
      // A touch has no hover: the first tap opens the card; a tap on a mention whose card is
      // already showing is left alone, so a second tap follows a link around it.
      const already = s.shown?.mention === input.opening.mention;
      const tapped = { ...s, tapped: already ? null : input.opening.mention };
      return already ? tapped : open(tapped, input.opening, 'tap', out);
    }
    case 'click':
      if (s.tapped) out.push({ type: 'blockLinkClick', mention: s.tapped, x: input.x, y: input.y });
      return { ...s, tapped: null };
    case 'dwellElapsed':
      // A dwell on another mention started meanwhile: this one's end opens nothing.
      return s.dwell !== null && s.dwell === input.opening.mention ? open({ ...s, dwell: null }, input.opening, 'hover', out) : s;
    case 'closeElapsed':
      return s.shown?.openedBy === 'hover' ? close({ ...s, closing: false }, out) : { ...s, closing: false };
    case 'open':
      return open(s, input.opening, 'api', out);
    case 'reveal':
      return reveal(s, input.opening, input.focusOutside, out);
    case 'loaded':
      return loaded(s, input.interaction, input.knowledge, out);
    case 'focusIn': {
      // A tap or click focuses the link around the mention first: that is not moving away.
      if (s.shown && input.aroundMention) return s;
      const moved = { ...s, focusOrigin: null };
      const leaves = moved.shown && (moved.shown.openedBy !== 'hover' || moved.pointer === 'page');
      return leaves ? close(moved, out) : moved;
    }
    case 'escape': {
      if (!s.shown) return s;
      const dismissed = dismiss(s, input.focusInCard, out);
      // Focus was not ours: the page still sees its Escape.
      if (input.focusInCard) out.push({ type: 'claimEvent' });
      return dismissed;
    }
    case 'tab':
      return tab(s, input.backwards, input.atFirst, input.atLast, out);
    case 'dismiss':
      return dismiss(s, input.focusInCard, out);
    case 'close':
      return close(s, out);
    case 'fullscreenChanged': {
      // The host must move in or out of the fullscreen element; the card reopens on the next hover.
      const closed = s.shown ? close(s, out) : s;
      out.push({ type: 'reattach' });
      return closed;
    }
    case 'setHoverDelay':
      return { ...s, dwellMs: Number.isFinite(input.ms) && input.ms >= 0 ? input.ms : CARD_OPEN_DELAY_MS };
  }
}

// --- Hover -----------------------------------------------------------------------------------

function pointerOnMention<M extends Mention>(s: CardState<M>, mention: M, speed: number, out: Out<M>): CardState<M> {
  const previous = s.hovered;
  const moved = { ...s, pointer: 'mention' as const, hovered: mention };
  if (mention === previous) {
    // A fast move is a pass-through, so the dwell starts over. Moves never start a dwell by
    // themselves: after Escape the pointer must leave and come back.
    return speed >= HOVER_INTENT_MAX_SPEED_PX_PER_MS && moved.dwell ? startDwell(moved, moved.dwell, out) : moved;
  }
  out.push({ type: 'prefetch', entityId: mention.entityId }, { type: 'warmUp', mention });
  const staying = cancelClose(moved, out);
  if (staying.shown?.mention === mention) return cancelDwell(staying, out);
  // The pieces of a split name are one mention: moving between them keeps the dwell running.
  return staying.dwell === mention ? staying : startDwell(staying, mention, out);
}

function pointerAway<M extends Mention>(s: CardState<M>, zone: 'card' | 'page', out: Out<M>): CardState<M> {
  const previous = s.pointer;
  const moved = { ...s, pointer: zone, hovered: null };
  if (zone === 'card') return previous === 'card' ? moved : stopHover(moved, out);
  if (previous === 'page') return moved;
  // Off both mention and card: a grace period to cross the gap between them, not extended by further moves.
  const left = cancelDwell(moved, out);
  if (left.closing) return left;
  out.push({ type: 'startCloseDelay', ms: CARD_CLOSE_DELAY_MS });
  return { ...left, closing: true };
}

function startDwell<M extends Mention>(s: CardState<M>, mention: M, out: Out<M>): CardState<M> {
  const cancelled = cancelDwell(s, out);
  out.push({ type: 'startDwell', mention, ms: s.dwellMs });
  return { ...cancelled, dwell: mention };
}

function cancelDwell<M extends Mention>(s: CardState<M>, out: Out<M>): CardState<M> {
  if (!s.dwell) return s;
  out.push({ type: 'cancelDwell' });
  return { ...s, dwell: null };
}

function cancelClose<M extends Mention>(s: CardState<M>, out: Out<M>): CardState<M> {
  if (!s.closing) return s;
  out.push({ type: 'cancelCloseDelay' });
  return { ...s, closing: false };
}

/** Forgets whatever the hover had pending (the card was closed, or opened some other way). */
function stopHover<M extends Mention>(s: CardState<M>, out: Out<M>): CardState<M> {
  return cancelClose(cancelDwell(s, out), out);
}

// --- The card --------------------------------------------------------------------------------

function open<M extends Mention>(s: CardState<M>, opening: Opening<M>, openedBy: OpenedBy, out: Out<M>): CardState<M> {
  const { mention } = opening;
  if (!opening.connected || s.shown?.mention === mention) return s;
  let next = stopHover(s, out);
  next = { ...next, hostRemovals: next.hostRemovals + (opening.hostRemoved ? 1 : 0) };
  if (givenUpOnHost(next)) return next;
  out.push({ type: 'attach', mention });
  // Moving the host takes its popover out of the top layer: open afresh in the new place.
  if (opening.hostMoves && next.shown) next = close(next, out);
  out.push({ type: 'paintActive', mention });
  if (next.shown?.mention.entityId === mention.entityId) {
    // Another mention of the same entity: the content stands, only the anchor moves.
    out.push({ type: 'anchor', mention });
    return { ...next, shown: { ...next.shown, mention, openedBy } };
  }
  const interaction = next.interaction + 1;
  const { knowledge, name } = opening;
  out.push({ type: 'render', content: knowledge ? { kind: 'knowledge', knowledge } : { kind: 'loading', name } });
  out.push({ type: 'show', scheme: opening.scheme });
  if (!knowledge) out.push({ type: 'fetch', entityId: mention.entityId, interaction });
  out.push({ type: 'anchor', mention });
  return { ...next, interaction, shown: { mention, openedBy, name, loading: !knowledge } };
}

function loaded<M extends Mention>(s: CardState<M>, interaction: number, knowledge: EntityKnowledge | null, out: Out<M>): CardState<M> {
  // A late answer from a stale hover is dropped: the card has closed or moved on since.
  if (!s.shown || interaction !== s.interaction) return s;
  out.push({ type: 'render', content: knowledge ? { kind: 'knowledge', knowledge } : { kind: 'missing', name: s.shown.name } });
  return { ...s, shown: { ...s.shown, loading: false } };
}

function close<M extends Mention>(s: CardState<M>, out: Out<M>): CardState<M> {
  const stopped = stopHover(s, out);
  out.push({ type: 'hide' });
  if (stopped.shown) out.push({ type: 'paintActive', mention: null });
  return { ...stopped, shown: null, tapped: null, interaction: stopped.interaction + 1 };
}

// --- Focus -----------------------------------------------------------------------------------

function reveal<M extends Mention>(s: CardState<M>, opening: Opening<M>, focusOutside: object | null, out: Out<M>): CardState<M> {
  if (!opening.connected) return s;
  out.push({ type: 'scrollTo', mention: opening.mention });
  const opened = open({ ...s, focusOrigin: s.focusOrigin ?? focusOutside }, opening, 'keyboard', out);
  // The card is a non-modal dialog: focus goes in, so a screen reader announces it.
  out.push({ type: 'focusCard' });
  return opened;
}

/** Escape or the close button: close, and give focus back if the card had it. */
function dismiss<M extends Mention>(s: CardState<M>, focusInCard: boolean, out: Out<M>): CardState<M> {
  const closed = close(s, out);
  if (!focusInCard) return closed;
  out.push({ type: 'returnFocus', origin: closed.focusOrigin });
  return { ...closed, focusOrigin: null };
}

/** The card is not in the page's tab order; Tab from its last button continues after the mention. */
function tab<M extends Mention>(s: CardState<M>, backwards: boolean, atFirst: boolean, atLast: boolean, out: Out<M>): CardState<M> {
  if (!s.shown) return s;
  if (backwards && atFirst) {
    out.push({ type: 'preventDefault' });
    return dismiss(s, true, out);
  }
  if (!backwards && atLast) out.push({ type: 'focusAfter', mention: s.shown.mention });
  return s;
}

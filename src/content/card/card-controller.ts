/**
 * The card's wiring to the page: DOM events become the inputs of card-states.ts, where every
 * decision is made, and card-effects.ts carries out the effects it returns. Data goes one way:
 * event, input, transition, effects, DOM. Mentions are painted ranges, not elements, so no event
 * names them: the pointer is hit-tested at most once a frame (see hit-test.ts), and every listener
 * is delegated on the document in the capture phase, passive where it never cancels.
 *
 * No card opens while a mouse button is held or text is selected, so a drag that starts on a name
 * selects exactly what it would without us.
 */
import type { PaintedMention } from '../highlighter';
import { createCardEffects, type CardDeps } from './card-effects';
import { givenUpOnHost, initialCardState, transition, type CardInput, type Opening } from './card-states';
import { PointerSpeed } from './hover-intent';
import { neighbourMention } from './navigation';

export type { CardDeps } from './card-effects';

export interface CardController {
  /** Closes the card, removes the host element and every listener. */
  destroy(): void;
  /** Moves to the next visible mention on the page (wrapping) and opens its card, which takes focus. */
  next(): void;
  /** Moves to the previous visible mention on the page (wrapping) and opens its card. */
  previous(): void;
  /** Opens the card for a mention now; resolves once its content is shown (or the open was superseded). */
  open(mention: PaintedMention): Promise<void>;
  /**
   * What next/previous do for one chosen mention (the popup's "show me this one"): scrolls it into
   * view if it is off screen and opens its card with focus in it. Escape returns focus.
   */
  reveal(mention: PaintedMention): Promise<void>;
  close(): void;
  isOpen(): boolean;
  /** Changes the hover dwell (the options page's setting). */
  setHoverDelay(ms: number): void;
  /** Drops the knowledge fetched so far (the library changed); the next open asks again. */
  forgetKnowledge(): void;
}

export function createCardController(deps: CardDeps): CardController {
  const doc = document;
  let listeners = new AbortController();
  const speed = new PointerSpeed();
  let state = initialCardState<PaintedMention>();
  const dom = createCardEffects(doc, deps, (input) => dispatch(input));
  /** The pointer's latest position, hit-tested on the next frame (one test per frame at most). */
  let pointerAt: { x: number; y: number; onCard: boolean; speed: number } | null = null;
  let frame = 0;
  let destroyed = false;

  /** `event` is the one being handled, for effects that cancel it. */
  function dispatch(input: CardInput<PaintedMention>, event?: Event): void {
    if (destroyed) return;
    if (input.type === 'dwellElapsed' && frame !== 0) {
      // The dwell ends inside a frame whose hit test may not have run yet: a pointer that moved
      // off the mention just before the dwell was over must be found gone first.
      cancelAnimationFrame(frame);
      hitTest();
    }
    const next = transition(state, input);
    // Settled before any effect runs: an effect that causes an input of its own (focus moving, an
    // anchor lost at once) starts from the new state.
    state = next.state;
    for (const effect of next.effects) dom.perform(effect, event);
  }

  /** What open() and reveal() hand back: nothing to wait for when the open was turned away. */
  function settled(opening: Opening<PaintedMention>, wasShowing: boolean): Promise<void> {
    return opening.connected && (wasShowing || !givenUpOnHost(state)) ? dom.ready() : Promise.resolve();
  }

  function open(mention: PaintedMention): Promise<void> {
    if (destroyed) return Promise.resolve();
    const wasShowing = state.shown?.mention === mention;
    const opening = dom.opening(mention);
    dispatch({ type: 'open', opening });
    return settled(opening, wasShowing);
  }

  async function reveal(mention: PaintedMention): Promise<void> {
    if (destroyed) return;
    const wasShowing = state.shown?.mention === mention;
    const active = dom.activeElement();
    const opening = dom.opening(mention);
    dispatch({ type: 'reveal', opening, focusOutside: dom.isCard(active) ? null : (active ?? doc.body) });
    await settled(opening, wasShowing);
  }

  function step(direction: 1 | -1): void {
    if (destroyed) return;
    const target = neighbourMention(deps.mentions(), state.shown?.mention ?? null, direction);
    if (target) void reveal(target);
  }

  // --- Delegated listeners -------------------------------------------------------------------

  /** One hit test per frame, on the latest pointer position. */
  function hitTestSoon(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(hitTest);
  }

  function hitTest(): void {
    frame = 0;
    const at = pointerAt;
    if (!at || destroyed) return;
    const mention = at.onCard ? undefined : dom.mentionAtPointer(at.x, at.y);
    if (mention) dispatch({ type: 'pointer', zone: 'mention', mention, speed: at.speed });
    else dispatch({ type: 'pointer', zone: at.onCard ? 'card' : 'page' });
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType !== 'mouse') return;
    // Nothing painted, no card, no dwell: the move would only be found to be over the page, where
    // the state says the pointer is already. Most pages name nothing, and a hit test asks the
    // browser for a layout on every frame the mouse moves.
    if (!deps.hasMentions() && state.shown === null && state.dwell === null && state.pointer === 'page') {
      pointerAt = null;
      speed.reset();
      return;
    }
    const pxPerMs = speed.sample(event.clientX, event.clientY, event.timeStamp);
    // A held button is a drag or a selection in the making: no card, and no test.
    const selecting = event.buttons !== 0 || !(doc.getSelection()?.isCollapsed ?? true);
    const onCard = dom.isCard(originalTarget(event));
    if (selecting && !onCard) {
      pointerAt = null;
      dispatch({ type: 'pointer', zone: 'page' });
      return;
    }
    pointerAt = { x: event.clientX, y: event.clientY, onCard, speed: pxPerMs };
    hitTestSoon();
  }

  function onPointerOut(event: PointerEvent): void {
    // Leaving the window: no pointerover follows, so this is the only sign the pointer has gone.
    if (event.pointerType !== 'mouse' || event.relatedTarget !== null) return;
    pointerAt = null;
    dispatch({ type: 'pointer', zone: 'page' });
    speed.reset();
  }

  function onPointerDown(event: PointerEvent): void {
    if (dom.isCard(originalTarget(event))) return;
    const mouse = event.pointerType === 'mouse';
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      const mention = dom.mentionAtPointer(event.clientX, event.clientY);
      if (mention) {
        dispatch({ type: 'tap', opening: dom.opening(mention) });
        return;
      }
    }
    // A mouse press also drops the hit test waiting for the next frame.
    if (mouse) pointerAt = null;
    dispatch({ type: 'press', mouse });
  }

  function onClick(event: MouseEvent): void {
    dispatch({ type: 'click', x: event.clientX, y: event.clientY }, event);
  }

  function onFocusIn(event: FocusEvent): void {
    const target = originalTarget(event);
    if (dom.isCard(target)) return;
    const shown = state.shown?.mention;
    dispatch({ type: 'focusIn', aroundMention: shown !== undefined && target instanceof Node && target.contains(shown.from.node) });
  }

  function onKeyDown(event: KeyboardEvent): void {
    // Escape while composing text with an input method cancels the composition, not the card.
    if (!state.shown || event.isComposing) return;
    if (event.key === 'Escape') {
      dispatch({ type: 'escape', focusInCard: dom.isCard(dom.activeElement()) }, event);
    } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      dispatch({ type: 'tab', backwards: event.shiftKey, ...dom.focusEnds() }, event);
    }
  }

  function onFullscreenChange(): void {
    dispatch({ type: 'fullscreenChanged' });
  }

  /** Adds every listener; run again after document.open(), which erases a document's listeners. */
  function listen(): void {
    const options = { capture: true, signal: listeners.signal };
    const passive = { ...options, passive: true };
    doc.addEventListener('pointermove', onPointerMove, passive);
    doc.addEventListener('pointerout', onPointerOut, passive);
    doc.addEventListener('pointerdown', onPointerDown, passive);
    doc.addEventListener('click', onClick, options);
    doc.addEventListener('focusin', onFocusIn, passive);
    doc.addEventListener('keydown', onKeyDown, options);
    doc.addEventListener('fullscreenchange', onFullscreenChange, passive);
  }
  listen();

  // document.open() empties the document and erases its listeners; the new one gets them again.
  let rootElement = doc.documentElement;
  const rootWatch = new MutationObserver(() => {
    if (doc.documentElement === rootElement) return;
    rootElement = doc.documentElement;
    dispatch({ type: 'close' });
    dom.removeView();
    listeners.abort();
    listeners = new AbortController();
    listen();
  });
  rootWatch.observe(doc, { childList: true });

  return {
    destroy() {
      if (destroyed) return;
      dispatch({ type: 'close' });
      destroyed = true;
      if (frame !== 0) cancelAnimationFrame(frame);
      listeners.abort();
      rootWatch.disconnect();
      dom.destroy();
      // Hold on to nothing of the page (its mentions, where focus was).
      state = initialCardState();
    },
    next: () => step(1),
    previous: () => step(-1),
    open,
    reveal,
    close: () => dispatch({ type: 'close' }),
    isOpen: () => state.shown !== null,
    setHoverDelay: (ms) => dispatch({ type: 'setHoverDelay', ms }),
    forgetKnowledge: () => dom.forgetKnowledge(),
  };
}

/**
 * Where an event started. At the document, an event from inside a shadow tree names the host as
 * its target; an open root's inside is first in its composed path (a closed root's is not: the
 * path starts at its host, as the target does).
 */
function originalTarget(event: Event): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
}

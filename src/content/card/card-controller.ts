/**
 * The card's behaviour: when it opens (hover intent, tap, next/previous), what it shows, where
 * focus goes, and how it leaves nothing behind. Mentions are painted ranges, not elements, so no
 * event names them: the pointer is hit-tested at most once a frame (see hit-test.ts), and every
 * listener is delegated on the document in the capture phase, passive where it never cancels.
 *
 * No card opens while a mouse button is held or text is selected, so a drag that starts on a name
 * selects exactly what it would without us.
 */
import type { EntityKnowledge, Quote } from '../../shared/knowledge/types';
import { CARD_CLOSE_DELAY_MS, CARD_HOST_MAX_REATTACH, CARD_OPEN_DELAY_MS, CARD_WARM_UP_IDLE_TIMEOUT_MS, HOVER_INTENT_MAX_SPEED_PX_PER_MS } from '../../shared/constants';
import { ACTIVE_HIGHLIGHT_NAME, type PaintedMention } from '../highlighter';
import { CardView } from './card-view';
import { pickColorScheme } from './color-scheme';
import { nextTabbableAfter } from './focus-order';
import { mentionAtPoint, type MentionAt } from './hit-test';
import { HoverIntent, PointerSpeed } from './hover-intent';
import { whenIdle } from './idle';
import { isInViewport, neighbourMention } from './navigation';
import { followMention, rehearsePositioning } from './position';
import { renderKnowledge, renderLoading, renderMissing } from './render';
import { warmFonts } from './typography';

/** What the card needs from the rest of the content script. */
export interface CardDeps {
  /** The entity's background, fetched on demand from the background; null where there is none. */
  loadEntity(id: string): Promise<EntityKnowledge | null>;
  /** Mentions of this entity on the page now. */
  mentionCount(id: string): number;
  /** Display name of an entity (from the catalog); used for related entities and while loading. */
  entityName(id: string): string | undefined;
  /** Asks the background to open the reader at the quote's paragraph. */
  openReader(quote: Quote): void;
  /** The page's mentions in document order (for next/previous). */
  mentions(): PaintedMention[];
  /** The mention with a piece at this caret position, if any (the hit test). */
  mentionAt: MentionAt;
  /** Open shadow roots holding mentions, for hit tests inside them. */
  shadowRoots?(): ShadowRoot[];
}

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

/** How the card was opened decides what closes it: only a hover-opened card closes when the pointer leaves. */
type OpenedBy = 'hover' | 'tap' | 'keyboard' | 'api';

interface Showing {
  mention: PaintedMention;
  entityId: string;
  openedBy: OpenedBy;
  ready: Promise<void>;
}

/** Where the mouse is, as far as the card cares. */
type PointerZone = 'mention' | 'card' | 'page';

/** Whether a dialog was opened with showModal() (`:modal` is recent; without it, assume not). */
function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false;
  }
}

/** Elements that cannot hold our host as a rendered child when they are the fullscreen element. */
const REPLACED_ELEMENTS = new Set(['VIDEO', 'AUDIO', 'IMG', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED']);

export function createCardController(deps: CardDeps): CardController {
  const doc = document;
  let listeners = new AbortController();
  const speed = new PointerSpeed();
  let view: CardView | null = null;
  let showing: Showing | null = null;
  /** Bumped by every open and close; a load that finds it changed belongs to a stale interaction. */
  let interaction = 0;
  let stopFollowing: (() => void) | null = null;
  /** Where focus was before the card took it; Escape returns it there. */
  let focusOrigin: Element | null = null;
  /** A touch that opened a card; its click must not also follow the link around the mention. */
  let tapOpened: PaintedMention | null = null;
  let pointerZone: PointerZone = 'page';
  let hovered: PaintedMention | null = null;
  /** The pointer's latest position, hit-tested on the next frame (one test per frame at most). */
  let pointerAt: { x: number; y: number; onCard: boolean; fast: boolean } | null = null;
  let frame = 0;
  let destroyed = false;
  /** Times the page took our host out of the document while we used it. */
  let hostRemovals = 0;
  /** Each entity is asked for once, and a known one shows at once, until the library changes. */
  const known = new Map<string, EntityKnowledge>();
  const inFlight = new Map<string, Promise<EntityKnowledge | null>>();
  /** A warm-up is waiting for an idle moment (it checks `destroyed` when it runs). */
  let warming = false;

  const intent = new HoverIntent<PaintedMention>(
    {
      open: (mention) => {
        // Test builds mark the moment intent fires, so `npm run bench` can time intent → paint.
        if (__TEST_HOOKS__) performance.mark('backstory:hover-intent');
        void show(mention, 'hover');
      },
      close: () => {
        if (showing?.openedBy === 'hover') close();
      },
      isShowingFor: (mention) => showing?.mention === mention,
      sameMention: (a, b) => a === b,
    },
    { dwellMs: CARD_OPEN_DELAY_MS, closeGraceMs: CARD_CLOSE_DELAY_MS },
  );

  /** Events from inside the shadow root reach the document retargeted to the host; accept either. */
  function isCard(target: EventTarget | null): boolean {
    return view !== null && (target === view.host || (target instanceof Node && target.getRootNode() === view.shadow));
  }

  /** The focused element, inside open shadow roots too (the document only names their host). */
  function activeElement(): Element | null {
    let active = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  function mentionAtPointer(x: number, y: number): PaintedMention | undefined {
    return mentionAtPoint(doc, x, y, deps.mentionAt, deps.shadowRoots?.() ?? []);
  }

  /**
   * Where the host must live for the card to be seen and used. In fullscreen only the fullscreen
   * element's subtree is rendered; while a modal <dialog> is open everything outside it is inert,
   * so a card for a mention inside one must be inside it too. Otherwise, the root element.
   */
  function hostContainer(mention?: PaintedMention): Element {
    const fullscreen = doc.fullscreenElement;
    if (fullscreen && !REPLACED_ELEMENTS.has(fullscreen.tagName)) return fullscreen;
    const dialog = mention?.from.node.parentElement?.closest('dialog');
    if (dialog && isModal(dialog)) return dialog;
    return doc.documentElement;
  }

  function createView(): CardView {
    const created = new CardView(doc);
    created.closeButton.addEventListener('click', dismiss);
    return created;
  }

  /**
   * A hover starts a dwell before the card opens; its idle moments prepare what the first open
   * needs (the card view, kept out of the document; the positioning code's first run; the card's
   * fonts), so the open itself only fills, attaches and places. Pages nobody hovers pay nothing.
   */
  function warmUp(mention: PaintedMention): void {
    if (view || warming || destroyed) return;
    warming = true;
    whenIdle(() => {
      warming = false;
      if (view || destroyed || !mention.from.node.isConnected) return;
      view = createView();
      rehearsePositioning(mention, view);
      warmFonts(doc);
    }, CARD_WARM_UP_IDLE_TIMEOUT_MS);
  }

  function show(mention: PaintedMention, openedBy: OpenedBy): Promise<void> {
    const { entityId } = mention;
    if (destroyed || !mention.from.node.isConnected) return Promise.resolve();
    if (showing?.mention === mention) return showing.ready;
    intent.reset();
    // Read the page's colours before our first write, while its style is still up to date.
    const scheme = pickColorScheme(doc);
    view ??= createView();
    const card = view;
    // A page that keeps removing our host gets it back a bounded number of times, then no more cards.
    if (card.wasRemoved()) hostRemovals++;
    if (hostRemovals > CARD_HOST_MAX_REATTACH) return Promise.resolve();
    // Moving the host takes its popover out of the top layer: open afresh in the new place.
    if (card.attachTo(hostContainer(mention)) && showing) close();
    paintActive(mention);
    if (showing?.entityId === entityId) {
      // Another mention of the same entity: the content stands, only the anchor moves.
      const { ready } = showing;
      showing = { ...showing, mention, openedBy };
      anchorTo(mention, card);
      return ready;
    }
    const current = ++interaction;
    const name = deps.entityName(entityId) ?? mention.ranges.map((range) => range.toString()).join('').trim();
    const knowledge = known.get(entityId);
    if (knowledge) renderContent(card, knowledge);
    else renderLoading(card.slots, name);
    card.show(scheme);
    const ready = knowledge ? Promise.resolve() : fill(entityId, name, current);
    showing = { mention, entityId, openedBy, ready };
    anchorTo(mention, card);
    return ready;
  }

  /** The mention whose card is open is painted over the others (a highlight of its own). */
  function paintActive(mention: PaintedMention | null): void {
    if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !CSS.highlights) return;
    if (!mention) {
      CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
      return;
    }
    const active = new Highlight(...mention.ranges);
    active.priority = 1;
    CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, active);
  }

  /** Asks for an entity's knowledge once; a failed or empty answer is asked again next time. */
  function load(entityId: string): Promise<EntityKnowledge | null> {
    let pending = inFlight.get(entityId);
    if (!pending) {
      // An async wrapper turns a synchronous throw into a rejection, handled with the others.
      const ask = async () => deps.loadEntity(entityId);
      pending = ask().then(
        (knowledge) => {
          if (knowledge && inFlight.get(entityId) === pending) known.set(entityId, knowledge);
          else inFlight.delete(entityId);
          return knowledge;
        },
        () => {
          // The background is unreachable (extension reloaded, worker restarting).
          inFlight.delete(entityId);
          return null;
        },
      );
      inFlight.set(entityId, pending);
    }
    return pending;
  }

  async function fill(entityId: string, name: string, current: number): Promise<void> {
    const knowledge = await load(entityId);
    if (current !== interaction || !view) return;
    if (knowledge) renderContent(view, knowledge);
    else renderMissing(view.slots, name);
  }

  function renderContent(card: CardView, knowledge: EntityKnowledge): void {
    renderKnowledge(card.slots, knowledge, {
      mentionCount: deps.mentionCount(knowledge.id),
      relatedNames: knowledge.related.flatMap((id) => deps.entityName(id) ?? []),
      openReader: deps.openReader,
    });
  }

  function anchorTo(mention: PaintedMention, card: CardView): void {
    stopFollowing?.();
    stopFollowing = followMention(mention, card, close);
  }

  function close(): void {
    interaction++;
    intent.reset();
    stopFollowing?.();
    stopFollowing = null;
    view?.hide();
    if (showing) paintActive(null);
    showing = null;
    tapOpened = null;
  }

  /** Escape or the close button: close, and give focus back if the card had it. */
  function dismiss(): void {
    const focusWasOurs = isCard(activeElement());
    close();
    if (focusWasOurs) returnFocus();
  }

  function returnFocus(): void {
    const origin = focusOrigin;
    focusOrigin = null;
    if (origin instanceof HTMLElement && origin !== doc.body && origin.isConnected) {
      origin.focus({ preventScroll: true });
      return;
    }
    // Focus came from nowhere in particular: let it go back to the document.
    const focused = view?.focusedElement() ?? activeElement();
    if (focused instanceof HTMLElement) focused.blur();
  }

  function step(direction: 1 | -1): void {
    if (destroyed) return;
    const target = neighbourMention(deps.mentions(), showing?.mention ?? null, direction);
    if (target) void reveal(target);
  }

  async function reveal(mention: PaintedMention): Promise<void> {
    if (destroyed || !mention.from.node.isConnected) return;
    const active = activeElement();
    if (focusOrigin === null && !isCard(active)) focusOrigin = active ?? doc.body;
    if (!isInViewport(mention)) {
      const reducedMotion = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      // Scrolling is the page's own behaviour, asked of the element that holds the mention.
      mention.from.node.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reducedMotion ? 'auto' : 'instant' });
    }
    const ready = show(mention, 'keyboard');
    // The card is a non-modal dialog: focus goes in, so a screen reader announces it.
    view?.focusFirst();
    await ready;
  }

  // --- Delegated listeners -------------------------------------------------------------------

  /** One hit test per frame, on the latest pointer position. */
  function hitTestSoon(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const at = pointerAt;
      if (!at || destroyed) return;
      const mention = at.onCard ? undefined : mentionAtPointer(at.x, at.y);
      enterZone(at.onCard ? 'card' : mention ? 'mention' : 'page', mention ?? null, at.fast);
    });
  }

  function enterZone(zone: PointerZone, mention: PaintedMention | null, fast: boolean): void {
    const previous = pointerZone;
    const previousMention = hovered;
    pointerZone = zone;
    hovered = mention;
    if (zone === 'card') {
      if (previous !== 'card') intent.enteredCard();
    } else if (mention) {
      if (mention !== previousMention) {
        // Fetch while the pointer dwells (as Page Previews does), so the card opens with its content.
        void load(mention.entityId);
        warmUp(mention);
        intent.enteredMention(mention);
      } else {
        intent.movedOnMention(fast);
      }
    } else if (previous !== 'page') {
      intent.leftBoth();
    }
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType !== 'mouse') return;
    const pxPerMs = speed.sample(event.clientX, event.clientY, event.timeStamp);
    // A held button is a drag or a selection in the making: no card, and no test.
    const selecting = event.buttons !== 0 || !(doc.getSelection()?.isCollapsed ?? true);
    const onCard = isCard(originalTarget(event));
    if (selecting && !onCard) {
      pointerAt = null;
      if (pointerZone !== 'page') enterZone('page', null, false);
      return;
    }
    pointerAt = { x: event.clientX, y: event.clientY, onCard, fast: pxPerMs >= HOVER_INTENT_MAX_SPEED_PX_PER_MS };
    hitTestSoon();
  }

  function onPointerOut(event: PointerEvent): void {
    // Leaving the window: no pointerover follows, so this is the only sign the pointer has gone.
    if (event.pointerType !== 'mouse' || event.relatedTarget !== null) return;
    pointerAt = null;
    if (pointerZone !== 'page') enterZone('page', null, false);
    speed.reset();
  }

  function onPointerDown(event: PointerEvent): void {
    const target = originalTarget(event);
    if (isCard(target)) return;
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      const mention = mentionAtPointer(event.clientX, event.clientY);
      if (mention) {
        // A touch has no hover: the first tap opens the card; a tap on a mention whose card is
        // already showing is left alone, so a second tap follows a link around it.
        const alreadyShowing = showing?.mention === mention;
        tapOpened = alreadyShowing ? null : mention;
        if (!alreadyShowing) void show(mention, 'tap');
        return;
      }
    }
    // A press is a click or the start of a selection, never a hover: a dwell under way is dropped,
    // and the pointer must move over a name again, button up, for one to start.
    if (event.pointerType === 'mouse') {
      intent.reset();
      pointerAt = null;
      hovered = null;
      pointerZone = 'page';
    }
    if (showing) close();
  }

  function onClick(event: MouseEvent): void {
    const opened = tapOpened;
    tapOpened = null;
    if (!opened || mentionAtPointer(event.clientX, event.clientY) !== opened) return;
    if (!opened.from.node.parentElement?.closest('a[href], area[href]')) return;
    // This tap opened the card; following the link as well would take the reader away from it.
    event.preventDefault();
    event.stopPropagation();
  }

  function onFocusIn(event: FocusEvent): void {
    const target = originalTarget(event);
    if (isCard(target)) return;
    // A tap or click focuses the link around the mention first: that is not moving away.
    if (showing && target instanceof Node && target.contains(showing.mention.from.node)) return;
    // Focus went somewhere else on the page: the reader has moved on.
    focusOrigin = null;
    if (showing && (showing.openedBy !== 'hover' || pointerZone === 'page')) close();
  }

  function onKeyDown(event: KeyboardEvent): void {
    // Escape while composing text with an input method cancels the composition, not the card.
    if (!showing || !view || event.isComposing) return;
    if (event.key === 'Escape') {
      const focusWasOurs = isCard(activeElement());
      dismiss();
      if (focusWasOurs) {
        event.preventDefault();
        event.stopPropagation();
      }
    } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      moveFocusAcrossCard(event);
    }
  }

  /** The card is not in the page's tab order; Tab from its last button continues after the mention. */
  function moveFocusAcrossCard(event: KeyboardEvent): void {
    if (!showing || !view || !isCard(activeElement())) return;
    const inside = view.focusables();
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last) return;
    const focused = view.focusedElement();
    if (event.shiftKey && focused === first) {
      event.preventDefault();
      dismiss();
    } else if (!event.shiftKey && focused === last) {
      const holder = showing.mention.from.node.parentElement;
      const after = holder ? nextTabbableAfter(holder) : null;
      if (after) {
        event.preventDefault();
        after.focus();
      }
    }
  }

  function onFullscreenChange(): void {
    // The host must move in or out of the fullscreen element; the card reopens on the next hover.
    if (showing) close();
    view?.attachTo(hostContainer());
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
    close();
    view?.remove();
    view = null;
    listeners.abort();
    listeners = new AbortController();
    listen();
  });
  rootWatch.observe(doc, { childList: true });

  return {
    destroy() {
      if (destroyed) return;
      close();
      destroyed = true;
      if (frame !== 0) cancelAnimationFrame(frame);
      listeners.abort();
      rootWatch.disconnect();
      view?.remove();
      view = null;
      focusOrigin = null;
      known.clear();
      inFlight.clear();
    },
    next: () => step(1),
    previous: () => step(-1),
    open: (mention) => show(mention, 'api'),
    reveal,
    close,
    isOpen: () => showing !== null,
    setHoverDelay: (ms) => intent.setDwell(Number.isFinite(ms) && ms >= 0 ? ms : CARD_OPEN_DELAY_MS),
    forgetKnowledge() {
      known.clear();
      inFlight.clear();
    },
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

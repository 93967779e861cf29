/**
 * The card's behaviour: when it opens (hover intent, keyboard focus, tap, next/previous), what it
 * shows, where focus goes, and how it leaves nothing behind. Every listener is delegated on the
 * document in the capture phase (passive where it never cancels), so marks carry no listeners and
 * marks added later need no wiring.
 *
 * Marks can sit inside the page's open shadow roots, and an event from inside one reaches the
 * document retargeted to the shadow host: the listeners look at where it started
 * (composedPath()[0], which open roots expose) and at the focused element inside open roots.
 */
import type { EntityKnowledge, Quote } from '../../shared/knowledge/types';
import { CARD_CLOSE_DELAY_MS, CARD_OPEN_DELAY_MS, CARD_WARM_UP_IDLE_TIMEOUT_MS, HOVER_INTENT_MAX_SPEED_PX_PER_MS } from '../../shared/constants';
import { CardView } from './card-view';
import { pickColorScheme } from './color-scheme';
import { nextTabbableAfter } from './focus-order';
import { HoverIntent, PointerSpeed } from './hover-intent';
import { whenIdle } from './idle';
import { isInViewport, neighbourMention, sameMention } from './navigation';
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
  /** The first mark of each mention, in document order (for next/previous). */
  mentionElements(): HTMLElement[];
  /** The entity id if `el` is (inside) one of our marks, else null. */
  isMention(el: Element): string | null;
}

export interface CardController {
  /** Closes the card, removes the host element and every listener. */
  destroy(): void;
  /** Moves to the next mention on the page (wrapping), focuses it and opens its card. */
  next(): void;
  /** Moves to the previous mention on the page (wrapping), focuses it and opens its card. */
  previous(): void;
  /** Opens the card for a mark now; resolves once its content is shown (or the open was superseded). */
  open(mark: HTMLElement): Promise<void>;
  /**
   * What next/previous do for one chosen mark (the popup's "show me this one"): scrolls it into
   * view if it is off screen, focuses it and opens its card. Escape returns focus as after next().
   */
  reveal(mark: HTMLElement): Promise<void>;
  close(): void;
  isOpen(): boolean;
  /** Changes the hover dwell (the options page's setting). */
  setHoverDelay(ms: number): void;
  /** Forgets the knowledge asked for so far: the library changed, so the next open asks again. */
  forgetKnowledge(): void;
}

/** How the card was opened decides what closes it: only a hover-opened card closes when the pointer leaves. */
type OpenedBy = 'hover' | 'focus' | 'tap' | 'keyboard' | 'api';

interface Showing {
  mark: HTMLElement;
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
  const listeners = new AbortController();
  const speed = new PointerSpeed();
  let view: CardView | null = null;
  let showing: Showing | null = null;
  /** Bumped by every open and close; a load that finds it changed belongs to a stale interaction. */
  let interaction = 0;
  let stopFollowing: (() => void) | null = null;
  /** Where focus was before a mark or the card took it; Escape returns it there. */
  let focusOrigin: Element | null = null;
  /** A touch that opened a card; its click must not also follow the link around the mention. */
  let tapOpened: HTMLElement | null = null;
  let pointerZone: PointerZone = 'page';
  let destroyed = false;
  /** Knowledge is fixed for the session: each entity is asked for once, and a known one shows at once. */
  const known = new Map<string, EntityKnowledge>();
  const inFlight = new Map<string, Promise<EntityKnowledge | null>>();
  /** A warm-up is waiting for an idle moment (it checks `destroyed` when it runs). */
  let warming = false;

  const intent = new HoverIntent(
    {
      open: (mark) => {
        // Test builds mark the moment intent fires, so `npm run bench` can time intent → paint.
        if (__TEST_HOOKS__) performance.mark('backstory:hover-intent');
        void show(mark, 'hover');
      },
      close: () => {
        if (showing?.openedBy === 'hover') close();
      },
      isShowingFor: (mark) => showing !== null && isOneMention(showing.mark, mark),
      sameMention: (a, b) => isOneMention(a, b),
    },
    { dwellMs: CARD_OPEN_DELAY_MS, closeGraceMs: CARD_CLOSE_DELAY_MS },
  );

  function isOneMention(a: Element, b: Element): boolean {
    return sameMention(a, b, deps.isMention);
  }

  /** The mark of ours that `target` is (inside), if any. */
  function mentionMark(target: EventTarget | null): HTMLElement | null {
    if (!(target instanceof Element)) return null;
    const mark = target.closest('mark[data-entity]');
    return mark instanceof HTMLElement && deps.isMention(mark) !== null ? mark : null;
  }

  /** Events from inside the shadow root reach the document retargeted to the host; accept either. */
  function isCard(target: EventTarget | null): boolean {
    return view !== null && (target === view.host || (target instanceof Node && target.getRootNode() === view.shadow));
  }

  function isOurs(target: EventTarget | null): boolean {
    return isCard(target) || mentionMark(target) !== null;
  }

  /** The focused element, inside open shadow roots too (the document only names their host). */
  function activeElement(): Element | null {
    let active = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }


  /**
   * Where the host must live for the card to be seen and used. In fullscreen only the fullscreen
   * element's subtree is rendered; while a modal <dialog> is open everything outside it is inert,
   * so a card for a mention inside one must be inside it too. Otherwise, the root element.
   */
  function hostContainer(mark?: HTMLElement): Element {
    const fullscreen = doc.fullscreenElement;
    if (fullscreen && !REPLACED_ELEMENTS.has(fullscreen.tagName)) return fullscreen;
    const dialog = mark?.closest('dialog');
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
  function warmUp(mark: HTMLElement): void {
    if (view || warming || destroyed) return;
    warming = true;
    whenIdle(() => {
      warming = false;
      if (view || destroyed || !mark.isConnected) return;
      view = createView();
      rehearsePositioning(mark, view);
      warmFonts(doc);
    }, CARD_WARM_UP_IDLE_TIMEOUT_MS);
  }

  function show(mark: HTMLElement, openedBy: OpenedBy): Promise<void> {
    const entityId = deps.isMention(mark);
    if (destroyed || entityId === null || !mark.isConnected) return Promise.resolve();
    if (showing?.mark === mark) return showing.ready;
    intent.reset();
    // Read the page's colours before our first write, while its style is still up to date.
    const scheme = pickColorScheme(doc);
    view ??= createView();
    const card = view;
    // Moving the host takes its popover out of the top layer: open afresh in the new place.
    if (card.attachTo(hostContainer(mark)) && showing) close();
    if (showing?.entityId === entityId) {
      // Another mark of the same entity: the content stands, only the anchor moves.
      const { ready } = showing;
      showing = { ...showing, mark, openedBy };
      anchorTo(mark, card);
      return ready;
    }
    const current = ++interaction;
    const name = deps.entityName(entityId) ?? mark.textContent?.trim() ?? entityId;
    const knowledge = known.get(entityId);
    if (knowledge) renderContent(card, knowledge);
    else renderLoading(card.slots, name);
    card.show(scheme);
    const ready = knowledge ? Promise.resolve() : fill(entityId, name, current);
    showing = { mark, entityId, openedBy, ready };
    anchorTo(mark, card);
    return ready;
  }

  /** Asks for an entity's knowledge once; a failed or empty answer is asked again next time. */
  function load(entityId: string): Promise<EntityKnowledge | null> {
    let pending = inFlight.get(entityId);
    if (!pending) {
      // An async wrapper turns a synchronous throw into a rejection, handled with the others.
      const ask = async () => deps.loadEntity(entityId);
      pending = ask().then(
          (knowledge) => {
            if (knowledge) known.set(entityId, knowledge);
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

  function anchorTo(mark: HTMLElement, card: CardView): void {
    stopFollowing?.();
    stopFollowing = followMention(mark, card, close);
  }

  function close(): void {
    interaction++;
    intent.reset();
    stopFollowing?.();
    stopFollowing = null;
    view?.hide();
    showing = null;
    tapOpened = null;
  }

  /** Escape or the close button: close, and give focus back if the card or a mark had it. */
  function dismiss(): void {
    const focusWasOurs = isOurs(activeElement());
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

  function rememberFocusOrigin(previous: EventTarget | null): void {
    if (focusOrigin !== null) return;
    focusOrigin = previous instanceof Element && !isOurs(previous) ? previous : doc.body;
  }

  function step(direction: 1 | -1): void {
    if (destroyed) return;
    const reference = showing?.mark ?? mentionMark(activeElement());
    const target = neighbourMention(deps.mentionElements(), reference, direction);
    if (target) void reveal(target);
  }

  function reveal(mark: HTMLElement): Promise<void> {
    if (destroyed || !mark.isConnected) return Promise.resolve();
    const active = activeElement();
    if (!isOurs(active)) rememberFocusOrigin(active);
    if (!isInViewport(mark)) {
      const reducedMotion = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      mark.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reducedMotion ? 'auto' : 'smooth' });
    }
    mark.focus({ preventScroll: true });
    return show(mark, 'keyboard');
  }

  // --- Delegated listeners -------------------------------------------------------------------

  function onPointerOver(event: PointerEvent): void {
    if (event.pointerType !== 'mouse') return;
    const target = originalTarget(event);
    const mark = mentionMark(target);
    const zone: PointerZone = isCard(target) ? 'card' : mark ? 'mention' : 'page';
    const previous = pointerZone;
    pointerZone = zone;
    if (zone === 'card') {
      intent.enteredCard();
    } else if (mark) {
      // Fetch while the pointer dwells (as Page Previews does), so the card opens with its content.
      const entityId = deps.isMention(mark);
      if (entityId !== null) void load(entityId);
      warmUp(mark);
      intent.enteredMention(mark);
    }
    else if (previous !== 'page') intent.leftBoth();
  }

  function onPointerOut(event: PointerEvent): void {
    // Leaving the window: no pointerover follows, so this is the only sign the pointer has gone.
    if (event.pointerType !== 'mouse' || event.relatedTarget !== null) return;
    if (pointerZone !== 'page') intent.leftBoth();
    pointerZone = 'page';
    speed.reset();
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType !== 'mouse') return;
    const pxPerMs = speed.sample(event.clientX, event.clientY, event.timeStamp);
    if (pointerZone === 'mention') intent.movedOnMention(pxPerMs >= HOVER_INTENT_MAX_SPEED_PX_PER_MS);
  }

  function onPointerDown(event: PointerEvent): void {
    const target = originalTarget(event);
    if (isCard(target)) return;
    const mark = mentionMark(target);
    if (mark && (event.pointerType === 'touch' || event.pointerType === 'pen')) {
      // A touch has no hover: the first tap opens the card; a tap on a mention whose card is
      // already showing is left alone, so a second tap follows a link around it.
      const alreadyShowing = showing !== null && isOneMention(showing.mark, mark);
      tapOpened = alreadyShowing ? null : mark;
      if (!alreadyShowing) void show(mark, 'tap');
      return;
    }
    if (!mark && showing) close();
  }

  function onClick(event: MouseEvent): void {
    const opened = tapOpened;
    tapOpened = null;
    if (!opened) return;
    const mark = mentionMark(originalTarget(event));
    if (!mark || !isOneMention(mark, opened)) return;
    if (!mark.closest('a[href], area[href]')) return;
    // This tap opened the card; following the link as well would take the reader away from it.
    event.preventDefault();
    event.stopPropagation();
  }

  function onFocusIn(event: FocusEvent): void {
    const target = originalTarget(event);
    if (isCard(target)) return;
    const mark = mentionMark(target);
    if (mark) {
      rememberFocusOrigin(event.relatedTarget);
      void show(mark, showing?.mark === mark ? showing.openedBy : 'focus');
      return;
    }
    // Firefox focuses a link before the mark inside it on a tap or click: that is not moving away.
    if (showing && target instanceof Node && target.contains(showing.mark)) return;
    // Focus went somewhere else on the page: the reader has moved on.
    focusOrigin = null;
    if (showing && (showing.openedBy !== 'hover' || pointerZone === 'page')) close();
  }

  function onKeyDown(event: KeyboardEvent): void {
    // Escape while composing text with an input method cancels the composition, not the card.
    if (!showing || !view || event.isComposing) return;
    if (event.key === 'Escape') {
      const focusWasOurs = isOurs(activeElement());
      dismiss();
      if (focusWasOurs) {
        event.preventDefault();
        event.stopPropagation();
      }
    } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      moveFocusAcrossCard(event);
    }
  }

  /** The card is not in the page's tab order; Tab bridges mark → card → rest of the page. */
  function moveFocusAcrossCard(event: KeyboardEvent): void {
    if (!showing || !view) return;
    const inside = view.focusables();
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last) return;
    const active = activeElement();
    if (!isCard(active)) {
      const activeMark = mentionMark(active);
      if (!event.shiftKey && activeMark && isOneMention(showing.mark, activeMark)) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    const focused = view.focusedElement();
    if (event.shiftKey && focused === first) {
      event.preventDefault();
      showing.mark.focus({ preventScroll: true });
    } else if (!event.shiftKey && focused === last) {
      const after = nextTabbableAfter(showing.mark);
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

  const options = { capture: true, signal: listeners.signal };
  const passive = { ...options, passive: true };
  doc.addEventListener('pointerover', onPointerOver, passive);
  doc.addEventListener('pointerout', onPointerOut, passive);
  doc.addEventListener('pointermove', onPointerMove, passive);
  doc.addEventListener('pointerdown', onPointerDown, passive);
  doc.addEventListener('click', onClick, options);
  doc.addEventListener('focusin', onFocusIn, passive);
  doc.addEventListener('keydown', onKeyDown, options);
  doc.addEventListener('fullscreenchange', onFullscreenChange, passive);

  return {
    destroy() {
      if (destroyed) return;
      close();
      destroyed = true;
      listeners.abort();
      view?.remove();
      view = null;
      focusOrigin = null;
      known.clear();
      inFlight.clear();
    },
    next: () => step(1),
    previous: () => step(-1),
    open: (mark) => show(mark, 'api'),
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

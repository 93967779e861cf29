/**
 * Carries out on the page what card-states.ts decides: the card view and where its host lives,
 * the dwell and close timers, knowledge loads, the active highlight, placement and focus. It also
 * reads what the states are told about the page. Timers, loads and a lost anchor answer with
 * inputs of their own, through `dispatch`.
 */
import type { EntityKnowledge, Quote } from '../../shared/knowledge/types';
import { CARD_WARM_UP_IDLE_TIMEOUT_MS } from '../../shared/constants';
import { ACTIVE_HIGHLIGHT_NAME, type PaintedMention } from '../highlighter';
import type { CardContent, CardEffect, CardInput, Opening } from './card-states';
import { CardView } from './card-view';
import { pickColorScheme } from './color-scheme';
import { nextTabbableAfter } from './focus-order';
import { mentionAtPoint, type MentionAt } from './hit-test';
import { whenIdle } from './idle';
import { KnowledgeCache } from './knowledge-cache';
import { startDwell } from './dwell';
import { scrollIntoSight } from './navigation';
import { followMention, rehearsePositioning } from './position';
import { renderKnowledge, renderLoading, renderMissing, type CardSlots } from './render';
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
  /** Whether any mention is painted: on a page with none, a pointer move has nothing to find. */
  hasMentions(): boolean;
  /** The mention with a piece at this caret position, if any (the hit test). */
  mentionAt: MentionAt;
  /** Open shadow roots holding mentions, for hit tests inside them. */
  shadowRoots?(): ShadowRoot[];
}

type Dispatch = (input: CardInput<PaintedMention>) => void;

/** Elements that cannot hold our host as a rendered child when they are the fullscreen element. */
const REPLACED_ELEMENTS = new Set(['VIDEO', 'AUDIO', 'IMG', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED']);

/** The DOM side of the card, as the controller sees it. */
export interface CardEffects {
  /** `event` is the one being handled, for effects that cancel it. */
  perform(effect: CardEffect<PaintedMention>, event: Event | undefined): void;
  /** Resolves once the shown card's content is in: what open() and reveal() hand back. */
  ready(): Promise<void>;
  /** What an open of this mention needs to know of the page, read before anything is written. */
  opening(mention: PaintedMention): Opening<PaintedMention>;
  /** Whether an event's target is the card (events from inside its shadow root reach the document retargeted to the host). */
  isCard(target: EventTarget | null): boolean;
  /** The focused element, inside open shadow roots too (the document only names their host). */
  activeElement(): Element | null;
  /** Whether focus is on the card's first or last button (both, with one). */
  focusEnds(): { atFirst: boolean; atLast: boolean };
  mentionAtPointer(x: number, y: number): PaintedMention | undefined;
  forgetKnowledge(): void;
  /** Drops the view (its document is gone); the next open builds another. */
  removeView(): void;
  destroy(): void;
}

// A closure rather than a class: its names are minified, and the content script is parsed on every page.
export function createCardEffects(doc: Document, deps: CardDeps, dispatch: Dispatch): CardEffects {
  let content: Promise<void> = Promise.resolve();
  let view: CardView | null = null;
  const knowledge = new KnowledgeCache((id) => deps.loadEntity(id));
  let stopFollowing: (() => void) | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopDwell: (() => void) | null = null;
  /** A warm-up is waiting for an idle moment (it checks `destroyed` when it runs). */
  let warming = false;
  let destroyed = false;

  function perform(effect: CardEffect<PaintedMention>, event: Event | undefined): void {
    switch (effect.type) {
      case 'startDwell':
        stopDwell?.();
        stopDwell = startDwell(doc, effect.ms, (frameTime) => {
          stopDwell = null;
          // Test builds mark the moment intent fires, and the frame it fires in, so `npm run bench`
          // can time intent → paint.
          if (__TEST_HOOKS__) {
            performance.mark('backstory:hover-intent');
            performance.mark('backstory:hover-intent-frame', { startTime: frameTime });
          }
          dispatch({ type: 'dwellElapsed', opening: opening(effect.mention) });
        });
        return;
      case 'cancelDwell':
        stopDwell?.();
        stopDwell = null;
        return;
      case 'startCloseDelay':
        clearTimeout(closeTimer);
        closeTimer = setTimeout(() => dispatch({ type: 'closeElapsed' }), effect.ms);
        return;
      case 'cancelCloseDelay':
        clearTimeout(closeTimer);
        return;
      case 'prefetch':
        void knowledge.load(effect.entityId);
        return;
      case 'warmUp':
        return warmUp(effect.mention);
      case 'attach':
        view ??= createView();
        view.attachTo(hostContainer(effect.mention));
        return;
      case 'reattach':
        view?.attachTo(hostContainer());
        return;
      case 'paintActive':
        return paintActive(effect.mention);
      case 'render':
        if (view) renderContent(view.slots, effect.content, deps);
        return;
      case 'show':
        view?.show(effect.scheme);
        // A fetch that follows replaces this; without one the content is in already.
        content = Promise.resolve();
        return;
      case 'fetch': {
        const { interaction } = effect;
        content = knowledge.load(effect.entityId).then((knowledge) => dispatch({ type: 'loaded', interaction, knowledge }));
        return;
      }
      case 'anchor':
        if (!view) return;
        stopFollowing?.();
        stopFollowing = followMention(effect.mention, view, () => dispatch({ type: 'close' }));
        return;
      case 'hide':
        stopFollowing?.();
        stopFollowing = null;
        view?.hide();
        return;
      case 'scrollTo':
        return scrollIntoSight(effect.mention);
      case 'focusCard':
        view?.focusFirst();
        return;
      case 'returnFocus':
        return returnFocus(effect.origin);
      case 'focusAfter': {
        const holder = effect.mention.from.node.parentElement;
        const after = holder ? nextTabbableAfter(holder) : null;
        if (!after) return;
        event?.preventDefault();
        after.focus();
        return;
      }
      case 'blockLinkClick':
        if (mentionAtPointer(effect.x, effect.y) !== effect.mention) return;
        if (!effect.mention.from.node.parentElement?.closest('a[href], area[href]')) return;
        // This tap opened the card; following the link as well would take the reader away from it.
        event?.preventDefault();
        event?.stopPropagation();
        return;
      case 'preventDefault':
        event?.preventDefault();
        return;
      case 'claimEvent':
        event?.preventDefault();
        event?.stopPropagation();
        return;
    }
  }

  function opening(mention: PaintedMention): Opening<PaintedMention> {
    const { entityId } = mention;
    return {
      mention,
      connected: mention.from.node.isConnected,
      hostRemoved: view?.wasRemoved() ?? false,
      hostMoves: view?.host.parentNode !== hostContainer(mention),
      scheme: pickColorScheme(doc),
      name: deps.entityName(entityId) ?? mention.ranges.map((range) => range.toString()).join('').trim(),
      knowledge: knowledge.get(entityId),
    };
  }

  function isCard(target: EventTarget | null): boolean {
    return view !== null && (target === view.host || (target instanceof Node && target.getRootNode() === view.shadow));
  }

  function activeElement(): Element | null {
    let active = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  function focusEnds(): { atFirst: boolean; atLast: boolean } {
    if (!view || !isCard(activeElement())) return { atFirst: false, atLast: false };
    const inside = view.focusables();
    const focused = view.focusedElement();
    return { atFirst: inside.length > 0 && focused === inside[0], atLast: inside.length > 0 && focused === inside[inside.length - 1] };
  }

  function mentionAtPointer(x: number, y: number): PaintedMention | undefined {
    return mentionAtPoint(doc, x, y, deps.mentionAt, deps.shadowRoots?.() ?? []);
  }

  function removeView(): void {
    view?.remove();
    view = null;
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
    created.closeButton.addEventListener('click', () => dispatch({ type: 'dismiss', focusInCard: isCard(activeElement()) }));
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

  function returnFocus(origin: object | null): void {
    if (origin instanceof HTMLElement && origin !== doc.body && origin.isConnected) {
      origin.focus({ preventScroll: true });
      return;
    }
    // Focus came from nowhere in particular: let it go back to the document.
    const focused = view?.focusedElement() ?? activeElement();
    if (focused instanceof HTMLElement) focused.blur();
  }

  return {
    perform,
    ready: () => content,
    opening,
    isCard,
    activeElement,
    focusEnds,
    mentionAtPointer,
    forgetKnowledge: () => knowledge.clear(),
    removeView,
    destroy() {
      destroyed = true;
      removeView();
      knowledge.clear();
    },
  };
}

/** Whether a dialog was opened with showModal() (`:modal` is recent; without it, assume not). */
function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false;
  }
}

/** The open card's mention is painted over the others (the content script runs only where highlights paint). */
function paintActive(mention: PaintedMention | null): void {
  if (!mention) {
    CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
    return;
  }
  const active = new Highlight(...mention.ranges);
  active.priority = 1;
  CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, active);
}

function renderContent(slots: CardSlots, content: CardContent, deps: CardDeps): void {
  if (content.kind === 'loading') return renderLoading(slots, content.name);
  if (content.kind === 'missing') return renderMissing(slots, content.name);
  const { knowledge } = content;
  renderKnowledge(slots, knowledge, {
    mentionCount: deps.mentionCount(knowledge.id),
    relatedNames: knowledge.related.flatMap((id) => deps.entityName(id) ?? []),
    openReader: deps.openReader,
  });
}

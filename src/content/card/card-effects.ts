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
  /** The mention with a piece at this caret position, if any (the hit test). */
  mentionAt: MentionAt;
  /** Open shadow roots holding mentions, for hit tests inside them. */
  shadowRoots?(): ShadowRoot[];
}

type Dispatch = (input: CardInput<PaintedMention>) => void;

/** Elements that cannot hold our host as a rendered child when they are the fullscreen element. */
const REPLACED_ELEMENTS = new Set(['VIDEO', 'AUDIO', 'IMG', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED']);

export class CardEffects {
  private content: Promise<void> = Promise.resolve();
  private view: CardView | null = null;
  private readonly knowledge: KnowledgeCache;
  private stopFollowing: (() => void) | null = null;
  private readonly timers = new Map<'dwell' | 'close', ReturnType<typeof setTimeout>>();
  /** A warm-up is waiting for an idle moment (it checks `destroyed` when it runs). */
  private warming = false;
  private destroyed = false;

  constructor(
    private readonly doc: Document,
    private readonly deps: CardDeps,
    private readonly dispatch: Dispatch,
  ) {
    this.knowledge = new KnowledgeCache((id) => deps.loadEntity(id));
  }

  /** `event` is the one being handled, for effects that cancel it. */
  perform(effect: CardEffect<PaintedMention>, event: Event | undefined): void {
    switch (effect.type) {
      case 'startDwell':
        return this.startTimer('dwell', effect.ms, () => {
          // Test builds mark the moment intent fires, so `npm run bench` can time intent → paint.
          if (__TEST_HOOKS__) performance.mark('backstory:hover-intent');
          this.dispatch({ type: 'dwellElapsed', opening: this.opening(effect.mention) });
        });
      case 'cancelDwell':
        return this.cancelTimer('dwell');
      case 'startCloseDelay':
        return this.startTimer('close', effect.ms, () => this.dispatch({ type: 'closeElapsed' }));
      case 'cancelCloseDelay':
        return this.cancelTimer('close');
      case 'prefetch':
        void this.knowledge.load(effect.entityId);
        return;
      case 'warmUp':
        return this.warmUp(effect.mention);
      case 'attach':
        this.view ??= this.createView();
        this.view.attachTo(this.hostContainer(effect.mention));
        return;
      case 'reattach':
        this.view?.attachTo(this.hostContainer());
        return;
      case 'paintActive':
        return paintActive(effect.mention);
      case 'render':
        if (this.view) renderContent(this.view.slots, effect.content, this.deps);
        return;
      case 'show':
        this.view?.show(effect.scheme);
        // A fetch that follows replaces this; without one the content is in already.
        this.content = Promise.resolve();
        return;
      case 'fetch': {
        const { interaction } = effect;
        this.content = this.knowledge.load(effect.entityId).then((knowledge) => this.dispatch({ type: 'loaded', interaction, knowledge }));
        return;
      }
      case 'anchor':
        if (!this.view) return;
        this.stopFollowing?.();
        this.stopFollowing = followMention(effect.mention, this.view, () => this.dispatch({ type: 'close' }));
        return;
      case 'hide':
        this.stopFollowing?.();
        this.stopFollowing = null;
        this.view?.hide();
        return;
      case 'scrollTo':
        return scrollIntoSight(effect.mention);
      case 'focusCard':
        this.view?.focusFirst();
        return;
      case 'returnFocus':
        return this.returnFocus(effect.origin);
      case 'focusAfter': {
        const holder = effect.mention.from.node.parentElement;
        const after = holder ? nextTabbableAfter(holder) : null;
        if (!after) return;
        event?.preventDefault();
        after.focus();
        return;
      }
      case 'blockLinkClick':
        if (this.mentionAtPointer(effect.x, effect.y) !== effect.mention) return;
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

  /** Resolves once the shown card's content is in: what open() and reveal() hand back. */
  get ready(): Promise<void> {
    return this.content;
  }

  /** What an open of this mention needs to know of the page, read before anything is written. */
  opening(mention: PaintedMention): Opening<PaintedMention> {
    const { entityId } = mention;
    return {
      mention,
      connected: mention.from.node.isConnected,
      hostRemoved: this.view?.wasRemoved() ?? false,
      hostMoves: this.view?.host.parentNode !== this.hostContainer(mention),
      scheme: pickColorScheme(this.doc),
      name: this.deps.entityName(entityId) ?? mention.ranges.map((range) => range.toString()).join('').trim(),
      knowledge: this.knowledge.get(entityId),
    };
  }

  /** Events from inside the shadow root reach the document retargeted to the host; accept either. */
  isCard(target: EventTarget | null): boolean {
    const { view } = this;
    return view !== null && (target === view.host || (target instanceof Node && target.getRootNode() === view.shadow));
  }

  /** The focused element, inside open shadow roots too (the document only names their host). */
  activeElement(): Element | null {
    let active = this.doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** Whether focus is on the card's first or last button (both, with one). */
  focusEnds(): { atFirst: boolean; atLast: boolean } {
    if (!this.view || !this.isCard(this.activeElement())) return { atFirst: false, atLast: false };
    const inside = this.view.focusables();
    const focused = this.view.focusedElement();
    return { atFirst: inside.length > 0 && focused === inside[0], atLast: inside.length > 0 && focused === inside[inside.length - 1] };
  }

  mentionAtPointer(x: number, y: number): PaintedMention | undefined {
    return mentionAtPoint(this.doc, x, y, this.deps.mentionAt, this.deps.shadowRoots?.() ?? []);
  }

  forgetKnowledge(): void {
    this.knowledge.clear();
  }

  /** Drops the view (its document is gone, or so is the card); the next open builds another. */
  removeView(): void {
    this.view?.remove();
    this.view = null;
  }

  destroy(): void {
    this.destroyed = true;
    this.removeView();
    this.knowledge.clear();
  }

  private startTimer(name: 'dwell' | 'close', ms: number, fire: () => void): void {
    this.cancelTimer(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        fire();
      }, ms),
    );
  }

  private cancelTimer(name: 'dwell' | 'close'): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  /**
   * Where the host must live for the card to be seen and used. In fullscreen only the fullscreen
   * element's subtree is rendered; while a modal <dialog> is open everything outside it is inert,
   * so a card for a mention inside one must be inside it too. Otherwise, the root element.
   */
  private hostContainer(mention?: PaintedMention): Element {
    const fullscreen = this.doc.fullscreenElement;
    if (fullscreen && !REPLACED_ELEMENTS.has(fullscreen.tagName)) return fullscreen;
    const dialog = mention?.from.node.parentElement?.closest('dialog');
    if (dialog && isModal(dialog)) return dialog;
    return this.doc.documentElement;
  }

  private createView(): CardView {
    const created = new CardView(this.doc);
    created.closeButton.addEventListener('click', () => this.dispatch({ type: 'dismiss', focusInCard: this.isCard(this.activeElement()) }));
    return created;
  }

  /**
   * A hover starts a dwell before the card opens; its idle moments prepare what the first open
   * needs (the card view, kept out of the document; the positioning code's first run; the card's
   * fonts), so the open itself only fills, attaches and places. Pages nobody hovers pay nothing.
   */
  private warmUp(mention: PaintedMention): void {
    if (this.view || this.warming || this.destroyed) return;
    this.warming = true;
    whenIdle(() => {
      this.warming = false;
      if (this.view || this.destroyed || !mention.from.node.isConnected) return;
      this.view = this.createView();
      rehearsePositioning(mention, this.view);
      warmFonts(this.doc);
    }, CARD_WARM_UP_IDLE_TIMEOUT_MS);
  }

  private returnFocus(origin: object | null): void {
    if (origin instanceof HTMLElement && origin !== this.doc.body && origin.isConnected) {
      origin.focus({ preventScroll: true });
      return;
    }
    // Focus came from nowhere in particular: let it go back to the document.
    const focused = this.view?.focusedElement() ?? this.activeElement();
    if (focused instanceof HTMLElement) focused.blur();
  }
}

/** Whether a dialog was opened with showModal() (`:modal` is recent; without it, assume not). */
function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false;
  }
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

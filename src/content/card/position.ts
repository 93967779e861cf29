/**
 * Keeps the card next to its mention with Floating UI: below it by default, flipped above when
 * there is no room, shifted and sized to stay inside the viewport, and following scrolls and
 * resizes. `fixed` suits the top layer, where the card lives.
 *
 * Nothing here walks the mention's ancestors: Floating UI's ancestor scroll listeners and its
 * `hide` middleware read the computed style of every ancestor, which froze a 10,000-deep page for
 * seconds. One capture-phase scroll listener hears every scroller, and an IntersectionObserver
 * (which the browser clips by overflow ancestors natively) says whether the mention is in sight.
 */
import { autoUpdate, computePosition, flip, limitShift, offset, shift, size, type ComputePositionConfig, type VirtualElement } from '@floating-ui/dom';
import { CARD_OFFSET_PX, CARD_SIGHT_MAX_LEVELS, CARD_VIEWPORT_PADDING_PX } from '../../shared/constants';
import { isIntact, type PaintedMention } from '../highlighter/painted-mentions';
import type { CardView } from './card-view';

/**
 * The mention as Floating UI's reference: a virtual element whose box is its first piece's (a
 * mention broken over two lines anchors to where it starts).
 */
function anchorOf(mention: PaintedMention): VirtualElement {
  const range = mention.ranges[0] as Range;
  return {
    getBoundingClientRect: () => range.getClientRects()[0] ?? range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: mention.from.node.parentElement ?? undefined,
  };
}

/**
 * Starts following a mention; returns the function that stops. `lost` is called when its text
 * leaves the document (the page re-rendered it away), since a card pointing at nothing misleads.
 */
export function followMention(mention: PaintedMention, view: CardView, lost: () => void): () => void {
  const anchor = anchorOf(mention);
  let mentionInSight = true;
  /** What the last placement was computed from: a call that finds nothing moved has nothing to do. */
  let placedFor = '';
  const update = () => {
    if (!isIntact(mention)) {
      lost();
      return;
    }
    // Opening places the card at once; the observers' first reports, in the next frame, would
    // only compute the same place again while the frame waits.
    if (placementInputs(anchor, view.card, mentionInSight) === placedFor) return;
    computePosition(anchor, view.card, placement(view.limitTo.bind(view))).then(
      ({ x, y }) => {
        // Layout is still as the positioning last read it (after sizing the card): reading is free.
        placedFor = placementInputs(anchor, view.card, mentionInSight);
        // Scrolled out of sight (or clipped away), the mention takes its card with it until it returns.
        view.placeAt(x, y, !mentionInSight);
      },
      () => {
        placedFor = '';
        // A mention removed mid-flight has no box; show the card at the padding rather than nowhere.
        view.placeAt(CARD_VIEWPORT_PADDING_PX, CARD_VIEWPORT_PADDING_PX, false);
      },
    );
  };

  const sight =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          const latest = entries[entries.length - 1];
          if (!latest) return;
          // The first report usually confirms what is assumed; only a change moves the card.
          if (latest.isIntersecting === mentionInSight) return;
          mentionInSight = latest.isIntersecting;
          update();
        })
      : null;
  // The browser observes elements only: the element holding the mention's text stands in for it.
  // An element with no box of its own (display: contents) never intersects: the nearest one with a
  // box stands in, looked for a few levels up only (a page may nest thousands); none, and the
  // mention is taken to be in sight.
  let holder = mention.from.node.parentElement;
  for (let level = 0; holder && holder.getClientRects().length === 0; level++) {
    holder = level < CARD_SIGHT_MAX_LEVELS ? holder.parentElement : null;
  }
  if (holder) sight?.observe(holder);

  const listening = { capture: true, passive: true } as const;
  document.addEventListener('scroll', update, listening);
  window.addEventListener('resize', update, { passive: true });
  const stopAutoUpdate = autoUpdate(anchor, view.card, update, {
    ancestorScroll: false,
    ancestorResize: false,
    // Observers are used where the browser has them; the listeners above cover the rest.
    elementResize: typeof ResizeObserver === 'function',
    layoutShift: typeof IntersectionObserver === 'function',
  });
  return () => {
    stopAutoUpdate();
    sight?.disconnect();
    document.removeEventListener('scroll', update, listening);
    window.removeEventListener('resize', update);
  };
}

/** Everything a placement depends on, as one comparable string: the mention's box, the card's size, the viewport. */
function placementInputs(anchor: VirtualElement, card: HTMLElement, mentionInSight: boolean): string {
  const { x, y, width, height } = anchor.getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  return [x, y, width, height, card.offsetWidth, card.offsetHeight, clientWidth, clientHeight, mentionInSight].join();
}

/** `limit` is told the room left beside the mention, to keep the card within it. */
function placement(limit: (width: number, height: number) => void): Partial<ComputePositionConfig> {
  return {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      offset(CARD_OFFSET_PX),
      flip({ padding: CARD_VIEWPORT_PADDING_PX }),
      // limitShift keeps the card beside its mention instead of sliding past it along the edge.
      shift({ padding: CARD_VIEWPORT_PADDING_PX, limiter: limitShift() }),
      size({
        padding: CARD_VIEWPORT_PADDING_PX,
        apply: ({ availableWidth, availableHeight }) => limit(availableWidth, availableHeight),
      }),
    ],
  };
}

/**
 * Runs the positioning once against a card that is not in the document, and drops the result.
 * Code runs slowly the first time (compiled lazily, then tuned as it runs): this moves that cost
 * of the first open into an idle moment. It only reads the page's layout; it writes nothing there.
 */
export function rehearsePositioning(mention: PaintedMention, view: CardView): void {
  // The room it finds is not the card's real room: it is not passed on.
  computePosition(anchorOf(mention), view.card, placement(() => undefined)).catch(() => undefined);
}

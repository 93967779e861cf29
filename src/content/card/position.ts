/**
 * Keeps the card next to its mention with Floating UI: below it by default, flipped above when
 * there is no room, shifted and sized to stay inside the viewport, and following scrolls and
 * resizes. `fixed` suits the top layer, where the card lives.
 */
import { autoUpdate, computePosition, flip, hide, limitShift, offset, shift, size } from '@floating-ui/dom';
import { CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '../../shared/constants';
import type { CardView } from './card-view';

/**
 * Starts following `mark`; returns the function that stops. `lost` is called when the mark leaves
 * the document (the page re-rendered it away), since a card pointing at nothing misleads.
 */
export function followMention(mark: HTMLElement, view: CardView, lost: () => void): () => void {
  const update = () => {
    if (!mark.isConnected) {
      lost();
      return;
    }
    computePosition(mark, view.card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(CARD_OFFSET_PX),
        flip({ padding: CARD_VIEWPORT_PADDING_PX }),
        // limitShift keeps the card beside its mention instead of sliding past it along the edge.
        shift({ padding: CARD_VIEWPORT_PADDING_PX, limiter: limitShift() }),
        size({
          padding: CARD_VIEWPORT_PADDING_PX,
          apply: ({ availableWidth, availableHeight }) => view.limitTo(availableWidth, availableHeight),
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    }).then(
      // Scrolled out of sight (or clipped away), the mention takes its card with it until it returns.
      ({ x, y, middlewareData }) => view.placeAt(x, y, middlewareData.hide?.referenceHidden === true),
      // A mention removed mid-flight has no box; show the card at the padding rather than nowhere.
      () => view.placeAt(CARD_VIEWPORT_PADDING_PX, CARD_VIEWPORT_PADDING_PX, false),
    );
  };
  return autoUpdate(mark, view.card, update, {
    // Observers are used where the browser has them; scroll and resize events cover the rest.
    elementResize: typeof ResizeObserver === 'function',
    layoutShift: typeof IntersectionObserver === 'function',
  });
}

/**
 * Keeps the card next to its mention with Floating UI: below it by default, flipped above when
 * there is no room, shifted and sized to stay inside the viewport, and following scrolls and
 * resizes. `fixed` suits the top layer, where the card lives.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
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
        shift({ padding: CARD_VIEWPORT_PADDING_PX }),
        size({
          padding: CARD_VIEWPORT_PADDING_PX,
          apply: ({ availableWidth, availableHeight }) => view.limitTo(availableWidth, availableHeight),
        }),
      ],
    }).then(
      ({ x, y }) => view.placeAt(x, y),
      // A mention removed mid-flight has no box; show the card at the padding rather than nowhere.
      () => view.placeAt(CARD_VIEWPORT_PADDING_PX, CARD_VIEWPORT_PADDING_PX),
    );
  };
  return autoUpdate(mark, view.card, update, {
    // Observers are used where the browser has them; scroll and resize events cover the rest.
    elementResize: typeof ResizeObserver === 'function',
    layoutShift: typeof IntersectionObserver === 'function',
  });
}

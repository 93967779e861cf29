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
import { autoUpdate, computePosition, flip, limitShift, offset, shift, size } from '@floating-ui/dom';
import { CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '../../shared/constants';
import type { CardView } from './card-view';

/**
 * Starts following `mark`; returns the function that stops. `lost` is called when the mark leaves
 * the document (the page re-rendered it away), since a card pointing at nothing misleads.
 */
export function followMention(mark: HTMLElement, view: CardView, lost: () => void): () => void {
  let mentionInSight = true;
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
      ],
    }).then(
      // Scrolled out of sight (or clipped away), the mention takes its card with it until it returns.
      ({ x, y }) => view.placeAt(x, y, !mentionInSight),
      // A mention removed mid-flight has no box; show the card at the padding rather than nowhere.
      () => view.placeAt(CARD_VIEWPORT_PADDING_PX, CARD_VIEWPORT_PADDING_PX, false),
    );
  };

  const sight =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          const latest = entries[entries.length - 1];
          if (!latest) return;
          mentionInSight = latest.isIntersecting;
          update();
        })
      : null;
  sight?.observe(mark);

  const listening = { capture: true, passive: true } as const;
  document.addEventListener('scroll', update, listening);
  window.addEventListener('resize', update, { passive: true });
  const stopAutoUpdate = autoUpdate(mark, view.card, update, {
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

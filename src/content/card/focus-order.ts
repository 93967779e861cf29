/**
 * Where keyboard focus goes after the card. The card's host sits at the end of the document, so
 * the browser's own Tab order would jump from the card to the browser's toolbar; instead Tab from
 * the card's last button continues with the page's next focusable element after the mention.
 */

const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';

/** The first element after `anchor` in document order that Tab would reach, or null. */
export function nextTabbableAfter(anchor: Element): HTMLElement | null {
  for (const candidate of anchor.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (anchor.contains(candidate)) continue;
    if (!(anchor.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (isTabbable(candidate)) return candidate;
  }
  return null;
}

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0) return false;
  if ('disabled' in element && element.disabled === true) return false;
  if (element.closest('[inert], [hidden]')) return false;
  // checkVisibility is recent; where it is missing, trust the checks above.
  return typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
}

/**
 * Which page elements the highlighter reads, which it treats as part of the surrounding
 * sentence, and which it never touches. Decided by tag name and attributes only, never by
 * computed style, so walking a page never forces a style recalculation or layout.
 */

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** The host element of the extension's own UI (the card lives in its shadow root). */
export const OWN_UI_TAG = 'backstory-ui';
/** The stand-in host's mark, where a page had defined OWN_UI_TAG itself (see card-view.ts). */
export const OWN_UI_FALLBACK_ATTRIBUTE = 'data-backstory-ui';

/**
 * Elements whose text flows into their parent's sentence. Text inside them joins the text
 * around them, so `Salt <em>Typhoon</em>` reads as one name. Anything not listed (including
 * unknown and custom elements, which sites often style as blocks) starts a new block: at worst
 * that misses a name split across it, which is cheaper than claiming a name across two cards.
 */
const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'ins', 'label', 'nobr', 'q', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/**
 * Elements whose content is never read or changed. Form controls and code are the page's
 * working parts; scripts, styles and embedded documents are not prose; ruby annotations
 * (rt, rp) would splice pronunciations into words; the page's own <mark>s already carry a
 * highlight of the page's, and nesting ours inside would make both unreadable.
 */
const EXCLUDED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio',
  'input', 'textarea', 'select', 'button', 'option', 'optgroup', 'datalist',
  'code', 'pre', 'kbd', 'samp',
  'rt', 'rp', 'mark',
  // Foreign content is caught by namespace; the names also catch parsers that leave it in HTML's.
  'svg', 'math',
  OWN_UI_TAG,
]);

/** Attributes whose change can turn a subtree from readable into untouchable or back. */
export const EXCLUSION_ATTRIBUTES: readonly string[] = ['contenteditable', 'hidden'];

export function isInlineElement(element: Element): boolean {
  return isInlineTag(element.localName);
}

/** isInlineElement for a tag name already read. */
export function isInlineTag(localName: string): boolean {
  return INLINE_TAGS.has(localName);
}

/**
 * True when the element and everything inside it must be left alone.
 * - SVG, MathML and any other foreign namespace: not prose, and marks there would not render.
 * - contenteditable (any value but "false"): an editor; a wrapped node would move the caret.
 *   The attribute is checked instead of `isContentEditable`, which forces a style update on
 *   every call; descendants are covered because the whole subtree is skipped.
 * - hidden: not shown, so a mark there could never be seen, yet it would count on the badge
 *   and could unlock a short form. Revealing it (accordions, hidden="until-found") is followed.
 *
 * Deliberately read: aria-hidden="true" and inert content. Both are visible, and modal
 * libraries put them on the whole article while a dialog (a cookie banner) is open; excluding
 * them would strip every mark on open and redo the page on close. Our marks are tabindex=-1
 * (focusable, never tabbable), which is allowed inside aria-hidden.
 */
export function isExcludedElement(element: Element, isOwnUi?: (node: Node) => boolean, localName = element.localName): boolean {
  if (element.namespaceURI !== HTML_NAMESPACE) return true;
  if (EXCLUDED_TAGS.has(localName)) return true;
  // Most elements of an article carry no attribute at all: one call instead of two lookups.
  if (element.hasAttributes()) {
    if (element.hasAttribute('hidden') || element.hasAttribute(OWN_UI_FALLBACK_ATTRIBUTE)) return true;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
  }
  return isOwnUi?.(element) ?? false;
}

/** designMode makes the whole document an editor: then nothing is touched. */
export function isDocumentEditable(node: Node): boolean {
  const doc = node.nodeType === Node.DOCUMENT_NODE ? (node as Document) : node.ownerDocument;
  return doc?.designMode?.toLowerCase() === 'on';
}

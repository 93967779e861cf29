/**
 * Turns an article's DOM (Readability's cleaned content) into plain-text paragraphs: one per
 * block (p, li, blockquote, h2–h6, pre, …), inline markup flattened, whitespace normalised,
 * empty ones dropped. Text loose between blocks becomes a paragraph of its own. No HTML survives.
 */

/** Elements that start a new paragraph; anything else is inline and joins the current one. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose text is never article text. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'MATH', 'math', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA']);

export interface ParagraphLimits {
  /** Stop once this many characters are kept (at a paragraph boundary; a longer first paragraph is cut). */
  maxChars: number;
}

export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The paragraphs under `root`, in document order. Iterative, so a page nested 10,000 deep cannot overflow the stack. */
export function extractParagraphs(root: Node, limits: ParagraphLimits): string[] {
  const paragraphs: string[] = [];
  let kept = 0;
  let buffer: string[] = [];
  let full = false;

  const flush = () => {
    if (buffer.length === 0 || full) return;
    const text = normaliseWhitespace(buffer.join(''));
    buffer = [];
    if (text === '') return;
    const room = limits.maxChars - kept;
    paragraphs.push(text.length > room ? text.slice(0, room) : text);
    kept += Math.min(text.length, room);
    if (kept >= limits.maxChars) full = true;
  };

  // Each step either enters a node or leaves a block (a marker), so blocks flush on both sides.
  const stack: Array<Node | { leave: true }> = [root];
  while (stack.length > 0 && !full) {
    const item = stack.pop()!;
    if ('leave' in item) {
      flush();
      continue;
    }
    if (item.nodeType === 3 /* TEXT_NODE */) {
      buffer.push((item as Text).data);
      continue;
    }
    if (item.nodeType !== 1 /* ELEMENT_NODE */ && item.nodeType !== 9 && item.nodeType !== 11) continue;
    const tag = item.nodeType === 1 ? (item as Element).tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag) || (item.nodeType === 1 && (item as Element).hasAttribute('hidden'))) continue;
    if (tag === 'BR') {
      buffer.push(' ');
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push({ leave: true });
    }
    const children = item.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  flush();
  return paragraphs;
}

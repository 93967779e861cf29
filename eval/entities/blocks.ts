/**
 * Blocks of an HTML page, the way the extension's text runs cut them (src/content/highlighter/
 * text-runs.ts and element-rules.ts): inline elements join their text to the run around them,
 * every other element starts and ends a run, and elements the highlighter never reads (scripts,
 * styles, code, form controls, editors, `hidden`, svg…) end a run and are skipped whole.
 * Eval only: happy-dom parses the page, nothing runs in it.
 */
import { Window } from 'happy-dom';

/** Mirrors INLINE_TAGS of element-rules.ts. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'ins', 'label', 'nobr', 'q', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** Mirrors EXCLUDED_TAGS of element-rules.ts. */
const EXCLUDED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio',
  'input', 'textarea', 'select', 'button', 'option', 'optgroup', 'datalist',
  'code', 'pre', 'kbd', 'samp', 'rt', 'rp', 'mark', 'svg', 'math',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
  data?: string;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

function excluded(element: DomNode): boolean {
  const tag = element.localName ?? '';
  if (EXCLUDED.has(tag)) return true;
  if (element.hasAttribute?.('hidden')) return true;
  const editable = element.getAttribute?.('contenteditable');
  return editable !== null && editable !== undefined && editable.toLowerCase() !== 'false';
}

/** The page's runs in document order, whitespace kept as the page has it (the matcher folds it). Empty runs are dropped. */
export function blocksOfHtml(html: string): string[] {
  const window = new Window({
    url: 'https://example.com/',
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true },
  });
  try {
    window.document.write(html);
    const body = window.document.body as unknown as DomNode | null;
    const runs: string[] = [];
    let current = '';
    const flush = () => {
      if (current.trim()) runs.push(current);
      current = '';
    };
    // Iterative walk: deep pages must not overflow the stack.
    const stack: Array<{ node: DomNode; index: number; breaks: boolean }> = [];
    if (body) stack.push({ node: body, index: 0, breaks: true });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.index >= top.node.childNodes.length) {
        stack.pop();
        if (top.breaks) flush();
        continue;
      }
      const child = top.node.childNodes[top.index++]!;
      if (child.nodeType === TEXT_NODE) {
        current += child.data ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        if (excluded(child)) {
          flush();
          continue;
        }
        const breaks = !INLINE.has(child.localName ?? '');
        if (breaks) flush();
        stack.push({ node: child, index: 0, breaks });
      }
    }
    flush();
    return runs;
  } finally {
    void window.happyDOM.close();
  }
}

/**
 * Text runs ("blocks"): the text of consecutive page text nodes that read as one piece of prose.
 * A run ends wherever a block-level element starts or ends, and at anything the highlighter
 * never touches, so a name is only found where a reader sees it as one phrase. Runs are
 * produced one at a time, in document order, by a walker that can pause between slices.
 */
import { isExcludedElement, isInlineElement } from './element-rules';

/** One run: the page's text nodes, and the text each holds as the page knows it. */
export interface TextRun {
  readonly nodes: Text[];
  readonly texts: string[];
}

export interface WalkRules {
  /** The extension's own UI, which is never read. */
  isOwnUi?: ((node: Node) => boolean) | undefined;
  /** Nodes the highlighter created: marks are read through the page node they were split from. */
  isOurs(node: Node): boolean;
  /** A page text node's text before any split of ours. */
  pageText(node: Text): string;
  /**
   * An open shadow root met on the walk (its host was visited or is the container). Its runs
   * are not the walk's: they are read as a root of their own. `deep` says the walk was.
   */
  foundShadowRoot?(root: ShadowRoot, deep: boolean): void;
}

/**
 * Walks the runs inside a container (a block-level element, or the root). `deep` walks nested
 * blocks too; shallow walks only the runs that belong to the container itself, which is what a
 * change to its direct text needs.
 */
export class RunWalker {
  private cursor: Node | null;
  private started = false;

  constructor(
    readonly container: Node,
    readonly deep: boolean,
    private readonly rules: WalkRules,
  ) {
    this.cursor = container.firstChild;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  /**
   * Called after the page had a chance to run. False when the container left `root` (the walk
   * is pointless); when only the walker's place was removed, the walk restarts from the top,
   * which is safe because reading a run twice changes nothing.
   */
  stillUseful(inScope: (node: Node) => boolean): boolean {
    if (!inScope(this.container)) return false;
    if (this.cursor && !this.container.contains(this.cursor)) this.cursor = this.container.firstChild;
    return true;
  }

  nextRun(): TextRun | null {
    if (!this.started) this.noteShadowRoot(this.container);
    this.started = true;
    const nodes: Text[] = [];
    const texts: string[] = [];
    while (this.cursor) {
      const node = this.cursor;
      let endsRun: boolean;
      if (node.nodeType === Node.TEXT_NODE) {
        // Text straight under <html> is outside body and head (only scripts put it there).
        if (!this.rules.isOurs(node) && node.parentNode !== node.ownerDocument?.documentElement) {
          const text = this.rules.pageText(node as Text);
          if (text.length > 0) {
            nodes.push(node as Text);
            texts.push(text);
          }
        }
        endsRun = this.advance(node, false);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        endsRun = this.visitElement(node as Element);
      } else {
        // Comments, processing instructions, doctypes: invisible, so they join the text around them.
        endsRun = this.advance(node, false);
      }
      if (endsRun && nodes.length > 0) return { nodes, texts };
    }
    return nodes.length > 0 ? { nodes, texts } : null;
  }

  /** Moves past an element; returns whether a run boundary was crossed. */
  private visitElement(element: Element): boolean {
    if (this.rules.isOurs(element)) return this.advance(element, false);
    if (isExcludedElement(element, this.rules.isOwnUi)) {
      this.advance(element, false);
      return true;
    }
    this.noteShadowRoot(element);
    if (isInlineElement(element)) return this.advance(element, true);
    this.advance(element, this.deep);
    return true;
  }

  /** One property read per element visited: what finding open shadow roots costs a page without any. */
  private noteShadowRoot(node: Node): void {
    const shadow = (node as Partial<Element>).shadowRoot;
    if (shadow) this.rules.foundShadowRoot?.(shadow, this.deep);
  }

  /** Moves the cursor to the next node in document order; true if it left a block on the way. */
  private advance(from: Node, descend: boolean): boolean {
    if (descend && from.firstChild) {
      this.cursor = from.firstChild;
      return false;
    }
    let node: Node = from;
    let leftBlock = false;
    while (node !== this.container) {
      if (node.nextSibling) {
        this.cursor = node.nextSibling;
        return leftBlock;
      }
      const parent = node.parentNode;
      if (!parent) break;
      node = parent;
      if (node !== this.container && this.isBlockBoundary(node)) leftBlock = true;
    }
    this.cursor = null;
    return true;
  }

  private isBlockBoundary(node: Node): boolean {
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    return !this.rules.isOurs(node) && !isInlineElement(node as Element);
  }
}

/**
 * The container whose runs hold `node`: the nearest block-level element at or above it (or the
 * root it is under). Null when the node is under no root, or inside something never touched.
 * Does not look past a root: whether a shadow root's host is readable is the caller's to ask.
 */
export function findRunContainer(node: Node, isRoot: (node: Node) => boolean, rules: WalkRules): Node | null {
  let container: Node | null = null;
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE || isRoot(node) ? node : node.parentNode;
  while (current) {
    if (isRoot(current)) return container ?? current;
    if (current.nodeType === Node.ELEMENT_NODE && !rules.isOurs(current)) {
      const element = current as Element;
      if (isExcludedElement(element, rules.isOwnUi)) return null;
      if (!container && !isInlineElement(element)) container = element;
    }
    current = current.parentNode;
  }
  return null;
}

/**
 * The outermost block-level elements inside an inline subtree: a new inline element can carry
 * whole blocks (`<span><p>…</p></span>`), whose runs are their own.
 */
export function outermostBlocksWithin(element: Element, rules: WalkRules): Element[] {
  const blocks: Element[] = [];
  const pending: Element[] = [...element.children];
  while (pending.length > 0) {
    const child = pending.pop();
    if (!child || rules.isOurs(child) || isExcludedElement(child, rules.isOwnUi)) continue;
    if (isInlineElement(child)) pending.push(...child.children);
    else blocks.push(child);
  }
  return blocks;
}

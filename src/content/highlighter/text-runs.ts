/**
 * Text runs ("blocks"): the text of consecutive page text nodes that read as one piece of prose.
 * A run ends wherever a block-level element starts or ends, and at anything the highlighter
 * never touches, so a name is only found where a reader sees it as one phrase. Runs are
 * produced one at a time, in document order, by a walker that can pause between slices.
 */
import { WALK_STEP_NODES } from '../../shared/constants';
import { BlockSieve, type SkippedBlocks } from './block-sieve';
import { isExcludedElement, isInlineElement, isInlineTag } from './element-rules';

/** One run: the page's text nodes, and the text each holds. */
export interface TextRun {
  readonly nodes: Text[];
  readonly texts: string[];
  /**
   * The run was walked over more than one step, so the page may have run in between and changed
   * what was read first: its texts are checked against the page before anything is painted.
   */
  readonly stepped?: boolean;
}

export interface WalkRules {
  /** The extension's own UI, which is never read. */
  isOwnUi?: ((node: Node) => boolean) | undefined;
  /**
   * An open shadow root met on the walk: its host was visited or is the container, or lies in a
   * block the sieve skipped (those are told when the walk ends). Its runs are not the walk's:
   * they are read as a root of their own. `deep` says the walk was.
   */
  foundShadowRoot?(root: ShadowRoot, deep: boolean): void;
  /**
   * False when no run inside an element whose whole text this is can name anything (see
   * CompiledMatcher.mayName). A deep walk then skips the element without reading its runs.
   */
  mayName?(text: string): boolean;
  /** A block the sieve skipped whole: whatever was painted inside it before no longer stands. */
  skipped?(block: Element): void;
}

/**
 * Every element that may be a shadow host, and more: only custom elements and the 18 elements
 * the DOM standard's attachShadow() lists (div, span, p, section…) can host, so the most common
 * of the others are left out, inline text, lists, tables, media, forms, document metadata and
 * SVG's parts among them (selector matching is native; each element handed back costs a wrapper).
 */
const MAY_HOST_SHADOW_ROOT =
  ':not(a, abbr, b, br, button, cite, dd, dl, dt, em, figcaption, figure, form, g, head, hr, i, iframe, img, input, label, li, link, meta, noscript, ol, option, path, picture, q, s, script, select, small, source, strong, style, sub, sup, svg, symbol, table, tbody, td, textarea, th, thead, time, title, tr, u, ul, use, wbr)';

const newRun = (): { nodes: Text[]; texts: string[]; stepped: boolean } => ({ nodes: [], texts: [], stepped: false });

/**
 * Walks the runs inside a container (a block-level element, or the root). `deep` walks nested
 * blocks too; shallow walks only the runs that belong to the container itself, which is what a
 * change to its direct text needs.
 */
export class RunWalker {
  #cursor: Node | null;
  #started = false;
  /** Rules out whole blocks in a deep walk with a sieve; null when the walk reads every block. */
  readonly #sieve: BlockSieve | null;
  /** The sieve skipped the block just passed. */
  #skipped = false;
  /**
   * What the sieve skipped in this walk, blocks and stretches of siblings (`first`…`last` of
   * `elements`), whose open shadow roots are looked for once it ends: one part per call, each at
   * most about SIEVE_MAX_ELEMENTS elements, since a big page's all at once is one long step.
   */
  #skippedParts: [elements: ArrayLike<Element>, first: number, last: number][] = [];
  /** The run being walked, kept between steps (see WALK_STEP_NODES). */
  #run = newRun();

  /** The document's root element, read once: every text node is checked against it. */
  readonly #rootElement: Element | null;

  /**
   * `overPainted`: whether mentions may be painted inside the container already (a re-read);
   * only then does a block the sieve skips need reporting.
   */
  constructor(
    readonly container: Node,
    readonly deep: boolean,
    private readonly rules: WalkRules,
    private readonly overPainted = false,
  ) {
    this.#cursor = container.firstChild;
    const doc = container.nodeType === Node.DOCUMENT_NODE ? (container as Document) : container.ownerDocument;
    this.#rootElement = doc?.documentElement ?? null;
    this.#sieve = deep && rules.mayName ? new BlockSieve(container, rules.mayName, this.#rootElement, this.#skippedBlocks) : null;
  }

  get hasStarted(): boolean {
    return this.#started;
  }

  /** Nothing is left to walk. */
  get done(): boolean {
    return this.#started && this.#cursor === null && this.#skippedParts.length === 0;
  }

  /**
   * Called after the page had a chance to run. False when the container left `root` (the walk
   * is pointless); when only the walker's place was removed, the walk restarts from the top,
   * which is safe because reading a run twice changes nothing.
   */
  stillUseful(inScope: (node: Node) => boolean): boolean {
    if (!inScope(this.container)) return false;
    if (this.#cursor && !this.container.contains(this.#cursor)) {
      this.#cursor = this.container.firstChild;
      this.#run = newRun();
      this.#skippedParts = [];
    }
    return true;
  }

  /**
   * The next run, or null when there is none yet: the sieve just skipped a block, WALK_STEP_NODES
   * were visited, or a part the sieve skipped was searched once the walk ended, each of which
   * gives the caller a moment to yield (a page with no names yields no runs). A run cut short by
   * a step goes on at the next call.
   */
  nextRun(): TextRun | null {
    if (!this.#started) this.#noteShadowRoot(this.container);
    this.#started = true;
    if (!this.#cursor) {
      const part = this.#skippedParts.pop();
      if (part) this.#searchSkipped(...part);
      return null;
    }
    const run = this.#run;
    const { nodes, texts } = run;
    let visited = 0;
    while (this.#cursor) {
      if (visited++ === WALK_STEP_NODES) {
        // Whatever run this one goes on (or the next starts), the page may run before it ends.
        run.stepped = true;
        return null;
      }
      const node = this.#cursor;
      const type = node.nodeType;
      let endsRun: boolean;
      if (type === Node.TEXT_NODE) {
        // Text straight under <html> is outside body and head (only scripts put it there).
        // Empty nodes belong to the run too: a mention painted over text the page has since
        // emptied must be found there to be dropped.
        if (node.parentNode !== this.#rootElement) {
          nodes.push(node as Text);
          texts.push((node as Text).data);
        }
        endsRun = this.#advance(node, false);
      } else if (type === Node.ELEMENT_NODE) {
        endsRun = this.#visitElement(node as Element);
      } else {
        // Comments, processing instructions, doctypes: invisible, so they join the text around them.
        endsRun = this.#advance(node, false);
      }
      if (endsRun && nodes.length > 0) return this.#takeRun();
      if (this.#skipped) {
        this.#skipped = false;
        if (nodes.length === 0) return null;
      }
    }
    return nodes.length > 0 ? this.#takeRun() : null;
  }

  /** Hands over the run walked so far, and starts the next. */
  #takeRun(): TextRun {
    const run = this.#run;
    this.#run = newRun();
    return run;
  }

  /** Moves past an element; returns whether a run boundary was crossed. */
  #visitElement(element: Element): boolean {
    // Each DOM read costs a content script a call into the page's world: the tag is read once.
    const tag = element.localName;
    if (isExcludedElement(element, this.rules.isOwnUi, tag)) {
      this.#advance(element, false);
      return true;
    }
    this.#noteShadowRoot(element);
    if (isInlineTag(tag)) return this.#advance(element, true);
    const skippedTo = this.#sieve?.skipTo(element) ?? null;
    this.#skipped = skippedTo !== null;
    this.#advance(skippedTo ?? element, this.deep && !skippedTo);
    return true;
  }

  /** What the sieve skipped: reported on a re-read, and kept for its open shadow roots. */
  readonly #skippedBlocks: SkippedBlocks = {
    block: (block) => this.#noteSkipped([block], 0, 0),
    stretch: (parent, first, last) => this.#noteSkipped(parent.children, first, last),
  };

  #noteSkipped(elements: ArrayLike<Element>, first: number, last: number): void {
    if (this.rules.foundShadowRoot) this.#skippedParts.push([elements, first, last]);
    // Each element handed over costs a call into the page: none is taken here that nothing needs.
    if (this.overPainted) for (let index = first; index <= last; index++) this.rules.skipped?.(elements[index] as Element);
  }

  /**
   * The open shadow roots in a part the sieve skipped, whose text is not its own, so they are
   * read on their own. Hosts the walk visited may be among them; telling of them again changes
   * nothing. A stretch's siblings the page has removed since are passed over.
   */
  #searchSkipped(elements: ArrayLike<Element>, first: number, last: number): void {
    for (let index = first; index <= last; index++) {
      const element = elements[index];
      if (!element) return;
      this.#noteShadowRoot(element);
      this.#noteShadowRootsAmong(element.querySelectorAll(MAY_HOST_SHADOW_ROOT), element);
    }
  }

  /** Open shadow roots of these elements inside `block`, except inside what is never read. */
  #noteShadowRootsAmong(elements: Iterable<Element>, block: Node): void {
    for (const element of elements) {
      // One property read per element; the rare host is then checked for what it sits in.
      const shadow = element.shadowRoot;
      if (shadow && !this.#excludedBetween(element, block)) this.rules.foundShadowRoot?.(shadow, this.deep);
    }
  }

  #excludedBetween(element: Element, block: Node): boolean {
    for (let current: Element | null = element; current && current !== block; current = current.parentElement) {
      if (isExcludedElement(current, this.rules.isOwnUi)) return true;
    }
    return false;
  }

  /** One property read per element visited: what finding open shadow roots costs a page without any. */
  #noteShadowRoot(node: Node): void {
    const shadow = (node as Partial<Element>).shadowRoot;
    if (shadow) this.rules.foundShadowRoot?.(shadow, this.deep);
  }

  /** Moves the cursor to the next node in document order; true if it left a block on the way. */
  #advance(from: Node, descend: boolean): boolean {
    if (descend && from.firstChild) {
      this.#cursor = from.firstChild;
      return false;
    }
    let node: Node = from;
    let leftBlock = false;
    while (node !== this.container) {
      if (node.nextSibling) {
        this.#cursor = node.nextSibling;
        return leftBlock;
      }
      const parent = node.parentNode;
      if (!parent) break;
      node = parent;
      if (node !== this.container && this.#isBlockBoundary(node)) leftBlock = true;
    }
    this.#cursor = null;
    return true;
  }

  #isBlockBoundary(node: Node): boolean {
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    return !isInlineTag((node as Element).localName);
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
    if (current.nodeType === Node.ELEMENT_NODE) {
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
    if (!child || isExcludedElement(child, rules.isOwnUi)) continue;
    if (isInlineElement(child)) pending.push(...child.children);
    else blocks.push(child);
  }
  return blocks;
}

/**
 * The sieve of a deep walk: rules out whole blocks whose text cannot name anything, so their
 * runs are never read. A block's text is taken in one native call, far cheaper than visiting its
 * nodes (in a content script's world each node handed to script costs a wrapper lookup).
 *
 * A read is one step that cannot yield, so a block with more than SIEVE_MAX_ELEMENTS elements is
 * not read whole: its children are read in stretches of siblings of at most that many elements,
 * starting smaller and doubling while they name nothing.
 * A block that may name something is mostly a wrapper around its children, whose text would be
 * read again as they are sieved in turn; to keep that from multiplying with the depth of the
 * tree, the children of one with only a few element children are presumed to name something like
 * it (so one read usually stands for the wrappers down to a list of paragraphs, which are then
 * sieved one by one), and reads inside blocks already read may total at most SIEVE_READS_PER_CHAR
 * times the text read first. The root element is not sieved: its text is the body's and the
 * head's (never read).
 */
import { SIEVE_FIRST_STRETCH_SHARE, SIEVE_MAX_ELEMENTS, SIEVE_MAX_PASS_SHARE, SIEVE_PRESUME_CHILDREN_UP_TO, SIEVE_READS_PER_CHAR, SIEVE_TRIAL_READS } from '../../shared/constants';
import { isInlineElement } from './element-rules';

/** Elements whose text is in textContent but never prose: a block holding one is not read whole. */
const CODE_INSIDE = 'script, style, template, noscript';

/** What the walk is told the sieve skipped: the block it stands on, or its siblings `first`…`last` (indexes among `parent`'s element children) with it. */
export interface SkippedBlocks {
  block(block: Element): void;
  stretch(parent: Element, first: number, last: number): void;
}

export class BlockSieve {
  /** Characters the sieve may still read inside blocks it has read already. */
  #allowance = 0;
  /** Blocks read in this walk, and how many of them may name something. */
  #reads = 0;
  #passes = 0;
  /** Blocks sieved or presumed to maybe name something; the children of those with few element children are presumed to as well. */
  readonly #mayNameBlocks = new WeakSet<Node>();
  readonly #fewChildren = new WeakMap<Element, boolean>();
  /** The last block counted as too big to read whole, and how many elements it holds. */
  #bigBlock: Element | null = null;
  #bigElements = 0;
  /** A block too big to read whole, with no code inside: its children are sieved in stretches. */
  #stretchedBlock: Node | null = null;
  /** The index among `stretchedBlock`'s element children the next stretch is looked for from. */
  #stretchFrom = 0;
  /** How many children make the next stretch (see SIEVE_FIRST_STRETCH_SHARE). */
  #stretchLength = 1;
  /** How many make a full one: about SIEVE_MAX_ELEMENTS elements, at the block's average. */
  #fullStretch = 1;
  /** The children of the last stretch that may name something: each is then sieved as inside a block read already. */
  readonly #passingStretch = new WeakSet<Element>();
  /**
   * Every element with inline JSON, a style or a template inside, from one query of the walk's
   * container on first need. The page may add more meanwhile; a block read with them can only be
   * let through wrongly, never skipped.
   */
  #codeHolders: WeakSet<Node> | null = null;

  constructor(
    private readonly container: Node,
    private readonly mayName: (text: string) => boolean,
    private readonly rootElement: Element | null,
    private readonly skipped: SkippedBlocks,
  ) {}

  /**
   * Null when the walk must read `block`; otherwise the element it moves past: the block, or the
   * last sibling of a stretch skipped with it.
   */
  skipTo(block: Element): Element | null {
    if (block === this.rootElement || !this.#worthIt()) return null;
    const parent = block.parentNode;
    const nested = parent !== null && (this.#mayNameBlocks.has(parent) || this.#passingStretch.has(block));
    if (nested && (this.#allowance === 0 || this.#hasFewChildren(parent as Element))) {
      this.#mayNameBlocks.add(block);
      return null;
    }
    // Inside a block read already, a block is smaller than that one: only an outermost one is counted.
    if (!nested) {
      const elements = this.#elementsIfBig(block, parent);
      if (elements > 0) {
        // Its children are read in stretches from now on, unless inline JSON or styles sit among them.
        this.#stretchedBlock = this.#holdsCode(block) ? null : block;
        this.#stretchFrom = 0;
        this.#fullStretch = Math.max(1, Math.floor((block.childElementCount * SIEVE_MAX_ELEMENTS) / elements));
        this.#stretchLength = firstStretch(this.#fullStretch);
        return null;
      }
      if (parent !== null && parent === this.#stretchedBlock) return this.#stretchSkipTo(parent as Element, block);
    }
    // Inline JSON and styles would be read and tested as if they were prose: their neighbours are sieved one by one instead.
    if (this.#holdsCode(block)) return null;
    if (this.#read(block.textContent ?? '', nested)) {
      this.#mayNameBlocks.add(block);
      return null;
    }
    this.skipped.block(block);
    return block;
  }

  /**
   * Sieves `first` and the siblings after it, `stretchLength` children (at most about
   * SIEVE_MAX_ELEMENTS elements at the block's average), as one stretch: one native read of the
   * text from `first` to the last of them. When it cannot name anything the walk moves past all
   * of it; when it may, each child in it is sieved as inside a block read already. A stretch ends
   * with a block, since the run an inline element belongs to may go on past it.
   */
  #stretchSkipTo(parent: Element, first: Element): Element | null {
    const children = parent.children;
    // The walk meets the children in order: `first` is at or after where the last stretch ended,
    // unless the page moved them meanwhile, which ends the stretches.
    let from = this.#stretchFrom;
    while (from < children.length && children[from] !== first) from++;
    if (from === children.length) {
      this.#stretchedBlock = null;
      return null;
    }
    let to = Math.min(from + this.#stretchLength, children.length) - 1;
    while (to > from && isInlineElement(children[to] as Element)) to--;
    const last = children[to] as Element;
    this.#stretchFrom = to + 1;
    const range = first.ownerDocument.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    if (this.#read(range.toString(), false)) {
      this.#stretchLength = firstStretch(this.#fullStretch);
      for (let index = from; index <= to; index++) this.#passingStretch.add(children[index] as Element);
      return this.skipTo(first);
    }
    this.#stretchLength = Math.min(this.#fullStretch, this.#stretchLength * 2);
    this.skipped.stretch(parent, from, to);
    return last;
  }

  /**
   * How many elements `block` holds when that is more than SIEVE_MAX_ELEMENTS, else 0. Past the
   * limit's element, not all of them: counting a big block costs a walk of all of it. The only
   * element child of the last big block counted holds one fewer, so a chain of wrappers is
   * counted once, not once per level (which made deep nesting quadratic).
   */
  #elementsIfBig(block: Element, parent: ParentNode | null): number {
    let elements: number;
    if (parent !== null && parent === this.#bigBlock && parent.childElementCount === 1) elements = this.#bigElements - 1;
    else {
      const all = block.getElementsByTagName('*');
      elements = all[SIEVE_MAX_ELEMENTS] === undefined ? 0 : all.length;
    }
    if (elements <= SIEVE_MAX_ELEMENTS) return 0;
    this.#bigBlock = block;
    this.#bigElements = elements;
    return elements;
  }

  #holdsCode(block: Element): boolean {
    if (!this.#codeHolders) {
      const holders = (this.#codeHolders = new WeakSet());
      for (const code of (this.container as ParentNode).querySelectorAll(CODE_INSIDE)) {
        // Each climb stops where an earlier one passed: the rest of the way is marked already.
        for (let node = code.parentNode; node && !holders.has(node); node = node.parentNode) holders.add(node);
      }
    }
    return this.#codeHolders.has(block);
  }

  /** Counts one read of `text` against the walk's allowance; true when it may name something. */
  #read(text: string, nested: boolean): boolean {
    this.#allowance = nested ? Math.max(0, this.#allowance - text.length) : this.#allowance + (SIEVE_READS_PER_CHAR - 1) * text.length;
    this.#reads++;
    if (!this.mayName(text)) return false;
    this.#passes++;
    return true;
  }

  /**
   * On a page where most blocks may name something, the sieve reads each block's text twice
   * (once to test it, once run by run) and skips little: after a trial, such a walk stops.
   */
  #worthIt(): boolean {
    return this.#reads < SIEVE_TRIAL_READS || this.#passes <= this.#reads * SIEVE_MAX_PASS_SHARE;
  }

  /** Asked only once a block child is met (a paragraph that may name something is never asked), and once per parent. */
  #hasFewChildren(parent: Element): boolean {
    let few = this.#fewChildren.get(parent);
    if (few === undefined) {
      few = parent.childElementCount <= SIEVE_PRESUME_CHILDREN_UP_TO;
      this.#fewChildren.set(parent, few);
    }
    return few;
  }
}

function firstStretch(full: number): number {
  return Math.max(1, Math.ceil(full * SIEVE_FIRST_STRETCH_SHARE));
}

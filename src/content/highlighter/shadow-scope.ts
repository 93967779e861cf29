/**
 * Where the highlighter reads: its root, and the open shadow roots found on its walks whose host
 * is itself somewhere read (not hidden, not in an editor, still in the page). Closed shadow roots
 * are never seen.
 *
 * Open shadow roots are roots of their own: found on the walk (one `shadowRoot` read per element
 * visited), observed by the same MutationObserver (records do not cross a shadow boundary), and
 * read by walks queued like any other. Their runs are read after the walk that found them, so on
 * the first pass a short form inside a shadow tree can lean on a full name anywhere in the light
 * DOM.
 */
import { shadowRootOf } from './composed-tree';
import { findRunContainer, type WalkRules } from './text-runs';

export class ShadowScope {
  /** The open shadow roots found so far whose host is still in the page. */
  readonly #known = new Set<ShadowRoot>();

  constructor(
    private readonly root: Node,
    private readonly rules: WalkRules,
  ) {}

  get size(): number {
    return this.#known.size;
  }

  /** Adds a shadow root met on a walk; false when it was known already. */
  add(shadow: ShadowRoot): boolean {
    if (this.#known.has(shadow)) return false;
    this.#known.add(shadow);
    return true;
  }

  /** A shadow root whose host left the page is no longer followed. */
  forgetDetached(): void {
    for (const shadow of this.#known) {
      if (!shadow.isConnected) this.#known.delete(shadow);
    }
  }

  clear(): void {
    this.#known.clear();
  }

  /** The known shadow roots in the page. */
  connected(): ShadowRoot[] {
    return [...this.#known].filter((shadow) => shadow.isConnected);
  }

  [Symbol.iterator](): IterableIterator<ShadowRoot> {
    return this.#known.values();
  }

  readonly isRoot = (node: Node): boolean => node === this.root || (this.#known.size > 0 && this.#known.has(node as ShadowRoot));

  /** Whether `node` is under the root, or under a known shadow root whose host is in scope. */
  readonly inScope = (node: Node): boolean => {
    const shadow = this.#known.size > 0 ? shadowRootOf(node) : null;
    if (!shadow) return this.root.contains(node);
    return this.#known.has(shadow) && this.runContainerOf(shadow.host) !== null;
  };

  /** findRunContainer across shadow roots: null as well when the node's shadow root is out of scope. */
  runContainerOf(node: Node): Node | null {
    const container = findRunContainer(node, this.isRoot, this.rules);
    if (container === null || this.#known.size === 0) return container;
    const shadow = shadowRootOf(container);
    return shadow === null || this.inScope(shadow) ? container : null;
  }
}

/**
 * The page as one tree across its open shadow roots. DOM methods such as `contains` and
 * `compareDocumentPosition` stop at a shadow boundary; these helpers cross it through each
 * shadow root's host. Closed shadow roots are never reached: nothing of theirs is handed to us.
 */

/** The shadow root a node's tree hangs from, or null when that tree is a document or detached. */
export function shadowRootOf(node: Node): ShadowRoot | null {
  const root = node.getRootNode();
  return isShadowRoot(root) ? root : null;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  // nodeType and `host` rather than instanceof: the content script's world has its own globals.
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (node as Partial<ShadowRoot>).host != null;
}

/** `node`, then the host of every shadow root it sits in, innermost first. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = shadowRootOf(node); root; root = shadowRootOf(root.host)) chain.push(root.host);
  return chain;
}

/**
 * Orders two nodes in composed tree order: a host comes before its shadow tree, and its shadow
 * tree before its light children (as a reader meets them where the shadow tree renders them in
 * place of those children). Negative when `a` comes first, 0 when they are the same node or in
 * unrelated trees.
 */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  // The first pair in one tree is the innermost tree holding both.
  for (let i = 0; i < chainA.length; i++) {
    const x = chainA[i] as Node;
    const tree = x.getRootNode();
    for (let j = 0; j < chainB.length; j++) {
      const y = chainB[j] as Node;
      if (y.getRootNode() !== tree) continue;
      // The same host: the one that is the host itself (fewer steps out) comes first.
      if (x === y) return i - j;
      const position = x.compareDocumentPosition(y);
      if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }
  }
  return 0;
}

/** Whether `node` is `ancestor` or inside it, shadow trees of open roots included. */
export function containsComposed(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = shadowRootOf(current)?.host ?? null) {
    if (ancestor.contains(current)) return true;
  }
  return false;
}

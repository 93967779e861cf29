/**
 * The e2e tests' own page helpers, beside the shared ones in scripts/harness/page-helpers.ts (the
 * same rules hold: they run in puppeteer's isolated world, and functions handed to evaluate must
 * not close over anything nor name inner functions).
 */
import type { Page } from 'puppeteer-core';
import { cardExpression, ENTITY_HIGHLIGHT_PREFIX, isolatedWorld, rangesInPage, readHighlightsInPage, UI_HOST_SELECTOR, type MarkInfo } from '../../scripts/harness/page-helpers';

/** Every highlighted piece on the page (a range of ours), in document order. */
export async function marks(page: Page): Promise<MarkInfo[]> {
  const pieces = await isolatedWorld(page).evaluate(readHighlightsInPage, ENTITY_HIGHLIGHT_PREFIX);
  return pieces.map(({ entity, text }) => ({ entity, text }));
}

/** A page-side expression: how many ranges our entity highlights hold now. */
export const PIECE_COUNT = `(() => { let count = 0; CSS.highlights.forEach((highlight, name) => { if (name.startsWith(${JSON.stringify(ENTITY_HIGHLIGHT_PREFIX)})) count += highlight.size; }); return count; })()`;

/** How many highlighted pieces the page has now. */
export async function pieceCount(page: Page): Promise<number> {
  return (await isolatedWorld(page).evaluate(PIECE_COUNT)) as number;
}

/** How many highlighted pieces the page has now (a page-side expression, for waitForFunction). */
function piecesExpression(test: string): string {
  return `((pieces) => ${test})((${readHighlightsInPage.toString()})(${JSON.stringify(ENTITY_HIGHLIGHT_PREFIX)}))`;
}

/** Waits until at least `atLeast` highlighted pieces exist, then returns them all. */
export async function waitForMarks(page: Page, atLeast = 1, timeout?: number): Promise<MarkInfo[]> {
  await isolatedWorld(page).waitForFunction(piecesExpression(`pieces.length >= ${atLeast}`), timeout === undefined ? {} : { timeout });
  return marks(page);
}

/** Waits until every id in `entities` has at least one highlight, then returns all highlights. */
export async function waitForEntities(page: Page, entities: readonly string[], timeout?: number): Promise<MarkInfo[]> {
  await isolatedWorld(page).waitForFunction(
    piecesExpression(`${JSON.stringify([...entities])}.every((id) => pieces.some((piece) => piece.entity === id))`),
    timeout === undefined ? {} : { timeout },
  );
  return marks(page);
}

/** The highlighted pieces inside elements matching `selector`, in document order. */
export async function marksIn(page: Page, selector: string): Promise<MarkInfo[]> {
  const prefix = JSON.stringify(ENTITY_HIGHLIGHT_PREFIX);
  return isolatedWorld(page).evaluate(`(() => {
    const ranges = (${rangesInPage.toString()})(${prefix}, null, ${JSON.stringify(selector)});
    const entityOf = new Map();
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith(${prefix})) highlight.forEach((range) => entityOf.set(range, name.slice(${prefix}.length)));
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => ({ entity: entityOf.get(range) ?? '', text: range.toString() }));
  })()`) as Promise<MarkInfo[]>;
}

/**
 * Which highlighted piece, counted in document order, the open card's mention starts at (its
 * highlight `backstory-look-active`), or -1 when no card marks one.
 */
export async function activeMentionIndex(page: Page): Promise<number> {
  return (await isolatedWorld(page).evaluate(activeMentionIndexExpression())) as number;
}

/** activeMentionIndex as a page-side expression, for waitForFunction. */
export function activeMentionIndexExpression(): string {
  return `(() => {
    const active = CSS.highlights.get('backstory-look-active');
    let first;
    // forEach, not iteration: Firefox will not wrap a page object's iterator for another world.
    active?.forEach((range) => { first ??= range; });
    if (!first) return -1;
    const ranges = (${rangesInPage.toString()})(${JSON.stringify(ENTITY_HIGHLIGHT_PREFIX)}, null, null);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.findIndex((range) => range.startContainer === first.startContainer && range.startOffset === first.startOffset);
  })()`;
}

export interface SnapshotNode {
  /** The same number for the same node object across snapshots of one document. */
  id: number;
  parentId: number | null;
  nodeType: number;
  nodeName: string;
  /** Text of text/comment nodes; null for elements. */
  data: string | null;
  /** Element attributes, sorted by name. */
  attributes: Array<[string, string]>;
}

/**
 * Every node under `rootSelector` (default: the whole document) in document order, each
 * tagged with a stable identity kept in a WeakMap inside the page. Two snapshots are equal
 * only if the very same node objects sit in the same places with the same text and attributes,
 * which is what "restores the page node for node" means. The extension's own UI host is left
 * out: it is not part of the page.
 */
export function domSnapshot(page: Page, rootSelector?: string): Promise<SnapshotNode[]> {
  return isolatedWorld(page).evaluate(
    (selector: string | null, hostSelector: string) => {
      const registryKey = Symbol.for('backstory-test.node-ids');
      const holder = window as unknown as Record<symbol, { ids: WeakMap<Node, number>; next: number } | undefined>;
      const registry = (holder[registryKey] ??= { ids: new WeakMap<Node, number>(), next: 1 });
      const root = selector ? document.querySelector(selector) : document.documentElement;
      if (!root) throw new Error(`domSnapshot: nothing matches ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL, (node) =>
        node instanceof Element && node.matches(hostSelector) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      );
      const nodes = [];
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        const parent = node === root ? null : node.parentNode;
        const ids: number[] = [];
        for (const each of parent ? [node, parent] : [node]) {
          let id = registry.ids.get(each);
          if (id === undefined) {
            id = registry.next++;
            registry.ids.set(each, id);
          }
          ids.push(id);
        }
        const element = node instanceof Element ? node : null;
        nodes.push({
          id: ids[0] ?? 0,
          parentId: ids[1] ?? null,
          nodeType: node.nodeType,
          nodeName: node.nodeName,
          data: element ? null : ((node as CharacterData).data ?? null),
          attributes: element
            ? Array.from(element.attributes, (attribute): [string, string] => [attribute.name, attribute.value]).sort(
                ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
              )
            : [],
        });
      }
      return nodes;
    },
    rootSelector ?? null,
    UI_HOST_SELECTOR,
  );
}

/** Waits until no card is visible. */
export async function waitForCardClosed(page: Page, timeout?: number): Promise<void> {
  await isolatedWorld(page).waitForFunction(cardExpression('card === null || !card.visible'), timeout === undefined ? {} : { timeout });
}

/** The page's real address: in Firefox `page.url()` can still say about:blank on extension pages. */
export function currentUrl(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

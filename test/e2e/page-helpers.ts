/**
 * Reading what the extension did to a page, the same way in Chromium and Firefox (no CDP-only
 * calls).
 *
 * These run in puppeteer's isolated world, not the page's: the DOM is shared, but the page's
 * JavaScript is not, so a page that replaces Array.prototype.map or document.querySelectorAll
 * with traps (as hostile test pages do) cannot fool or break them.
 *
 * Functions handed to evaluate are serialised into the page: they must not close over anything,
 * and must not bind functions to names inside (tsx's keepNames wraps those in a `__name` helper
 * the page does not have).
 */
import type { Page } from 'puppeteer-core';

type PageWorld = Pick<Page, 'evaluate' | 'waitForFunction'>;

/**
 * The main frame's isolated world, where the page's scripts cannot reach. puppeteer keeps one per
 * frame (a utility world over CDP, a sandbox over BiDi) but marks the accessor internal, so this
 * falls back to the page's own world should a puppeteer release drop it.
 */
export function isolatedWorld(page: Page): PageWorld {
  const frame = page.mainFrame() as unknown as { isolatedRealm?: () => PageWorld };
  return typeof frame.isolatedRealm === 'function' ? frame.isolatedRealm() : page;
}

export const MARK_SELECTOR = 'mark[data-entity]';
export const UI_HOST_SELECTOR = 'backstory-ui';

export interface MarkInfo {
  entity: string;
  text: string;
}

/** Every highlight on the page, in document order. */
export function marks(page: Page): Promise<MarkInfo[]> {
  return isolatedWorld(page).evaluate(
    (selector: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(selector), (element) => ({
        entity: element.dataset.entity ?? '',
        text: element.textContent ?? '',
      })),
    MARK_SELECTOR,
  );
}

/**
 * Mentions, in document order: a name split across inline elements (`Salt <em>Typhoon</em>`) is
 * several marks but one mention, so consecutive marks of one entity in one block with only
 * whitespace between them count once, their texts joined.
 */
export function mentions(page: Page): Promise<MarkInfo[]> {
  return isolatedWorld(page).evaluate((selector: string) => {
    const elements = Array.from(document.querySelectorAll(selector));
    const blocks = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, pre, div, section, article, aside';
    const merged: Array<{ entity: string; text: string; last: Element }> = [];
    for (const element of elements) {
      const entity = (element as HTMLElement).dataset.entity ?? '';
      const previous = merged[merged.length - 1];
      let continues = false;
      if (previous && previous.entity === entity && previous.last.closest(blocks) === element.closest(blocks)) {
        const between = document.createRange();
        between.setStartAfter(previous.last);
        between.setEndBefore(element);
        continues = between.toString().trim() === '';
      }
      if (previous && continues) {
        const between = document.createRange();
        between.setStartAfter(previous.last);
        between.setEndBefore(element);
        previous.text += between.toString() + (element.textContent ?? '');
        previous.last = element;
      } else {
        merged.push({ entity, text: element.textContent ?? '', last: element });
      }
    }
    return merged.map(({ entity, text }) => ({ entity, text }));
  }, MARK_SELECTOR);
}

/** Waits until at least `atLeast` highlights exist, then returns them all. */
export async function waitForMarks(page: Page, atLeast = 1, timeout?: number): Promise<MarkInfo[]> {
  await isolatedWorld(page).waitForFunction(
    (selector: string, count: number) => document.querySelectorAll(selector).length >= count,
    timeout === undefined ? {} : { timeout },
    MARK_SELECTOR,
    atLeast,
  );
  return marks(page);
}

/** Waits until every id in `entities` has at least one highlight, then returns all highlights. */
export async function waitForEntities(page: Page, entities: readonly string[], timeout?: number): Promise<MarkInfo[]> {
  await isolatedWorld(page).waitForFunction(
    (selector: string, wanted: string[]) => {
      const present = new Set(
        Array.from(document.querySelectorAll<HTMLElement>(selector), (element) => element.dataset.entity),
      );
      return wanted.every((id) => present.has(id));
    },
    timeout === undefined ? {} : { timeout },
    MARK_SELECTOR,
    [...entities],
  );
  return marks(page);
}

/** Highlight count per entity id. */
export function countByEntity(found: readonly MarkInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entity } of found) counts.set(entity, (counts.get(entity) ?? 0) + 1);
  return counts;
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

export interface CardState {
  /** Rendered and not hidden (checkVisibility). */
  visible: boolean;
  /** 'dialog' for role="dialog" or a <dialog> element. */
  role: string;
  /** aria-modal as written, or null; the card is meant to be non-modal. */
  ariaModal: string | null;
  /** Accessible name from aria-label, else the text of the aria-labelledby elements. */
  name: string;
  /** The card's whole text, whitespace collapsed. */
  text: string;
}

/** Page-side: the card inside the open shadow root of the UI host; a visible one first. */
const readCardInPage = (hostSelector: string): CardState | null => {
  const cards: CardState[] = [];
  for (const host of Array.from(document.querySelectorAll(hostSelector))) {
    const shadow = host.shadowRoot;
    if (!shadow) continue;
    for (const dialog of Array.from(shadow.querySelectorAll<HTMLElement>('[role="dialog"], dialog'))) {
      const labelledBy = (dialog.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const name = (
        dialog.getAttribute('aria-label') ||
        labelledBy.map((id) => shadow.getElementById(id)?.textContent ?? '').join(' ')
      )
        .replace(/\s+/g, ' ')
        .trim();
      const visible =
        typeof dialog.checkVisibility === 'function'
          ? dialog.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
          : dialog.getClientRects().length > 0;
      cards.push({
        visible,
        role: dialog.getAttribute('role') ?? 'dialog',
        ariaModal: dialog.getAttribute('aria-modal'),
        name,
        text: (dialog.textContent ?? '').replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return cards.find((card) => card.visible) ?? cards[0] ?? null;
};

/** The card's state, or null when the page has no card at all. */
export function cardState(page: Page): Promise<CardState | null> {
  return isolatedWorld(page).evaluate(readCardInPage, UI_HOST_SELECTOR);
}

/** A page-side expression that is true when the card matches `test` (serialised as source: it runs in the page). */
function cardExpression(test: string): string {
  return `((card) => ${test})((${readCardInPage.toString()})(${JSON.stringify(UI_HOST_SELECTOR)}))`;
}

/** Waits for a visible card (named `name`, if given) and returns its state. */
export async function waitForCard(page: Page, name?: string, timeout?: number): Promise<CardState> {
  const nameTest = name === undefined ? '' : ` && card.name === ${JSON.stringify(name)}`;
  await isolatedWorld(page).waitForFunction(cardExpression(`card !== null && card.visible${nameTest}`), timeout === undefined ? {} : { timeout });
  const card = await cardState(page);
  if (!card) throw new Error('the card vanished right after it opened');
  return card;
}

/** Waits until no card is visible. */
export async function waitForCardClosed(page: Page, timeout?: number): Promise<void> {
  await isolatedWorld(page).waitForFunction(cardExpression('card === null || !card.visible'), timeout === undefined ? {} : { timeout });
}

/**
 * Waits until no finite animation or transition is running anywhere in the page, shadow trees
 * included (a card mid fade-in would otherwise be photographed half transparent). Endless
 * animations are ignored: they never finish.
 */
export async function waitForAnimationsToFinish(page: Page, timeout?: number): Promise<void> {
  await isolatedWorld(page).waitForFunction(
    () =>
      // document.getAnimations() leaves out shadow trees (seen in Chromium 156), so ask the card's too.
      [...document.getAnimations(), ...(document.querySelector('backstory-ui')?.shadowRoot?.getAnimations() ?? [])].every(
        (animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
    timeout === undefined ? {} : { timeout },
  );
}

/**
 * Reading what the extension did to a page, the same way in Chromium and Firefox (no CDP-only
 * calls): the helpers `npm start` and the e2e tests share. The e2e tests' own are in
 * test/e2e/page-helpers.ts.
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

export const ENTITY_HIGHLIGHT_PREFIX = 'backstory-entity-';
export const UI_HOST_SELECTOR = 'backstory-ui';

export interface MarkInfo {
  entity: string;
  text: string;
}

/**
 * Page-side: every range in our entity highlights (CSS.highlights, the DESIGN.md contract), in
 * composed document order, with its entity and the whitespace-only gap to the next range when
 * that one belongs to the same entity in the same tree (null otherwise).
 */
export const readHighlightsInPage = (prefix: string): Array<{ entity: string; text: string; gapToNext: string | null }> => {
  const found: Array<{ entity: string; range: Range }> = [];
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  if (!registry) return [];
  registry.forEach((highlight, name) => {
    if (!name.startsWith(prefix)) return;
    highlight.forEach((range) => found.push({ entity: name.slice(prefix.length), range }));
  });
  // Composed order: a node in a shadow tree sorts where its host is, before the host's light children.
  const chains = new Map<Range, Node[]>();
  for (const { range } of found) {
    const chain: Node[] = [range.startContainer];
    for (let root = range.startContainer.getRootNode() as Node & { host?: Element }; root.host; root = root.host.getRootNode() as Node & { host?: Element }) chain.push(root.host);
    chains.set(range, chain.reverse());
  }
  found.sort((a, b) => {
    const chainA = chains.get(a.range) as Node[];
    const chainB = chains.get(b.range) as Node[];
    for (let level = 0; level < Math.min(chainA.length, chainB.length); level++) {
      const x = chainA[level] as Node;
      const y = chainB[level] as Node;
      if (x === y) continue;
      if (level === chainA.length - 1 && level === chainB.length - 1 && x.getRootNode() === y.getRootNode()) {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      }
      const position = x.compareDocumentPosition(y);
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
    }
    if (chainA.length === chainB.length) return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    return chainA.length - chainB.length;
  });
  return found.map(({ entity, range }, index) => {
    const next = found[index + 1];
    let gapToNext: string | null = null;
    if (next && next.entity === entity && next.range.startContainer.getRootNode() === range.startContainer.getRootNode()) {
      const between = document.createRange();
      try {
        between.setStart(range.endContainer, range.endOffset);
        between.setEnd(next.range.startContainer, next.range.startOffset);
        gapToNext = between.toString();
      } catch {
        gapToNext = null;
      }
    }
    return { entity, text: range.toString(), gapToNext };
  });
};

/**
 * Mentions, in document order: a name split across inline elements (`Salt <em>Typhoon</em>`) may
 * be several pieces but one mention, so consecutive pieces of one entity with only whitespace
 * between them (and no block boundary: the gap is read as text) count once, their texts joined.
 */
export async function mentions(page: Page): Promise<MarkInfo[]> {
  const pieces = await isolatedWorld(page).evaluate(readHighlightsInPage, ENTITY_HIGHLIGHT_PREFIX);
  const merged: MarkInfo[] = [];
  let joinNext = false;
  let pendingGap = '';
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (previous && joinNext) previous.text += pendingGap + piece.text;
    else merged.push({ entity: piece.entity, text: piece.text });
    joinNext = piece.gapToNext !== null && piece.gapToNext.trim() === '' && !piece.gapToNext.includes('\n');
    pendingGap = piece.gapToNext ?? '';
  }
  return merged;
}

/**
 * Page-side: the ranges of our highlights (of one entity, or all when null) whose text lies inside
 * an element matching `within` (anywhere when null), in the order the registry holds them.
 */
export const rangesInPage = (prefix: string, entity: string | null, within: string | null): Range[] => {
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  const containers = within ? Array.from(document.querySelectorAll(within)) : null;
  const found: Range[] = [];
  registry?.forEach((highlight, name) => {
    if (!name.startsWith(prefix) || (entity !== null && name !== prefix + entity)) return;
    highlight.forEach((range) => {
      if (!containers || containers.some((container) => container.contains(range.startContainer))) found.push(range);
    });
  });
  return found;
};

/** Waits until something inside an element matching `selector` is highlighted. */
export async function waitForMarksIn(page: Page, selector: string, timeout?: number): Promise<void> {
  await isolatedWorld(page).waitForFunction(
    `(${rangesInPage.toString()})(${JSON.stringify(ENTITY_HIGHLIGHT_PREFIX)}, null, ${JSON.stringify(selector)}).length > 0`,
    timeout === undefined ? {} : { timeout },
  );
}

/**
 * Scrolls the `index`-th highlighted piece of `entity` (inside `within`, if given) into view and
 * returns a point in the middle of its first box, to hover or tap.
 */
export async function mentionPoint(
  page: Page,
  entity: string,
  within: string | null = null,
  index = 0,
  block: 'center' | 'end' = 'center',
): Promise<{ x: number; y: number }> {
  const point = (await isolatedWorld(page).evaluate(`(() => {
    const ranges = (${rangesInPage.toString()})(${JSON.stringify(ENTITY_HIGHLIGHT_PREFIX)}, ${JSON.stringify(entity)}, ${JSON.stringify(within)});
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const range = ranges[${index}];
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    // The element may be taller than the viewport: bring the range itself to where it is wanted.
    const first = range.getClientRects()[0];
    if (first) {
      const wanted = ${JSON.stringify(block)} === 'end' ? innerHeight - first.height - 8 : (innerHeight - first.height) / 2;
      window.scrollBy({ top: first.top - wanted, behavior: 'instant' });
    }
    const box = range.getClientRects()[0];
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  })()`)) as { x: number; y: number } | null;
  if (!point) throw new Error(`no highlighted ${entity}${within ? ` in ${within}` : ''} to point at`);
  return point;
}

/** Moves the mouse onto a highlighted mention, in a few steps as a hand would. */
export async function hoverMention(page: Page, entity: string, within: string | null = null, index = 0): Promise<{ x: number; y: number }> {
  const point = await mentionPoint(page, entity, within, index);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/** Highlight count per entity id. */
export function countByEntity(found: readonly MarkInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entity } of found) counts.set(entity, (counts.get(entity) ?? 0) + 1);
  return counts;
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
export function cardExpression(test: string): string {
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

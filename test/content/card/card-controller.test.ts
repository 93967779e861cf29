// @vitest-environment happy-dom
import { registeredHighlights } from '../support/highlight-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController, type CardController } from '../../../src/content/card';
import type { EntityKnowledge } from '../../../src/shared/knowledge/types';
import { CARD_CLOSE_DELAY_MS, CARD_OPEN_DELAY_MS, CARD_WARM_UP_IDLE_TIMEOUT_MS } from '../../../src/shared/constants';
import { sameTree, snapshot } from '../highlighter/helpers';
import { box, installLayout, placeRange } from './support/layout';
import {
  BLANK,
  KNOWLEDGE,
  TestMentions,
  accessibleName,
  buildPage,
  cardElement,
  cardHost,
  clickAt,
  fakeDeps,
  key,
  moveTo,
  pointOn,
  pointer,
  tapAt,
  visibleCard,
  type Point,
} from './support/page';

// The card's strings come from the real _locales through the fake browser's i18n.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../shared/settings/fake-browser')).createFakeBrowser() }));

const ACTIVE = 'backstory-look-active';

let controller: CardController | undefined;
let layout: ReturnType<typeof installLayout> | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  layout = installLayout();
  // happy-dom has no viewport: the page's rows (y 100–320, x 0–600) are on screen in this one.
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(600);
});

afterEach(() => {
  controller?.destroy();
  controller = undefined;
  layout?.uninstall();
  layout = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.getSelection()?.removeAllRanges();
  CSS.highlights.clear();
  document.body.replaceChildren();
});

function setup(overrides: Parameters<typeof fakeDeps>[1] = {}) {
  const page = buildPage();
  const deps = fakeDeps(page.painting, overrides);
  controller = createCardController(deps);
  return { ...page, deps, controller };
}

/** The page's own highlight (a find-in-page, say) over the first word of the paragraph's text after the link, laid out at y = 400; returns that text node. */
function highlightOfThePage(paragraph: HTMLParagraphElement): Text {
  const text = paragraph.childNodes[1] as Text;
  const range = new Range();
  range.setStart(text, 0);
  range.setEnd(text, 4);
  placeRange(range, box(0, 400, 600, 20));
  CSS.highlights.set('page-search', new Highlight(range));
  return text;
}

/** Lets pending promise callbacks (the knowledge load, positioning) run. */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

/** Runs the next animation frame, where the controller hit-tests the latest pointer position. */
async function frame() {
  vi.advanceTimersToNextFrame();
  await settle();
}

/** The mouse arrives at a point and the next frame hit-tests it. */
async function hover(point: Point, init: PointerEventInit = {}) {
  moveTo(point, init);
  await frame();
}

/** The mouse moves onto the card (its host, as events from inside reach the document). */
async function hoverCard() {
  pointer('pointermove', cardHost()!, { clientX: 700, clientY: 50, buttons: 0 });
  await frame();
}

/** The ranges painted as the active mention, or undefined when none is. */
function activeRanges(): AbstractRange[] | undefined {
  return registeredHighlights(ACTIVE).get(ACTIVE);
}

describe('hover intent', () => {
  it('opens nothing for a pointer that passes over a mention quickly', async () => {
    const { mss2, deps } = setup();
    await hover({ x: 10, y: pointOn(mss2).y });
    await vi.advanceTimersByTimeAsync(10);
    moveTo({ x: 500, y: pointOn(mss2).y });
    await hover(BLANK);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
    expect(cardHost()).toBeNull();
    // The knowledge may have been fetched while the pointer was there, but only once.
    expect(vi.mocked(deps.loadEntity).mock.calls.length).toBeLessThanOrEqual(1);
  });

  it("opens nothing for a pointer that leaves the mention in the dwell's last frame", async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    // The dwell's last frame is 16 ms away; the pointer leaves before it comes.
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 8);
    expect(controller!.isOpen()).toBe(false);
    moveTo(BLANK);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(false);
    expect(cardHost()).toBeNull();
  });

  it('hit-tests at most once a frame, on the latest position', async () => {
    const { mss1, mss2, deps } = setup();
    moveTo(pointOn(mss1));
    moveTo(BLANK);
    moveTo(pointOn(mss2));
    expect(layout!.calls).toEqual([]);
    await frame();
    expect(layout!.calls.map(({ x, y }) => ({ x, y }))).toEqual([pointOn(mss2)]);
    expect(deps.loadEntity).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
  });

  it('fetches while the pointer dwells, so the card opens with its content, and asks once per entity', async () => {
    const { mss1, mss2, deps } = setup();
    await hover(pointOn(mss2));
    expect(deps.loadEntity).toHaveBeenCalledWith('mss');
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    expect(visibleCard()!.textContent).not.toContain('Loading');

    await hover(BLANK);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS);
    expect(controller!.isOpen()).toBe(false);
    await controller!.open(mss1);
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    expect(deps.loadEntity).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failed load', async () => {
    let fail = true;
    const { mss1, deps } = setup({
      loadEntity: vi.fn(async (id: string) => {
        if (fail) throw new Error('background restarting');
        return KNOWLEDGE[id] ?? null;
      }),
    });
    await controller!.open(mss1);
    expect(visibleCard()!.textContent).toContain('No background is available');
    controller!.close();
    fail = false;
    await controller!.open(mss1);
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    expect(deps.loadEntity).toHaveBeenCalledTimes(2);
  });

  it('forgetKnowledge() makes the next open ask again', async () => {
    const { mss1, deps } = setup();
    await controller!.open(mss1);
    controller!.close();
    await controller!.open(mss1);
    expect(deps.loadEntity).toHaveBeenCalledTimes(1);
    controller!.close();
    controller!.forgetKnowledge();
    await controller!.open(mss1);
    expect(deps.loadEntity).toHaveBeenCalledTimes(2);
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
  });

  it('restarts the dwell while the pointer sweeps fast across the mention', async () => {
    const { mss2 } = setup();
    const y = pointOn(mss2).y;
    await hover({ x: 10, y });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 50);
    await hover({ x: 590, y }); // hundreds of px in little time, still on the mention
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 50);
    expect(controller!.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(controller!.isOpen()).toBe(true);
  });

  it("opens after the dwell, with the entity's name and background", async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 1);
    expect(controller!.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    const card = visibleCard();
    expect(card).not.toBeNull();
    expect(accessibleName(card!)).toBe('Ministry of State Security');
    expect(card!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
  });

  it('slow movement on the mention does not delay the card', async () => {
    const { mss2 } = setup();
    const y = pointOn(mss2).y;
    await hover({ x: 100, y });
    await vi.advanceTimersByTimeAsync(100);
    moveTo({ x: 110, y }); // 0.1 px/ms: a reader settling
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 100);
    expect(controller!.isOpen()).toBe(true);
  });

  it('uses the hover delay set by the options', async () => {
    const { mss2 } = setup();
    controller!.setHoverDelay(1000);
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000 - CARD_OPEN_DELAY_MS - 1);
    expect(controller!.isOpen()).toBe(false);
    // It opens in the first frame to begin once the delay is over (these frames are 16 ms apart).
    await frame();
    expect(controller!.isOpen()).toBe(true);
  });

  it('stays open while the pointer moves onto the card, and closes after it leaves both', async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await settle();
    await hoverCard();
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS * 3);
    expect(controller!.isOpen()).toBe(true);

    await hover(BLANK);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS - 1);
    expect(controller!.isOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(controller!.isOpen()).toBe(false);
    expect(visibleCard()).toBeNull();
  });

  it('survives the gap between mention and card when the pointer comes back in time', async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await hover(BLANK);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS - 50);
    await hoverCard();
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(true);
  });

  it('treats the pieces of a split name as one mention', async () => {
    const { salt, deps } = setup();
    await hover(pointOn(salt, 0));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
    await hover(pointOn(salt, 1));
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(true);
    expect(deps.loadEntity).toHaveBeenCalledTimes(1);
  });

  it('moving from one mention to another of the same entity re-anchors the card there', async () => {
    const { mss1, mss2 } = setup();
    await hover(pointOn(mss1));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(activeRanges()).toEqual([...mss1.ranges]);
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(true);
    expect(activeRanges()).toEqual([...mss2.ranges]);
  });

  it('closes when the pointer leaves the window', async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    pointer('pointerout', document.body, { relatedTarget: null });
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS);
    expect(controller!.isOpen()).toBe(false);
  });

  it('Escape closes the card, and a pointer resting on the mention does not reopen it', async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(true);
    const escape = key(document.body, 'Escape');
    expect(controller!.isOpen()).toBe(false);
    // Focus was not ours, so the page still sees its Escape.
    expect(escape.defaultPrevented).toBe(false);
    await hover({ x: pointOn(mss2).x + 1, y: pointOn(mss2).y });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
  });

  it('Escape that ends an input method composition leaves the card open', async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    key(document.body, 'Escape', { isComposing: true });
    expect(controller!.isOpen()).toBe(true);
  });

  it('drops a late answer from a stale hover', async () => {
    const resolvers: Array<(value: EntityKnowledge | null) => void> = [];
    const { mss2, salt } = setup({
      loadEntity: vi.fn(() => new Promise<EntityKnowledge | null>((resolve) => resolvers.push(resolve))),
    });
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await hover(BLANK);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS);
    await hover(pointOn(salt));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(resolvers).toHaveLength(2);
    resolvers[1]!(KNOWLEDGE['salt-typhoon']!);
    await settle();
    resolvers[0]!(KNOWLEDGE.mss!); // the MSS answer arrives last, for a hover long gone
    await settle();
    const card = visibleCard()!;
    expect(accessibleName(card)).toBe('Salt Typhoon');
    expect(card.textContent).not.toContain(KNOWLEDGE.mss!.summary.text);
  });

  it('ignores touch and pen pointers for hover', async () => {
    const { mss2, deps } = setup();
    await hover(pointOn(mss2), { pointerType: 'touch' });
    await hover(pointOn(mss2), { pointerType: 'pen' });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
    expect(deps.loadEntity).not.toHaveBeenCalled();
  });

  it('opens nothing over a highlight of the page\'s own that is no mention', async () => {
    const { paragraph, deps } = setup();
    const text = highlightOfThePage(paragraph);
    await hover({ x: 300, y: 410 });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
    expect(deps.mentionAt).toHaveBeenCalledWith(text, 0);
    expect(deps.loadEntity).not.toHaveBeenCalled();
  });
});

describe('a page with nothing painted', () => {
  it('hit-tests no pointer move until a mention is painted', async () => {
    const { paragraph, painting, deps } = setup();
    // A hit test over the page's own highlight would ask whether it is one of our mentions.
    highlightOfThePage(paragraph);
    painting.painted.clear();
    await hover({ x: 300, y: 410 });
    await hover({ x: 310, y: 410 });
    expect(deps.mentionAt).not.toHaveBeenCalled();

    const again = painting.paint('mss', [[paragraph.lastChild as Text, 'MSS']], 3);
    await hover(pointOn(again));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(deps.mentionAt).toHaveBeenCalled();
    expect(controller!.isOpen()).toBe(true);
  });
});

describe('no card while selecting', () => {
  it('opens no card while a mouse button is held, and none is hit-tested', async () => {
    const { mss2, deps } = setup();
    await hover(pointOn(mss2), { buttons: 1 });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
    expect(layout!.calls).toEqual([]);
    expect(deps.loadEntity).not.toHaveBeenCalled();

    // Released, the next move over the mention starts the dwell as usual.
    await hover(pointOn(mss2), { buttons: 0 });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(true);
  });

  it('a button pressed during the dwell cancels it (a drag that starts on a name)', async () => {
    const { mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS / 2);
    await hover(pointOn(mss2), { buttons: 1 });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
  });

  it('opens no card while text is selected, and does once the selection is gone', async () => {
    const { mss2, paragraph } = setup();
    document.getSelection()!.selectAllChildren(paragraph);
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);

    document.getSelection()!.removeAllRanges();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(true);
  });
});

describe('the active highlight', () => {
  it('paints the open mention in its own highlight, over the others, and deletes it on close', async () => {
    const { salt } = setup();
    expect(activeRanges()).toBeUndefined();
    await controller!.open(salt);
    expect(activeRanges()).toEqual([...salt.ranges]);
    expect((CSS.highlights.get(ACTIVE) as Highlight).priority).toBeGreaterThan(0);
    controller!.close();
    expect(activeRanges()).toBeUndefined();
  });

  it('follows the card to the next mention, and a hover close deletes it', async () => {
    const { mss1, mss2 } = setup();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(activeRanges()).toEqual([...mss2.ranges]);
    controller!.next();
    await settle();
    expect(activeRanges()).toEqual([...mss1.ranges]);
    key(cardElement()!, 'Escape');
    expect(activeRanges()).toBeUndefined();
  });

  it('is gone after destroy', async () => {
    const { mss1 } = setup();
    await controller!.open(mss1);
    controller!.destroy();
    expect(activeRanges()).toBeUndefined();
  });
});

describe('warm-up while the pointer dwells', () => {
  /** Every change to the page from now on. */
  function recordWrites(): MutationRecord[] {
    const writes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => writes.push(...records));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    return writes;
  }

  it('builds the card during the dwell without writing to the page, and the open uses it', async () => {
    const { mss2 } = setup();
    const buildCard = vi.spyOn(Element.prototype, 'attachShadow');
    const writes = recordWrites();
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_WARM_UP_IDLE_TIMEOUT_MS);
    expect(buildCard).toHaveBeenCalledTimes(1);
    expect(writes).toEqual([]);
    expect(cardHost()).toBeNull();

    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    expect(buildCard).toHaveBeenCalledTimes(1);
  });

  it('builds nothing on a page nobody hovers, nor after the controller is gone', async () => {
    const { mss2 } = setup();
    const buildCard = vi.spyOn(Element.prototype, 'attachShadow');
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(buildCard).not.toHaveBeenCalled();

    await hover(pointOn(mss2));
    controller!.destroy();
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(buildCard).not.toHaveBeenCalled();
    expect(cardHost()).toBeNull();
  });
});

describe('loading and missing states', () => {
  it('shows the name and a loading line while knowledge is slow, then the content', async () => {
    let resolve: (value: EntityKnowledge | null) => void = () => {};
    const { mss2 } = setup({ loadEntity: vi.fn(() => new Promise<EntityKnowledge | null>((r) => (resolve = r))) });
    const opened = controller!.open(mss2);
    const card = visibleCard()!;
    expect(accessibleName(card)).toBe('Ministry of State Security');
    expect(card.textContent).toContain('Loading');
    resolve(KNOWLEDGE.mss!);
    await opened;
    expect(card.textContent).not.toContain('Loading');
    expect(card.textContent).toContain(KNOWLEDGE.mss!.summary.text);
  });

  it('says clearly when there is no background, and when loading fails', async () => {
    const { mss2, salt } = setup({
      loadEntity: vi.fn(async (id: string) => {
        if (id === 'mss') return null;
        throw new Error('background gone');
      }),
    });
    await controller!.open(mss2);
    expect(visibleCard()!.textContent).toContain('No background is available');
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
    await controller!.open(salt);
    expect(visibleCard()!.textContent).toContain('No background is available');
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
  });

  it('names an entity the catalog does not know by the mention\'s own text while loading', async () => {
    const { salt } = setup({ entityName: vi.fn(() => undefined), loadEntity: vi.fn(() => new Promise<EntityKnowledge | null>(() => {})) });
    void controller!.open(salt);
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
  });
});

describe('the dialog', () => {
  it('is a non-modal dialog named exactly by the display name', async () => {
    const { mss1 } = setup();
    await controller!.open(mss1);
    const card = cardElement()!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-modal') ?? 'false').toBe('false');
    expect(accessibleName(card)).toBe('Ministry of State Security');
  });

  it('lives in an open shadow root of one host appended to the root element', async () => {
    const { mss1, salt } = setup();
    await controller!.open(mss1);
    await controller!.open(salt);
    const hosts = document.querySelectorAll('backstory-ui');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.parentElement).toBe(document.documentElement);
    expect(hosts[0]!.shadowRoot).not.toBeNull();
    const shadow = hosts[0]!.shadowRoot!;
    const styled = shadow.adoptedStyleSheets.length > 0 || shadow.querySelector('style') !== null;
    expect(styled).toBe(true);
  });

  it("changes nothing in the page's body: the host is the one element it adds, outside it", async () => {
    const { mss1 } = setup();
    const before = snapshot(document.body);
    await controller!.open(mss1);
    controller!.close();
    await controller!.open(mss1);
    expect(sameTree(before, snapshot(document.body))).toBe(true);
    expect(document.body.querySelectorAll('backstory-ui')).toHaveLength(0);
  });

  it('the close button closes the card', async () => {
    const { mss1 } = setup();
    await controller!.open(mss1);
    cardElement()!.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(controller!.isOpen()).toBe(false);
    expect(activeRanges()).toBeUndefined();
  });

  it('"Read in" asks the background to open the reader at that quote', async () => {
    const { mss1, deps } = setup();
    await controller!.open(mss1);
    const buttons = [...cardElement()!.querySelectorAll<HTMLButtonElement>('button.read')];
    const cnews = buttons.find((b) => b.textContent === 'Read in CNews Live')!;
    cnews.click();
    expect(deps.openReader).toHaveBeenCalledWith(KNOWLEDGE.mss!.quotes[1]);
  });

  it('counts the mentions on the page when it opens', async () => {
    const { mss1 } = setup();
    await controller!.open(mss1);
    expect(cardElement()!.textContent).toContain('Mentioned 2 times on this page');
  });
});

describe('keyboard', () => {
  /** The focused element inside the card's shadow root, when focus is in the card. */
  function focusInCard(): Element | null {
    return document.activeElement === cardHost() ? cardHost()!.shadowRoot!.activeElement : null;
  }

  it('next() walks the mentions in order, wrapping, opening each card with focus in the dialog', async () => {
    const { mss1, salt, mss2 } = setup();
    const visited: Array<[AbstractRange[] | undefined, string, Element | null]> = [];
    for (let i = 0; i < 4; i++) {
      controller!.next();
      await settle();
      visited.push([activeRanges(), accessibleName(visibleCard()!), focusInCard()]);
    }
    const card = cardElement();
    expect(visited).toEqual([
      [[...mss1.ranges], 'Ministry of State Security', card],
      [[...salt.ranges], 'Salt Typhoon', card],
      [[...mss2.ranges], 'Ministry of State Security', card],
      [[...mss1.ranges], 'Ministry of State Security', card],
    ]);
  });

  it('previous() walks backwards, wrapping to the last mention first', async () => {
    const { mss1, salt, mss2 } = setup();
    const visited: Array<AbstractRange[] | undefined> = [];
    for (let i = 0; i < 4; i++) {
      controller!.previous();
      await settle();
      visited.push(activeRanges());
    }
    expect(visited).toEqual([[...mss2.ranges], [...salt.ranges], [...mss1.ranges], [...mss2.ranges]]);
  });

  it('next() from the open card of a split name goes to the following mention', async () => {
    const { salt, mss2 } = setup();
    await controller!.open(salt);
    controller!.next();
    await settle();
    expect(activeRanges()).toEqual([...mss2.ranges]);
  });

  it('next() and previous() skip a mention inside display:none and one inside a closed <details>', async () => {
    const { paragraph, painting, mss1, mss2, deps } = setup();
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    hidden.append('Hidden Nvidia');
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.append('More');
    const inside = document.createElement('p');
    inside.append('Folded Xi Jinping');
    details.append(summary, inside);
    paragraph.after(hidden, details);
    // Laid out like the others (happy-dom cannot tell): only their place in the page hides them.
    const nvidia = painting.paint('nvidia', [[hidden.firstChild as Text, 'Nvidia']], 4);
    const xi = painting.paint('xi-jinping', [[inside.firstChild as Text, 'Xi Jinping']], 5);
    expect(deps.mentions()).toEqual([mss1, expect.anything(), mss2, nvidia, xi]);

    await controller!.open(mss2);
    controller!.next();
    await settle();
    expect(activeRanges()).toEqual([...mss1.ranges]);
    controller!.previous();
    await settle();
    expect(activeRanges()).toEqual([...mss2.ranges]);

    // Opened, the <details> shows its mention, and next() goes there.
    details.open = true;
    controller!.next();
    await settle();
    expect(activeRanges()).toEqual([...xi.ranges]);
  });

  it('next() skips a mention without a box (not rendered)', async () => {
    const { salt, mss1, mss2 } = setup();
    for (const range of salt.ranges) placeRange(range, null);
    await controller!.open(mss1);
    controller!.next();
    await settle();
    expect(activeRanges()).toEqual([...mss2.ranges]);
  });

  it('opens nothing when no mention can be seen', async () => {
    const { mss1, salt, mss2 } = setup();
    for (const mention of [mss1, salt, mss2]) for (const range of mention.ranges) placeRange(range, null);
    controller!.next();
    await settle();
    expect(controller!.isOpen()).toBe(false);
  });

  it('scrolls an off-screen mention into view at once, and without animation under reduced motion', async () => {
    const { mss1, salt, link, paragraph } = setup();
    placeRange(mss1.ranges[0]!, box(10, 2000, 40, 20));
    placeRange(salt.ranges[0]!, box(10, 2100, 40, 20));
    const scrollLink = vi.spyOn(link, 'scrollIntoView');
    const scrollParagraph = vi.spyOn(paragraph, 'scrollIntoView');
    controller!.next();
    expect(scrollLink).toHaveBeenCalledWith(expect.objectContaining({ block: 'center', behavior: 'instant' }));

    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query.includes('reduce'), media: query }) as MediaQueryList,
    );
    controller!.next();
    expect(scrollParagraph).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'auto' }));
    await settle();
  });

  it('does not scroll the page for a mention already on screen', async () => {
    const { link } = setup();
    const scroll = vi.spyOn(link, 'scrollIntoView');
    controller!.next();
    expect(scroll).not.toHaveBeenCalled();
    expect(focusInCard()).toBe(cardElement());
    await settle();
  });

  it('Escape closes and returns focus to where it was before navigation took it', async () => {
    const { before } = setup();
    before.focus();
    controller!.next();
    controller!.next();
    await settle();
    expect(focusInCard()).toBe(cardElement());
    const escape = key(cardElement()!, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('Escape with nothing focused before leaves focus on the document', async () => {
    setup();
    controller!.next();
    await settle();
    key(cardElement()!, 'Escape');
    expect(controller!.isOpen()).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('reveal() opens a chosen mention\'s card with focus in it; Escape returns focus', async () => {
    const { before, mss2 } = setup();
    before.focus();
    await controller!.reveal(mss2);
    expect(focusInCard()).toBe(cardElement());
    expect(activeRanges()).toEqual([...mss2.ranges]);
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    key(cardElement()!, 'Escape');
    expect(document.activeElement).toBe(before);
  });

  it('Tab from the last button continues after the mention; Shift+Tab from the first closes and returns focus', async () => {
    const { before, after } = setup();
    before.focus();
    controller!.previous(); // mss2, the last mention, in the paragraph before "After"
    await settle();
    const host = cardHost()!;
    const focusables = [...host.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href]')];
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;

    first.focus();
    expect(key(first, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(false);
    expect(document.activeElement).toBe(before);

    controller!.previous();
    await settle();
    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(after);
    expect(controller!.isOpen()).toBe(false);
  });

  it('focus moving elsewhere on the page closes a card opened from the keyboard', async () => {
    const { after } = setup();
    controller!.next();
    await settle();
    after.focus();
    expect(controller!.isOpen()).toBe(false);
  });
});

describe('touch', () => {
  it('a tap on a mention opens its card at once, and a tap elsewhere closes it', async () => {
    const { mss2, after } = setup();
    tapAt(document.body, pointOn(mss2));
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
    expect(activeRanges()).toEqual([...mss2.ranges]);
    tapAt(after, BLANK);
    expect(controller!.isOpen()).toBe(false);
  });

  it('a pen tap opens a card as a touch does', async () => {
    const { mss2 } = setup();
    tapAt(document.body, pointOn(mss2), 'pen');
    await settle();
    expect(controller!.isOpen()).toBe(true);
  });

  it('a tap inside the card keeps it open', async () => {
    const { mss2 } = setup();
    tapAt(document.body, pointOn(mss2));
    await settle();
    tapAt(cardHost()!, { x: 700, y: 50 });
    expect(controller!.isOpen()).toBe(true);
  });

  it('the first tap on a mention in a link opens the card instead of following it; the second follows it', async () => {
    const { mss1, link } = setup();
    const pageHandler = vi.fn();
    link.addEventListener('click', pageHandler);

    tapAt(link, pointOn(mss1));
    const first = clickAt(link, pointOn(mss1));
    expect(first.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(true);

    tapAt(link, pointOn(mss1));
    // The second tap leaves the card as it is.
    expect(controller!.isOpen()).toBe(true);
    const second = clickAt(link, pointOn(mss1));
    expect(second.defaultPrevented).toBe(false);
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });

  it('keeps the first tap from following the link when the browser focuses the link before the click', async () => {
    const { mss1, link } = setup();
    tapAt(link, pointOn(mss1));
    link.focus();
    const click = clickAt(link, pointOn(mss1));
    expect(click.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(true);
  });

  it('a tap on another mention of the same entity counts as a first tap there', async () => {
    const { mss1, mss2, link, paragraph } = setup();
    tapAt(paragraph, pointOn(mss2));
    clickAt(paragraph, pointOn(mss2));
    tapAt(link, pointOn(mss1));
    const click = clickAt(link, pointOn(mss1));
    expect(click.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(true);
    expect(activeRanges()).toEqual([...mss1.ranges]);
  });

  it('does not block a click that lands off the tapped mention', async () => {
    const { mss1, link } = setup();
    tapAt(link, pointOn(mss1));
    const click = clickAt(link, BLANK);
    expect(click.defaultPrevented).toBe(false);
  });

  it('never blocks a mouse click on a link around a mention', async () => {
    const { mss1, link } = setup();
    tapAt(link, pointOn(mss1), 'mouse');
    const click = clickAt(link, pointOn(mss1));
    expect(click.defaultPrevented).toBe(false);
    expect(controller!.isOpen()).toBe(false);
  });
});

describe('placement', () => {
  it('moves the host into the fullscreen element and back', async () => {
    const { mss1, mss2 } = setup();
    const stage = document.createElement('section');
    document.body.append(stage);
    await controller!.open(mss1);
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => stage });
    try {
      document.dispatchEvent(new Event('fullscreenchange'));
      expect(controller!.isOpen()).toBe(false);
      expect(cardHost()!.parentElement).toBe(stage);
      await controller!.open(mss2);
      expect(cardHost()!.parentElement).toBe(stage);
    } finally {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => null });
    }
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(cardHost()!.parentElement).toBe(document.documentElement);
  });

  it('stays at the root when the fullscreen element is a video, which renders no children', async () => {
    const { mss1 } = setup();
    const video = document.createElement('video');
    document.body.append(video);
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => video });
    try {
      await controller!.open(mss1);
      expect(cardHost()!.parentElement).toBe(document.documentElement);
    } finally {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => null });
    }
  });

  it('puts the host inside an open modal <dialog> holding the mention, and back at the root for others', async () => {
    const { mss1, painting } = setup();
    const dialog = document.createElement('dialog');
    const text = document.createElement('p');
    text.append('In the dialog: Nvidia');
    dialog.append(text);
    document.body.append(dialog);
    const nvidia = painting.paint('nvidia', [[text.firstChild as Text, 'Nvidia']], 4);
    dialog.showModal();
    // happy-dom does not match :modal; a browser does for a dialog opened with showModal().
    const matches = dialog.matches.bind(dialog);
    vi.spyOn(dialog, 'matches').mockImplementation((selector: string) => selector === ':modal' || matches(selector));
    await controller!.open(nvidia);
    expect(cardHost()!.parentElement).toBe(dialog);
    await controller!.open(mss1);
    expect(cardHost()!.parentElement).toBe(document.documentElement);
  });

  it('closes when the page removes the text its mention is painted on', async () => {
    const { mss1, link } = setup();
    await controller!.open(mss1);
    link.firstChild!.remove();
    window.dispatchEvent(new Event('resize')); // any layout change makes the card re-check its anchor
    expect(controller!.isOpen()).toBe(false);
    expect(visibleCard()).toBeNull();
    expect(activeRanges()).toBeUndefined();
  });

  it('opens nothing for a mention whose text has left the page', async () => {
    const { mss1, link } = setup();
    link.firstChild!.remove();
    await controller!.open(mss1);
    expect(controller!.isOpen()).toBe(false);
    expect(activeRanges()).toBeUndefined();
  });
});

describe('document.open()', () => {
  it('listens again on the new document, once, and drops the old card', async () => {
    const { mss1, deps } = setup();
    await controller!.open(mss1);
    const add = vi.spyOn(document, 'addEventListener');
    const oldRoot = document.documentElement;
    document.open();
    document.write('<html><head></head><body><p>Fresh Nvidia</p></body></html>');
    document.close();
    await settle();
    expect(document.documentElement).not.toBe(oldRoot);
    expect(add.mock.calls.map(([type]) => type)).toEqual(
      expect.arrayContaining(['pointermove', 'pointerout', 'pointerdown', 'click', 'focusin', 'keydown', 'fullscreenchange']),
    );
    expect(controller!.isOpen()).toBe(false);
    expect(oldRoot.querySelector('backstory-ui')).toBeNull();

    // The new document's mention opens a card, and no old listener doubles an event.
    const paragraph = document.querySelector('p')!;
    const painting = new TestMentions();
    const nvidia = painting.paint('nvidia', [[paragraph.firstChild as Text, 'Nvidia']], 1);
    vi.mocked(deps.mentionAt).mockImplementation(painting.mentionAt);
    vi.mocked(deps.loadEntity).mockClear();
    await hover(pointOn(nvidia));
    expect(layout!.calls).toHaveLength(1);
    expect(deps.loadEntity).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(true);
    expect(cardHost()!.parentElement).toBe(document.documentElement);
  });
});

describe('destroy', () => {
  it('removes the host and every listener', async () => {
    const { mss1, mss2, deps } = setup();
    await controller!.open(mss1);
    const add = vi.spyOn(document, 'addEventListener');
    controller!.destroy();
    expect(cardHost()).toBeNull();
    expect(add).not.toHaveBeenCalled();
    expect(registeredHighlights(ACTIVE).size).toBe(0);

    vi.mocked(deps.loadEntity).mockClear();
    const calls = layout!.calls.length;
    await hover(pointOn(mss2));
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    tapAt(document.body, pointOn(mss2));
    controller!.next();
    await settle();
    expect(layout!.calls.length).toBe(calls);
    expect(deps.loadEntity).not.toHaveBeenCalled();
    expect(cardHost()).toBeNull();
    expect(controller!.isOpen()).toBe(false);
  });

  it('cancels a hit test waiting for the next frame', async () => {
    const { mss2, deps } = setup();
    moveTo(pointOn(mss2));
    controller!.destroy();
    await frame();
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(layout!.calls).toEqual([]);
    expect(deps.loadEntity).not.toHaveBeenCalled();
  });

  it('drops a load still in flight', async () => {
    let resolve: (value: EntityKnowledge | null) => void = () => {};
    const { mss1 } = setup({ loadEntity: vi.fn(() => new Promise<EntityKnowledge | null>((r) => (resolve = r))) });
    const opened = controller!.open(mss1);
    controller!.destroy();
    resolve(KNOWLEDGE.mss!);
    await opened;
    expect(cardHost()).toBeNull();
  });
});

describe("mentions inside the page's shadow roots", () => {
  /** The standard page, plus a host after it whose open shadow root holds a Salt Typhoon mention (row 4). */
  function setupWithShadow() {
    const page = buildPage();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const paragraph = document.createElement('p');
    paragraph.append('Inside: Salt Typhoon.');
    shadow.append(paragraph);
    document.body.insertBefore(host, page.after);
    const inShadow = page.painting.paint('salt-typhoon', [[paragraph.firstChild as Text, 'Salt Typhoon']], 4);
    const deps = fakeDeps(page.painting, { shadowRoots: () => [shadow] });
    controller = createCardController(deps);
    return { ...page, host, shadow, inShadow, deps };
  }

  it('opens on hover, hit-testing with the shadow roots that hold mentions', async () => {
    const { inShadow, shadow } = setupWithShadow();
    await hover(pointOn(inShadow));
    expect(layout!.calls.at(-1)?.shadowRoots).toEqual([shadow]);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
    expect(activeRanges()).toEqual([...inShadow.ranges]);
  });

  it('opens on a tap', async () => {
    const { inShadow, host, after } = setupWithShadow();
    tapAt(host, pointOn(inShadow));
    await settle();
    expect(activeRanges()).toEqual([...inShadow.ranges]);
    tapAt(after, BLANK);
    expect(controller!.isOpen()).toBe(false);
  });

  it('next() reaches the mention in the shadow root in composed order and goes on from it', async () => {
    const { inShadow, mss1, salt, mss2 } = setupWithShadow();
    const visited: Array<AbstractRange[] | undefined> = [];
    for (let i = 0; i < 5; i++) {
      controller!.next();
      await settle();
      visited.push(activeRanges());
    }
    expect(visited).toEqual([[...mss1.ranges], [...salt.ranges], [...mss2.ranges], [...inShadow.ranges], [...mss1.ranges]]);
    controller!.previous();
    await settle();
    expect(activeRanges()).toEqual([...inShadow.ranges]);
    controller!.previous();
    await settle();
    expect(activeRanges()).toEqual([...mss2.ranges]);
  });
});


describe('a page that removes our host', () => {
  it('gets it back on the next open a bounded number of times, then no more cards', async () => {
    const { controller, mss1: mention } = setup();
    for (let removal = 1; removal <= 5; removal++) {
      await controller.open(mention);
      expect(cardHost()?.isConnected).toBe(true);
      controller.close();
      cardHost()!.remove();
    }
    await controller.open(mention);
    expect(cardHost()?.isConnected).toBe(true);
    controller.close();
    cardHost()!.remove();
    await controller.open(mention);
    expect(controller.isOpen()).toBe(false);
    expect(cardHost()).toBeNull();
  });
});

describe('a page that defines our host tag itself', () => {
  it('gets no say in our card: a plain host stands in, and the card opens', async () => {
    class PageElement extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).append('the page’s own');
      }
    }
    if (!customElements.get('backstory-ui')) customElements.define('backstory-ui', PageElement);
    const { controller, mss1 } = setup();
    await controller.open(mss1);
    const host = document.querySelector('[data-backstory-ui]');
    expect(host?.localName).toBe('div');
    expect(host?.shadowRoot?.querySelector('[role="dialog"]')?.textContent).toContain('Ministry of State Security');
    expect(controller.isOpen()).toBe(true);
  });
});

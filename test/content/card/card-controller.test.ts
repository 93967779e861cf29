// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController, type CardController } from '../../../src/content/card';
import type { EntityKnowledge } from '../../../src/shared/knowledge/types';
import { CARD_CLOSE_DELAY_MS, CARD_OPEN_DELAY_MS, CARD_WARM_UP_IDLE_TIMEOUT_MS } from '../../../src/shared/constants';
import {
  KNOWLEDGE,
  accessibleName,
  buildPage,
  cardElement,
  cardHost,
  fakeDeps,
  hoverOnto,
  key,
  pointer,
  visibleCard,
} from './support/page';

// The card's strings come from the real _locales through the fake browser's i18n.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../shared/settings/fake-browser')).createFakeBrowser() }));

let controller: CardController | undefined;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  controller?.destroy();
  controller = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

function setup(overrides: Parameters<typeof fakeDeps>[1] = {}) {
  const page = buildPage();
  const deps = fakeDeps(page.firstMarks, overrides);
  controller = createCardController(deps);
  return { ...page, deps, controller };
}

/** Lets pending promise callbacks (the knowledge load, positioning) run. */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

describe('hover intent', () => {
  it('opens nothing for a pointer that passes over a mention quickly', async () => {
    const { mss2, after, deps } = setup();
    hoverOnto(mss2, null);
    pointer('pointermove', mss2, { clientX: 0, clientY: 0 });
    await vi.advanceTimersByTimeAsync(10);
    pointer('pointermove', mss2, { clientX: 40, clientY: 0 });
    hoverOnto(after, mss2);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
    expect(cardHost()).toBeNull();
    // The knowledge may have been fetched while the pointer was there, but only once.
    expect(vi.mocked(deps.loadEntity).mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('fetches while the pointer dwells, so the card opens with its content, and asks once per entity', async () => {
    const { mss1, mss2, after, deps } = setup();
    hoverOnto(mss2, null);
    expect(deps.loadEntity).toHaveBeenCalledWith('mss');
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    expect(visibleCard()!.textContent).not.toContain('Loading');

    hoverOnto(after, mss2);
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

  it('restarts the dwell while the pointer sweeps fast across the mention', async () => {
    const { mss2 } = setup();
    hoverOnto(mss2, null);
    pointer('pointermove', mss2, { clientX: 0, clientY: 0 });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 50);
    pointer('pointermove', mss2, { clientX: 500, clientY: 0 }); // hundreds of px in no time
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 50);
    expect(controller!.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(controller!.isOpen()).toBe(true);
  });

  it('opens after the dwell, with the entity\'s name and background', async () => {
    const { mss2 } = setup();
    hoverOnto(mss2, null);
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
    hoverOnto(mss2, null);
    pointer('pointermove', mss2, { clientX: 0, clientY: 0 });
    await vi.advanceTimersByTimeAsync(100);
    pointer('pointermove', mss2, { clientX: 10, clientY: 0 }); // 0.1 px/ms: a reader settling
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS - 100);
    expect(controller!.isOpen()).toBe(true);
  });

  it('uses the hover delay set by the options', async () => {
    const { mss2 } = setup();
    controller!.setHoverDelay(1000);
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000 - CARD_OPEN_DELAY_MS);
    expect(controller!.isOpen()).toBe(true);
  });

  it('stays open while the pointer moves onto the card, and closes after it leaves both', async () => {
    const { mss2, after } = setup();
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await settle();
    const host = cardHost()!;
    hoverOnto(host, mss2);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS * 3);
    expect(controller!.isOpen()).toBe(true);

    hoverOnto(after, host);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS - 1);
    expect(controller!.isOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(controller!.isOpen()).toBe(false);
    expect(visibleCard()).toBeNull();
  });

  it('survives the gap between mention and card when the pointer comes back in time', async () => {
    const { mss2, after } = setup();
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    hoverOnto(after, mss2);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS - 50);
    hoverOnto(cardHost()!, after);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(true);
  });

  it('treats the marks of a split name as one mention', async () => {
    const { saltA, saltB, deps } = setup();
    hoverOnto(saltA, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await settle();
    hoverOnto(saltB, saltA);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(true);
    expect(deps.loadEntity).toHaveBeenCalledTimes(1);
  });

  it('closes when the pointer leaves the window', async () => {
    const { mss2 } = setup();
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    pointer('pointerout', mss2, { relatedTarget: null });
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS);
    expect(controller!.isOpen()).toBe(false);
  });

  it('Escape closes the card, and a pointer resting on the mention does not reopen it', async () => {
    const { mss2 } = setup();
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    const escape = key(document.body, 'Escape');
    expect(controller!.isOpen()).toBe(false);
    // Focus was not ours, so the page still sees its Escape.
    expect(escape.defaultPrevented).toBe(false);
    pointer('pointermove', mss2, { clientX: 1, clientY: 1 });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
  });

  it('Escape that ends an input method composition leaves the card open', async () => {
    const { mss2 } = setup();
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    key(document.body, 'Escape', { isComposing: true });
    expect(controller!.isOpen()).toBe(true);
  });

  it('drops a late answer from a stale hover', async () => {
    const resolvers: Array<(value: EntityKnowledge | null) => void> = [];
    const { mss2, saltA, after } = setup({
      loadEntity: vi.fn(() => new Promise<EntityKnowledge | null>((resolve) => resolvers.push(resolve))),
    });
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    hoverOnto(after, mss2);
    await vi.advanceTimersByTimeAsync(CARD_CLOSE_DELAY_MS);
    hoverOnto(saltA, after);
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

  it('ignores touch pointers for hover', async () => {
    const { mss2 } = setup();
    hoverOnto(mss2, null, { pointerType: 'touch' });
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    expect(controller!.isOpen()).toBe(false);
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
    hoverOnto(mss2, null);
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

    hoverOnto(mss2, null);
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
    const { mss2, saltA } = setup({
      loadEntity: vi.fn(async (id: string) => {
        if (id === 'mss') return null;
        throw new Error('background gone');
      }),
    });
    await controller!.open(mss2);
    expect(visibleCard()!.textContent).toContain('No background is available');
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
    await controller!.open(saltA);
    expect(visibleCard()!.textContent).toContain('No background is available');
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
    const { mss1, saltA } = setup();
    await controller!.open(mss1);
    await controller!.open(saltA);
    const hosts = document.querySelectorAll('backstory-ui');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.parentElement).toBe(document.documentElement);
    expect(hosts[0]!.shadowRoot).not.toBeNull();
    const shadow = hosts[0]!.shadowRoot!;
    const styled = shadow.adoptedStyleSheets.length > 0 || shadow.querySelector('style') !== null;
    expect(styled).toBe(true);
  });

  it('adds nothing to the page\'s own elements', async () => {
    const { mss1, link } = setup();
    const attributesBefore = [...link.attributes].map((a) => `${a.name}=${a.value}`);
    const markAttributesBefore = [...mss1.attributes].map((a) => `${a.name}=${a.value}`);
    await controller!.open(mss1);
    expect([...link.attributes].map((a) => `${a.name}=${a.value}`)).toEqual(attributesBefore);
    expect([...mss1.attributes].map((a) => `${a.name}=${a.value}`)).toEqual(markAttributesBefore);
    expect(document.body.querySelectorAll('backstory-ui')).toHaveLength(0);
  });

  it('the close button closes the card', async () => {
    const { mss1 } = setup();
    await controller!.open(mss1);
    cardElement()!.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(controller!.isOpen()).toBe(false);
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
  it('next() walks the mentions in order, wrapping, focusing each and opening its card', async () => {
    const { mss1, saltA, mss2 } = setup();
    const visited: Array<[Element | null, string]> = [];
    for (let i = 0; i < 4; i++) {
      controller!.next();
      await settle();
      visited.push([document.activeElement, accessibleName(visibleCard()!)]);
    }
    expect(visited).toEqual([
      [mss1, 'Ministry of State Security'],
      [saltA, 'Salt Typhoon'],
      [mss2, 'Ministry of State Security'],
      [mss1, 'Ministry of State Security'],
    ]);
  });

  it('previous() walks backwards, wrapping to the last mention first', async () => {
    const { mss1, saltA, mss2 } = setup();
    const visited: Array<Element | null> = [];
    for (let i = 0; i < 4; i++) {
      controller!.previous();
      await settle();
      visited.push(document.activeElement);
    }
    expect(visited).toEqual([mss2, saltA, mss1, mss2]);
  });

  it('next() from the second mark of a split name goes to the following mention', async () => {
    const { saltB, mss2 } = setup();
    saltB.focus();
    await settle();
    controller!.next();
    expect(document.activeElement).toBe(mss2);
  });

  it('scrolls an off-screen mention into view, smoothly unless reduced motion is asked for', () => {
    const { mss1, saltA } = setup();
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(800);
    vi.spyOn(mss1, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 2000, 40, 20));
    vi.spyOn(saltA, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 2100, 40, 20));
    const scroll = vi.spyOn(mss1, 'scrollIntoView');
    const scrollSalt = vi.spyOn(saltA, 'scrollIntoView');
    controller!.next();
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'smooth' }));

    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query.includes('reduce'), media: query }) as MediaQueryList,
    );
    controller!.next();
    expect(scrollSalt).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'auto' }));
  });

  it('does not scroll the page for a mention already on screen', () => {
    const { mss1 } = setup();
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(800);
    vi.spyOn(mss1, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 100, 40, 20));
    const scroll = vi.spyOn(mss1, 'scrollIntoView');
    controller!.next();
    expect(scroll).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(mss1);
  });

  it('Escape closes and returns focus to where it was before navigation took it', async () => {
    const { before } = setup();
    before.focus();
    controller!.next();
    controller!.next();
    await settle();
    const escape = key(document.activeElement!, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('Escape with nothing focused before leaves focus on the document', async () => {
    setup();
    controller!.next();
    await settle();
    key(document.activeElement!, 'Escape');
    expect(controller!.isOpen()).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('reveal() focuses a chosen mention and opens its card; Escape returns focus', async () => {
    const { before, mss2 } = setup();
    before.focus();
    await controller!.reveal(mss2);
    expect(document.activeElement).toBe(mss2);
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
    expect(visibleCard()!.textContent).toContain(KNOWLEDGE.mss!.summary.text);
    key(mss2, 'Escape');
    expect(document.activeElement).toBe(before);
  });

  it('focus landing on a mark opens its card', async () => {
    const { mss2 } = setup();
    mss2.focus();
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
  });

  it('Tab from the mark moves into the card, Shift+Tab back, Tab past the end to the page', async () => {
    const { mss2, after } = setup();
    controller!.previous(); // mss2, the last mention
    await settle();
    expect(document.activeElement).toBe(mss2);
    const host = cardHost()!;
    const focusables = [...host.shadowRoot!.querySelectorAll<HTMLElement>('button')];

    expect(key(mss2, 'Tab').defaultPrevented).toBe(true);
    expect(host.shadowRoot!.activeElement).toBe(focusables[0]);
    expect(controller!.isOpen()).toBe(true);

    expect(key(focusables[0]!, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(mss2);

    focusables[focusables.length - 1]!.focus();
    expect(key(focusables[focusables.length - 1]!, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(after);
    expect(controller!.isOpen()).toBe(false);
  });

  it('focus moving elsewhere on the page closes a card opened by focus', async () => {
    const { mss1, after } = setup();
    mss1.focus();
    await settle();
    after.focus();
    expect(controller!.isOpen()).toBe(false);
  });
});

describe('touch', () => {
  it('a tap on a mention opens its card at once, and a tap elsewhere closes it', async () => {
    const { mss2, after } = setup();
    pointer('pointerdown', mss2, { pointerType: 'touch' });
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Ministry of State Security');
    pointer('pointerdown', after, { pointerType: 'touch' });
    expect(controller!.isOpen()).toBe(false);
  });

  it('a tap inside the card keeps it open', async () => {
    const { mss2 } = setup();
    pointer('pointerdown', mss2, { pointerType: 'touch' });
    await settle();
    pointer('pointerdown', cardHost()!, { pointerType: 'touch' });
    expect(controller!.isOpen()).toBe(true);
  });

  it('the first tap on a mention in a link opens the card instead of following it; the second follows it', async () => {
    const { mss1, link } = setup();
    const pageHandler = vi.fn();
    link.addEventListener('click', pageHandler);

    pointer('pointerdown', mss1, { pointerType: 'touch' });
    const first = new MouseEvent('click', { bubbles: true, cancelable: true });
    mss1.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(true);

    pointer('pointerdown', mss1, { pointerType: 'touch' });
    const second = new MouseEvent('click', { bubbles: true, cancelable: true });
    mss1.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false);
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });

  it('keeps the first tap from following the link when the browser focuses the link before the mark (Firefox)', async () => {
    const { mss1, link } = setup();
    pointer('pointerdown', mss1, { pointerType: 'touch' });
    link.focus();
    mss1.focus();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    mss1.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(true);
  });

  it('a tap on another mention of the same entity counts as a first tap there', async () => {
    const { mss1, mss2 } = setup();
    pointer('pointerdown', mss2, { pointerType: 'touch' });
    mss2.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    pointer('pointerdown', mss1, { pointerType: 'touch' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    mss1.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(controller!.isOpen()).toBe(true);
  });

  it('never blocks a mouse click on a link around a mention', async () => {
    const { mss1 } = setup();
    pointer('pointerdown', mss1, { pointerType: 'mouse' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    mss1.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
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

  it('closes when the page removes the mention it points at', async () => {
    const { mss1 } = setup();
    await controller!.open(mss1);
    mss1.remove();
    window.dispatchEvent(new Event('resize')); // any layout change makes the card re-check its anchor
    expect(controller!.isOpen()).toBe(false);
    expect(visibleCard()).toBeNull();
  });

  it('opens nothing for a mark that has left the page', async () => {
    const { mss1 } = setup();
    mss1.remove();
    await controller!.open(mss1);
    expect(controller!.isOpen()).toBe(false);
  });

  it('ignores marks that are not ours', async () => {
    const { mss1 } = setup({ isMention: () => null });
    mss1.focus();
    await controller!.open(mss1);
    expect(controller!.isOpen()).toBe(false);
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

    vi.mocked(deps.loadEntity).mockClear();
    hoverOnto(mss2, null);
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS * 2);
    mss2.focus();
    pointer('pointerdown', mss2, { pointerType: 'touch' });
    await settle();
    expect(deps.loadEntity).not.toHaveBeenCalled();
    expect(cardHost()).toBeNull();
    expect(controller!.isOpen()).toBe(false);
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

describe("marks inside the page's shadow roots", () => {
  /** The standard page, plus a host after it whose shadow root of `mode` holds a Salt Typhoon mark. */
  function setupWithShadow(mode: ShadowRootMode) {
    const page = buildPage();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode });
    const paragraph = document.createElement('p');
    const inShadow = document.createElement('mark');
    inShadow.dataset.entity = 'salt-typhoon';
    inShadow.tabIndex = -1;
    inShadow.textContent = 'Salt Typhoon';
    paragraph.append('Inside: ', inShadow, '.');
    shadow.append(paragraph);
    document.body.insertBefore(host, page.after);
    const firstMarks = [...page.firstMarks, inShadow];
    const deps = fakeDeps(firstMarks);
    controller = createCardController(deps);
    return { ...page, host, inShadow, firstMarks };
  }

  /**
   * An event as a browser delivers it at the document from inside an open shadow root: the host
   * as its target, the mark first in its composed path (happy-dom does not retarget).
   */
  function fromInsideShadow(type: string, mark: HTMLElement, host: HTMLElement, pointerType: string) {
    const event = new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerType });
    const path = [mark, mark.parentElement!, mark.getRootNode(), host, document.body, document.documentElement, document, window];
    Object.defineProperty(event, 'composedPath', { value: () => path });
    host.dispatchEvent(event);
  }

  it('opens on hover: the event reaches the document retargeted to the host, composedPath names the mark', async () => {
    const { inShadow, host } = setupWithShadow('open');
    fromInsideShadow('pointerover', inShadow, host, 'mouse');
    await vi.advanceTimersByTimeAsync(CARD_OPEN_DELAY_MS);
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
  });

  it('opens on a tap and on keyboard focus', async () => {
    const { inShadow, host, after } = setupWithShadow('open');
    fromInsideShadow('pointerdown', inShadow, host, 'touch');
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
    pointer('pointerdown', after, { pointerType: 'touch' });
    expect(controller!.isOpen()).toBe(false);

    inShadow.focus();
    await settle();
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
  });

  it('next() reaches the mark in the shadow root in document order and goes on from it', async () => {
    const { inShadow, mss1, mss2 } = setupWithShadow('open');
    const visited: string[] = [];
    for (let i = 0; i < 5; i++) {
      controller!.next();
      await settle();
      visited.push(accessibleName(visibleCard()!));
    }
    expect(visited).toEqual(['Ministry of State Security', 'Salt Typhoon', 'Ministry of State Security', 'Salt Typhoon', 'Ministry of State Security']);
    expect(document.activeElement).toBe(mss1);
    controller!.previous();
    await settle();
    // Back from mss1, wrapping, to the last mention: the one in the shadow root, focused there
    // (the document names only its host).
    expect((inShadow.getRootNode() as ShadowRoot).activeElement).toBe(inShadow);
    expect(accessibleName(visibleCard()!)).toBe('Salt Typhoon');
    // And on from it, found as the reference through the shadow root's focus.
    controller!.close();
    controller!.previous();
    await settle();
    expect(document.activeElement).toBe(mss2);
  });
});

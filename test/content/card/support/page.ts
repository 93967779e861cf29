/**
 * A small page with highlighted mentions and a fake set of card dependencies, for the card's
 * happy-dom tests. The marks follow the highlighter's contract: `<mark data-entity tabindex="-1">`.
 */
import { vi } from 'vitest';
import type { EntityKnowledge, Quote } from '../../../../src/shared/knowledge/types';
import type { CardDeps } from '../../../../src/content/card';

export const FT = 'Financial Times';
export const CNEWS = 'CNews Live';

export function quote(text: string, paragraph = 0, publisher = FT): Quote {
  return { text, articleId: publisher === FT ? 'ft' : 'cnews', publisher, paragraph };
}

export const KNOWLEDGE: Record<string, EntityKnowledge> = {
  mss: {
    id: 'mss',
    name: 'Ministry of State Security',
    category: 'agency',
    summary: quote('The MSS is China’s main intelligence agency.', 1),
    quotes: [
      quote('The MSS is China’s main intelligence agency.', 1),
      quote('Officials said sanctions on the MSS were shelved.', 2, CNEWS),
      quote('The Treasury had prepared the measures.', 3),
      quote('A fourth sentence, shown since the summary is not repeated.', 4),
      quote('A fifth sentence that should not be shown.', 5),
    ],
    related: ['salt-typhoon', 'unknown-id', 'us-treasury'],
  },
  'salt-typhoon': {
    id: 'salt-typhoon',
    name: 'Salt Typhoon',
    category: 'campaign',
    summary: quote('Salt Typhoon hacked telecoms networks.', 5),
    quotes: [quote('Salt Typhoon hacked telecoms networks.', 5)],
    related: ['mss'],
  },
};

export const NAMES: Record<string, string> = {
  mss: 'Ministry of State Security',
  'salt-typhoon': 'Salt Typhoon',
  'us-treasury': 'US Treasury',
};

/**
 * Three mentions: MSS (inside a link), Salt Typhoon (split across an <em>), MSS again.
 * Returns the marks by role, plus focusable page elements around them.
 */
export function buildPage() {
  document.body.replaceChildren();
  const before = document.createElement('button');
  before.textContent = 'Before';
  const paragraph = document.createElement('p');
  const link = document.createElement('a');
  link.href = 'https://example.com/story';
  link.title = 'Story';
  const mss1 = mark('mss', 'MSS');
  link.append('The ', mss1, ' story');
  const saltA = mark('salt-typhoon', 'Salt ');
  const em = document.createElement('em');
  const saltB = mark('salt-typhoon', 'Typhoon');
  em.append(saltB);
  const mss2 = mark('mss', 'MSS');
  paragraph.append(link, ' and ', saltA, em, ' and the ', mss2, '.');
  const after = document.createElement('button');
  after.textContent = 'After';
  document.body.append(before, paragraph, after);
  return { before, link, mss1, saltA, saltB, mss2, after, firstMarks: [mss1, saltA, mss2] };
}

function mark(entityId: string, text: string): HTMLElement {
  const element = document.createElement('mark');
  element.dataset.entity = entityId;
  element.tabIndex = -1;
  element.textContent = text;
  return element;
}

export function fakeDeps(firstMarks: HTMLElement[], overrides: Partial<CardDeps> = {}) {
  const deps = {
    loadEntity: vi.fn(async (id: string) => KNOWLEDGE[id] ?? null),
    mentionCount: vi.fn((id: string) => firstMarks.filter((m) => m.dataset.entity === id).length),
    entityName: vi.fn((id: string) => NAMES[id]),
    openReader: vi.fn<(quote: Quote) => void>(),
    mentionElements: vi.fn(() => firstMarks),
    isMention: vi.fn((el: Element) => el.closest<HTMLElement>('mark[data-entity]')?.dataset.entity ?? null),
    ...overrides,
  } satisfies CardDeps;
  return deps;
}

export function pointer(type: string, target: EventTarget, init: PointerEventInit = {}) {
  const event = new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerType: 'mouse', ...init });
  target.dispatchEvent(event);
  return event;
}

/** The mouse arriving on `target` from `from` (pointerout on the old element, pointerover on the new). */
export function hoverOnto(target: Element, from: Element | null, init: PointerEventInit = {}) {
  if (from) pointer('pointerout', from, { relatedTarget: target, ...init });
  pointer('pointerover', target, { relatedTarget: from, ...init });
}

export function key(target: EventTarget, keyName: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key: keyName, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

export function cardHost(): HTMLElement | null {
  return document.querySelector('backstory-ui');
}

export function cardElement(): HTMLElement | null {
  return cardHost()?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
}

/** The dialog's accessible name as aria-labelledby computes it. */
export function accessibleName(card: HTMLElement): string {
  const label = card.getAttribute('aria-label');
  if (label) return label;
  const ids = (card.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const root = card.getRootNode() as ShadowRoot | Document;
  return ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
}

export function visibleCard(): HTMLElement | null {
  const card = cardElement();
  return card && 'shown' in card.dataset ? card : null;
}

/**
 * A small page of plain text with painted mentions and a fake set of card dependencies, for the
 * card's happy-dom tests. Mentions are painted by the highlighter's own PaintedMentions (ranges in
 * the fake highlight registry); each range gets a box on its own row (see layout.ts), so a test
 * points at a mention by coordinates, as the browser's hit test does.
 */
import '../../support/highlight-api';
import { vi } from 'vitest';
import type { EntityKnowledge, Quote } from '../../../../src/shared/knowledge/types';
import type { CardDeps } from '../../../../src/content/card';
import { PaintedMentions, type PaintedMention } from '../../../../src/content/highlighter/painted-mentions';
import { box, placeRange } from './layout';

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

/** A point in the viewport. */
export interface Point {
  x: number;
  y: number;
}

/** Where nothing is painted. */
export const BLANK: Point = { x: 50, y: 500 };

/**
 * Paints mentions over the page's text and lays their ranges out: `row` puts a mention's pieces
 * side by side on one row (y = row × 100, 20 px high, 600 px wide in all, split evenly).
 */
export class TestMentions {
  readonly painted = new PaintedMentions('background');

  /** Paints `entityId` over the given pieces of text nodes (each `[node, text in it]`) and lays it out on `row`. */
  paint(entityId: string, pieces: Array<[Text, string]>, row: number): PaintedMention {
    const spans = pieces.map(([node, text]) => {
      const start = node.data.indexOf(text);
      if (start === -1) throw new Error(`"${text}" is not in "${node.data}"`);
      return { node, start, end: start + text.length, text };
    });
    this.painted.paint(entityId, spans);
    const mention = this.painted.all().find((found) => found.from.node === spans[0]!.node && found.from.offset === spans[0]!.start)!;
    const width = 600 / mention.ranges.length;
    mention.ranges.forEach((range, index) => placeRange(range, box(index * width, row * 100, width, 20)));
    return mention;
  }

  mentions(): PaintedMention[] {
    return this.painted.inDocumentOrder();
  }

  /** The highlighter's mentionAt: the mention with a piece in this text node around this offset. */
  mentionAt = (node: Node, offset: number): PaintedMention | undefined => this.painted.at(node, offset);
}

/** The middle of a mention's `piece`-th range, per its box. */
export function pointOn(mention: PaintedMention, piece = 0): Point {
  const rect = (mention.ranges[piece] as Range).getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/**
 * Three mentions on three rows: MSS (inside a link, row 1), Salt Typhoon (split across an <em>,
 * row 2, two pieces side by side), MSS again (row 3); focusable buttons around them. The DOM is
 * the page's alone: plain text, nothing of ours in it.
 */
export function buildPage() {
  document.body.replaceChildren();
  const before = document.createElement('button');
  before.textContent = 'Before';
  const paragraph = document.createElement('p');
  const link = document.createElement('a');
  link.href = 'https://example.com/story';
  link.title = 'Story';
  link.append('The MSS story');
  const em = document.createElement('em');
  em.append('Typhoon');
  paragraph.append(link, ' and Salt ', em, ' and the MSS.');
  const after = document.createElement('button');
  after.textContent = 'After';
  document.body.append(before, paragraph, after);

  const painting = new TestMentions();
  const mss1 = painting.paint('mss', [[link.firstChild as Text, 'MSS']], 1);
  const salt = painting.paint('salt-typhoon', [[paragraph.childNodes[1] as Text, 'Salt '], [em.firstChild as Text, 'Typhoon']], 2);
  const mss2 = painting.paint('mss', [[paragraph.lastChild as Text, 'MSS']], 3);
  return { before, link, paragraph, em, mss1, salt, mss2, after, painting };
}

export function fakeDeps(painting: TestMentions, overrides: Partial<CardDeps> = {}) {
  const deps = {
    loadEntity: vi.fn(async (id: string) => KNOWLEDGE[id] ?? null),
    mentionCount: vi.fn((id: string) => painting.painted.counts().get(id) ?? 0),
    entityName: vi.fn((id: string) => NAMES[id]),
    openReader: vi.fn<(quote: Quote) => void>(),
    mentions: vi.fn(() => painting.mentions()),
    hasMentions: vi.fn(() => painting.painted.size > 0),
    mentionAt: vi.fn(painting.mentionAt),
    ...overrides,
  } satisfies CardDeps;
  return deps;
}

export function pointer(type: string, target: EventTarget, init: PointerEventInit = {}) {
  const event = new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerType: 'mouse', ...init });
  target.dispatchEvent(event);
  return event;
}

/** The mouse moving to a point of the page (no button held unless `init` says so). */
export function moveTo(point: Point, init: PointerEventInit = {}) {
  return pointer('pointermove', document.body, { clientX: point.x, clientY: point.y, buttons: 0, ...init });
}

/** A click where a tap ended, as the browser sends it after the touch. */
export function clickAt(target: EventTarget, point: Point) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, clientX: point.x, clientY: point.y });
  target.dispatchEvent(event);
  return event;
}

/** A touch on a point (pointerdown, as the card hears it). */
export function tapAt(target: EventTarget, point: Point, pointerType = 'touch') {
  return pointer('pointerdown', target, { pointerType, clientX: point.x, clientY: point.y });
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

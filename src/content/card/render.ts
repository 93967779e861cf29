/**
 * Fills the card with an entity's background. Every string arrives from data (the bundled
 * articles, the catalog) and is inserted as text, never parsed as HTML.
 */
import type { Category } from '../../shared/catalog/types';
import type { EntityKnowledge, Quote } from '../../shared/knowledge/types';
import { CARD_MAX_QUOTES, CARD_MAX_RELATED } from '../../shared/constants';

/** The parts of the card frame that change with each entity. */
export interface CardSlots {
  category: HTMLElement;
  name: HTMLElement;
  body: HTMLElement;
}

export interface KnowledgeContext {
  /** Mentions of the entity on the page now. */
  mentionCount: number;
  /** Display names of related entities, most often mentioned alongside first. */
  relatedNames: readonly string[];
  openReader(quote: Quote): void;
}

const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  campaign: 'Campaign',
  agency: 'Agency',
  technology: 'Technology',
  company: 'Company',
  person: 'Person',
  organisation: 'Organisation',
  policy: 'Policy',
  place: 'Place',
};

export function renderLoading(slots: CardSlots, name: string): void {
  fillHeader(slots, name, '');
  slots.body.replaceChildren(element('p', 'status', 'Loading background…'));
  slots.body.setAttribute('aria-busy', 'true');
}

export function renderMissing(slots: CardSlots, name: string): void {
  fillHeader(slots, name, '');
  slots.body.replaceChildren(element('p', 'status', 'No background is available for this name.'));
  slots.body.removeAttribute('aria-busy');
}

export function renderKnowledge(slots: CardSlots, knowledge: EntityKnowledge, context: KnowledgeContext): void {
  fillHeader(slots, knowledge.name, CATEGORY_LABELS[knowledge.category] ?? knowledge.category);
  const parts: HTMLElement[] = [quoteFigure(knowledge.summary, 'summary', context)];

  const quotes = knowledge.quotes.filter((quote) => !sameQuote(quote, knowledge.summary)).slice(0, CARD_MAX_QUOTES);
  if (quotes.length > 0) {
    const list = element('div', 'quotes');
    list.append(...quotes.map((quote) => quoteFigure(quote, 'quote', context)));
    parts.push(list);
  }

  parts.push(element('p', 'count', mentionCountText(context.mentionCount)));

  const related = context.relatedNames.slice(0, CARD_MAX_RELATED);
  if (related.length > 0) {
    const section = element('div', 'related');
    const heading = element('p', 'related-label', 'Mentioned alongside');
    const list = element('ul', 'related-list');
    list.append(...related.map((name) => element('li', 'related-item', name)));
    section.append(heading, list);
    parts.push(section);
  }

  slots.body.replaceChildren(...parts);
  slots.body.removeAttribute('aria-busy');
}

export function mentionCountText(count: number): string {
  if (count <= 0) return 'Not mentioned on this page';
  if (count === 1) return 'Mentioned once on this page';
  return `Mentioned ${count} times on this page`;
}

function fillHeader(slots: CardSlots, name: string, category: string): void {
  slots.name.textContent = name;
  slots.category.textContent = category;
  slots.category.hidden = category === '';
}

/** A verbatim sentence with its source, which is also the way to read it in context. */
function quoteFigure(quote: Quote, className: string, context: KnowledgeContext): HTMLElement {
  const figure = element('figure', className);
  const text = element('blockquote', 'quote-text', quote.text);
  const source = element('figcaption', 'source');
  const read = element('button', 'read', 'Read in ');
  read.setAttribute('type', 'button');
  read.append(element('cite', 'publisher', quote.publisher));
  read.addEventListener('click', () => context.openReader(quote));
  source.append(read);
  figure.append(text, source);
  return figure;
}

function sameQuote(a: Quote, b: Quote): boolean {
  return a.articleId === b.articleId && a.paragraph === b.paragraph && a.text === b.text;
}

/** The card's document: the one the content script runs in (the card is never moved across documents). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Fills the card with an entity's background. Every string arrives from data (the bundled
 * articles, the catalog) and is inserted as text, never parsed as HTML.
 */
import type { Category } from '../../shared/catalog/types';
import type { EntityKnowledge, Quote } from '../../shared/knowledge/types';
import { CARD_MAX_QUOTES, CARD_MAX_RELATED } from '../../shared/constants';
import { t } from '../../shared/i18n';

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

/** The card names one entity, so its category reads in the singular ("Person", not the popup's "People"). */
const CATEGORY_LABEL_KEYS: Readonly<Record<Category, string>> = {
  campaign: 'cardCategoryCampaign',
  agency: 'cardCategoryAgency',
  technology: 'cardCategoryTechnology',
  company: 'cardCategoryCompany',
  person: 'cardCategoryPerson',
  organisation: 'cardCategoryOrganisation',
  policy: 'cardCategoryPolicy',
  place: 'cardCategoryPlace',
};

export function renderLoading(slots: CardSlots, name: string): void {
  fillHeader(slots, name, '');
  slots.body.replaceChildren(element('p', 'status', t('cardLoading')));
  slots.body.setAttribute('aria-busy', 'true');
}

export function renderMissing(slots: CardSlots, name: string): void {
  fillHeader(slots, name, '');
  slots.body.replaceChildren(element('p', 'status', t('cardMissing')));
  slots.body.removeAttribute('aria-busy');
}

export function renderKnowledge(slots: CardSlots, knowledge: EntityKnowledge, context: KnowledgeContext): void {
  const labelKey = CATEGORY_LABEL_KEYS[knowledge.category];
  fillHeader(slots, knowledge.name, labelKey ? t(labelKey) : knowledge.category);
  const parts: HTMLElement[] = [quoteFigure(knowledge.summary, 'summary', context)];

  // The summary may be a short excerpt: the whole sentence it comes from follows it first, so the
  // card always holds a complete sentence; the same sentence is never shown twice.
  const { summary } = knowledge;
  const home = knowledge.quotes.find((quote) => containsQuote(quote, summary));
  const others = knowledge.quotes.filter((quote) => quote !== home);
  const quotes = (home && home.text !== summary.text ? [home, ...others] : others).slice(0, CARD_MAX_QUOTES);
  if (quotes.length > 0) {
    const list = element('div', 'quotes');
    list.append(...quotes.map((quote) => quoteFigure(quote, 'quote', context)));
    parts.push(list);
  }

  parts.push(element('p', 'count', mentionCountText(context.mentionCount)));

  const related = context.relatedNames.slice(0, CARD_MAX_RELATED);
  if (related.length > 0) {
    const section = element('div', 'related');
    const heading = element('p', 'related-label', t('cardMentionedAlongside'));
    const list = element('ul', 'related-list');
    list.append(...related.map((name) => element('li', 'related-item', name)));
    section.append(heading, list);
    parts.push(section);
  }

  slots.body.replaceChildren(...parts);
  slots.body.removeAttribute('aria-busy');
}

export function mentionCountText(count: number): string {
  if (count <= 0) return t('cardMentionsNone');
  if (count === 1) return t('cardMentionsOne');
  return t('cardMentionsMany', count);
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
  const read = element('button', 'read', `${t('cardReadIn')} `);
  read.setAttribute('type', 'button');
  read.append(element('cite', 'publisher', quote.publisher));
  read.addEventListener('click', () => context.openReader(quote));
  source.append(read);
  figure.append(text, source);
  return figure;
}

/** Whether `outer` quotes the passage of `inner` (the same words at the same place, or the same text). */
function containsQuote(outer: Quote, inner: Quote): boolean {
  if (outer.articleId !== inner.articleId || outer.paragraph !== inner.paragraph) return false;
  if (outer.start !== undefined && outer.end !== undefined && inner.start !== undefined && inner.end !== undefined) {
    return outer.start <= inner.start && inner.end <= outer.end;
  }
  return outer.text.includes(inner.text);
}

/** The card's document: the one the content script runs in (the card is never moved across documents). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

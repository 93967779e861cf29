/**
 * Fills the card with an entity's background. Every string arrives from data (the bundled
 * articles, the catalog) and is inserted as text, never parsed as HTML.
 */
import type { EntityKnowledge, Quote } from '../../shared/knowledge/types';
import { isSavedQuote } from '../../shared/knowledge/merge';
import { CARD_MAX_QUOTES, CARD_MAX_RELATED } from '../../shared/constants';
import { t } from '../../shared/i18n';
import { CATEGORY_LABEL_KEYS } from '../../shared/catalog/category-labels';

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
  const parts: HTMLElement[] = [];
  const { summary } = knowledge;
  // The summary may be a short excerpt: the whole sentence it comes from follows it first, so the
  // card always holds a complete sentence; the same sentence is never shown twice.
  const home = knowledge.quotes.find((quote) => quote !== summary && containsQuote(quote, summary));
  const others = knowledge.quotes.filter((quote) => quote !== summary && quote !== home && quote.text !== summary.text);
  // The reader's own articles come first (newest saved first, as the background orders them), then the summary and the bundled ones.
  const saved = others.filter(isSavedQuote).slice(0, CARD_MAX_QUOTES);
  const fromSummary = home && home.text !== summary.text ? [home] : [];
  const bundled = [...fromSummary, ...others.filter((quote) => !isSavedQuote(quote))].slice(0, Math.max(fromSummary.length, CARD_MAX_QUOTES - saved.length));
  if (saved.length > 0) parts.push(quoteList(saved, 'saved-quotes', context));
  parts.push(quoteFigure(summary, 'summary', context));
  if (bundled.length > 0) parts.push(quoteList(bundled, 'quotes', context));

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

function quoteList(quotes: readonly Quote[], className: string, context: KnowledgeContext): HTMLElement {
  const list = element('div', className);
  list.append(...quotes.map((quote) => quoteFigure(quote, 'quote', context)));
  return list;
}

/**
 * A verbatim sentence with its source line: the button that reads it in context names the site
 * or publisher; the headline and date follow when known; a saved article links to its original.
 */
function quoteFigure(quote: Quote, className: string, context: KnowledgeContext): HTMLElement {
  const figure = element('figure', className);
  const text = element('blockquote', 'quote-text', quote.text);
  text.setAttribute('dir', 'auto');
  const source = element('figcaption', 'source');
  const read = element('button', 'read', `${t('cardReadIn')} `);
  read.setAttribute('type', 'button');
  read.append(element('cite', 'publisher', quote.publisher));
  read.addEventListener('click', () => context.openReader(quote));
  source.append(read);
  const details = [quote.headline ? `\u201C${quote.headline}\u201D` : '', quote.published ? formatDate(quote.published) : ''].filter(Boolean);
  if (details.length > 0) {
    const detail = element('span', 'source-detail', details.join(' \u00B7 '));
    detail.setAttribute('dir', 'auto');
    source.append(detail);
  }
  if (quote.url) {
    const original = element('a', 'original', t('cardOriginal'));
    original.href = quote.url;
    original.target = '_blank';
    original.rel = 'noreferrer noopener';
    source.append(original);
  }
  figure.append(text, source);
  return figure;
}

function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
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

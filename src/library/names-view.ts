/**
 * Draws the names found in the reader's articles: those offered, each with its count, the
 * sentence it first appears in and buttons "Keep <name>" and "Dismiss <name>"; and those kept,
 * each renamed, recategorised, switched off, merged or deleted in place. Every string is text.
 */
import { CATEGORIES, type Category } from '../shared/catalog/types';
import type { NameDecision } from '../shared/library/names';
import type { NameRecord } from '../shared/library/types';
import { t } from '../shared/i18n';
import { CATEGORY_LABEL_KEYS } from '../shared/catalog/category-labels';
import { bounded } from './article-list';

export type DecideName = (record: NameRecord, decision: NameDecision) => void;


export function renderNames(offeredList: HTMLElement, keptList: HTMLElement, records: readonly NameRecord[], decideName: DecideName): void {
  const doc = offeredList.ownerDocument;
  const kept = records.filter((record) => record.status === 'kept');
  offeredList.replaceChildren(...records.filter((record) => record.status === 'offered').map((record) => offeredItem(doc, record, decideName)));
  keptList.replaceChildren(...kept.map((record) => keptItem(doc, record, kept, decideName)));
}

function offeredItem(doc: Document, record: NameRecord, decideName: DecideName): HTMLElement {
  const item = el(doc, 'li', 'name');
  item.dataset.nameId = record.id;
  const heading = el(doc, 'h3', 'name-title', bounded(record.name, 200));
  heading.dir = 'auto';
  const meta = el(doc, 'p', 'meta', `${t(CATEGORY_LABEL_KEYS[record.category])} · ${t('libraryNameMentions', record.count)}`);
  const sentence = el(doc, 'blockquote', 'first-sentence', bounded(record.firstSentence.text, 600));
  sentence.dir = 'auto';
  const actions = el(doc, 'div', 'actions');
  actions.append(
    button(doc, t('libraryKeep', record.name), 'keep', () => decideName(record, { action: 'keep' })),
    button(doc, t('libraryDismiss', record.name), 'dismiss', () => decideName(record, { action: 'dismiss' })),
  );
  item.append(heading, meta, sentence, actions);
  return item;
}

function keptItem(doc: Document, record: NameRecord, kept: readonly NameRecord[], decideName: DecideName): HTMLElement {
  const item = el(doc, 'li', 'name kept');
  item.dataset.nameId = record.id;
  const heading = el(doc, 'h3', 'name-title', bounded(record.name, 200));
  heading.dir = 'auto';

  const category = doc.createElement('select');
  category.setAttribute('aria-label', t('libraryCategoryOf', record.name));
  for (const value of CATEGORIES) {
    const option = el(doc, 'option', '', t(CATEGORY_LABEL_KEYS[value])) as HTMLOptionElement;
    option.value = value;
    option.selected = value === record.category;
    category.append(option);
  }
  category.addEventListener('change', () => decideName(record, { action: 'categorise', category: category.value as Category }));

  const highlight = doc.createElement('input');
  highlight.type = 'checkbox';
  highlight.setAttribute('role', 'switch');
  highlight.checked = record.enabled;
  highlight.setAttribute('aria-label', t('libraryHighlightName', record.name));
  highlight.addEventListener('change', () => decideName(record, { action: 'switch', enabled: highlight.checked }));

  const merge = doc.createElement('select');
  merge.setAttribute('aria-label', t('libraryMergeInto', record.name));
  merge.append(el(doc, 'option', '', t('libraryMergeNone')));
  for (const other of kept) {
    if (other.id === record.id) continue;
    const option = el(doc, 'option', '', bounded(other.name, 200)) as HTMLOptionElement;
    option.value = other.id;
    merge.append(option);
  }
  merge.hidden = kept.length < 2;
  merge.addEventListener('change', () => {
    if (merge.value) decideName(record, { action: 'merge', into: merge.value });
  });

  const rename = el(doc, 'form', 'rename') as HTMLFormElement;
  const field = doc.createElement('input');
  field.type = 'text';
  field.value = record.name;
  field.maxLength = 200;
  field.setAttribute('aria-label', t('libraryRenamePrompt', record.name));
  const renameButton = button(doc, t('libraryRename', record.name), 'rename-button', () => undefined);
  renameButton.type = 'submit';
  rename.append(field, renameButton);
  rename.addEventListener('submit', (event) => {
    event.preventDefault();
    decideName(record, { action: 'rename', name: field.value });
  });

  const actions = el(doc, 'div', 'actions');
  actions.append(category, highlight, merge, button(doc, t('libraryDelete', record.name), 'delete', () => decideName(record, { action: 'delete' })));
  item.append(heading, rename, actions);
  return item;
}

function button(doc: Document, label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = el(doc, 'button', className, label) as HTMLButtonElement;
  element.type = 'button';
  element.addEventListener('click', onClick);
  return element;
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

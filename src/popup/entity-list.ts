/** The popup's list of entities found on the page: grouped by category, most mentioned first. */
import { CATEGORIES, type Category } from '../shared/catalog/types';
import type { EntityCounts, EntityLabel } from '../shared/messages';
import { categoryName, t } from './i18n';

export interface ListedEntity {
  id: string;
  name: string;
  count: number;
}

export interface EntityGroup {
  /** Null for entities the knowledge base could not label (listed last, by id). */
  category: Category | null;
  entities: ListedEntity[];
}

export function groupEntities(counts: EntityCounts, labels: Record<string, EntityLabel>): EntityGroup[] {
  const byCategory = new Map<Category | null, ListedEntity[]>();
  for (const [id, count] of Object.entries(counts)) {
    if (count <= 0) continue;
    const label = labels[id];
    const category = label?.category ?? null;
    const group = byCategory.get(category) ?? [];
    group.push({ id, name: label?.name ?? id, count });
    byCategory.set(category, group);
  }
  const order: Array<Category | null> = [...CATEGORIES, null];
  return order.flatMap((category) => {
    const entities = byCategory.get(category);
    if (!entities) return [];
    entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return [{ category, entities }];
  });
}

export function mentionCount(count: number): string {
  return count === 1 ? t('popupMentionOne') : t('popupMentionMany', count);
}

/** Replaces the container's content with the groups; every string is inserted as text. */
export function renderEntityList(container: HTMLElement, groups: EntityGroup[], onReveal: (id: string) => void): void {
  const doc = container.ownerDocument;
  const nodes: Node[] = [];
  for (const group of groups) {
    if (group.category) {
      const heading = doc.createElement('h3');
      heading.textContent = categoryName(group.category);
      nodes.push(heading);
    }
    const list = doc.createElement('ul');
    for (const entity of group.entities) list.append(entityItem(doc, entity, onReveal));
    nodes.push(list);
  }
  if (nodes.length === 0) {
    const empty = doc.createElement('p');
    empty.className = 'empty';
    empty.textContent = t('popupNoEntities');
    nodes.push(empty);
  }
  container.replaceChildren(...nodes);
}

function entityItem(doc: Document, entity: ListedEntity, onReveal: (id: string) => void): HTMLLIElement {
  const item = doc.createElement('li');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'entity';
  button.dataset.entityId = entity.id;
  button.title = t('popupRevealTitle');
  const name = doc.createElement('span');
  name.className = 'name';
  name.textContent = entity.name;
  const count = doc.createElement('span');
  count.className = 'count';
  count.textContent = mentionCount(entity.count);
  button.append(name, count);
  button.addEventListener('click', () => onReveal(entity.id));
  item.append(button);
  return item;
}

/**
 * One active stretch of Backstory on a page: the highlights, the card, and their wiring to the
 * matcher, the background and the settings. stop() leaves the page exactly as it found it.
 */
import type { CatalogEntry, Category } from '../shared/catalog/types';
import type { CompiledMatcher, Mention, PageMatcher } from '../shared/matcher';
import { notifyBackground, sendToBackground, type MentionCommand } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { createCardController } from './card';
import { createHighlighter, yieldToPage } from './highlighter';

export interface PageSession {
  /** Resolves when the first pass over the page is done. */
  readonly ready: Promise<void>;
  counts(): Map<string, number>;
  /** Scrolls to the entity's first mention and opens its card; false when it has none here. */
  reveal(entityId: string): Promise<boolean>;
  command(name: MentionCommand): void;
  update(previous: Settings, next: Settings): Promise<void>;
  /** The library changed: cards ask the background again. */
  forgetKnowledge(): void;
  /** A single-page app swapped in a new story: a new page as far as short forms go, read again. */
  newPage(): Promise<void>;
  /** The reader's catalog changed: match with the new one and read the page again. */
  useCatalog(matcher: CompiledMatcher, entities: ReadonlyMap<string, CatalogEntry>): Promise<void>;
  stop(): void;
}

interface SessionOptions {
  matcher: CompiledMatcher;
  /** The entries the matcher was compiled from, by id: categories and display names. */
  entities: ReadonlyMap<string, CatalogEntry>;
  settings: Settings;
  /** Mentions were painted or removed. */
  onChange: () => void;
}

export function startPageSession(options: SessionOptions): PageSession {
  const { settings, onChange } = options;
  let { matcher, entities } = options;
  let categories = settings.categories;
  let page: PageMatcher = matcher.newPage();
  const highlighted = (mention: Mention) => {
    const category: Category | undefined = entities.get(mention.entityId)?.category;
    return category !== undefined && categories[category];
  };
  const highlighter = createHighlighter({
    root: document,
    // Every mention feeds the page's memory (short forms), even in a category that is switched off.
    findMentions(text) {
      const found = page.scanBlock(text);
      // A block without names (most of them) gets the matcher's shared empty result: no allocation.
      return found.length === 0 ? found : found.filter(highlighted);
    },
    heldBack: () => page.heldBack(),
    mayName: (text) => matcher.mayName(text),
    style: settings.highlightStyle,
  });

  const card = createCardController({
    // The card asks once per entity and asks again after a failure (see KnowledgeCache).
    loadEntity: (id) => sendToBackground({ type: 'get-entity', id }),
    mentionCount: (id) => highlighter.counts().get(id) ?? 0,
    entityName: (id) => entities.get(id)?.name,
    openReader(quote) {
      const { articleId, paragraph, start, end } = quote;
      notifyBackground({ type: 'open-reader', articleId, paragraph, start, end }).catch(() => {});
    },
    mentions: () => highlighter.mentions(),
    hasMentions: () => highlighter.hasMentions(),
    mentionAt: (node, offset) => highlighter.mentionAt(node, offset),
    shadowRoots: () => highlighter.shadowRoots(),
  });
  card.setHoverDelay(settings.hoverDelayMs);

  /**
   * Once the page's changes are read, weighs what the whole page says for the names held back
   * (a headline's "Xi" before the body's "Xi Jinping"); when that unlocks one, reads again the
   * runs that held something back. The page runs first: on a long page the weighing is a step
   * of its own, which would make one long task with the slice of reading before it.
   */
  let settling = false;
  /** After stop(), nothing may read the page again (a rescan would start the highlighter anew). */
  let stopped = false;
  const settleSoon = () => {
    if (settling || stopped) return;
    settling = true;
    void highlighter.idle().then(yieldToPage).then(() => {
      settling = false;
      if (!stopped && page.settle()) void highlighter.rereadHeldBack();
    });
  };

  const stopListening = highlighter.onChange(() => {
    onChange();
    settleSoon();
  });

  return {
    ready: highlighter.start().then(yieldToPage).then(() => {
      if (!stopped && page.settle()) return highlighter.rereadHeldBack();
    }),
    counts: () => highlighter.counts(),
    async reveal(entityId) {
      await highlighter.idle();
      const mention = highlighter.mentions().find((candidate) => candidate.entityId === entityId);
      if (!mention) return false;
      await card.reveal(mention);
      return true;
    },
    command(name) {
      if (name === 'next-mention') card.next();
      else card.previous();
    },
    async update(previous, next) {
      if (previous.hoverDelayMs !== next.hoverDelayMs) card.setHoverDelay(next.hoverDelayMs);
      if (previous.highlightStyle !== next.highlightStyle) highlighter.setStyle(next.highlightStyle);
      if (JSON.stringify(previous.categories) !== JSON.stringify(next.categories)) {
        card.close();
        categories = next.categories;
        page = matcher.newPage();
        await highlighter.rescan();
      }
    },
    forgetKnowledge: () => card.forgetKnowledge(),
    async newPage() {
      page = matcher.newPage();
      await highlighter.rescan();
    },
    async useCatalog(nextMatcher, nextEntities) {
      card.close();
      card.forgetKnowledge();
      matcher = nextMatcher;
      entities = nextEntities;
      page = matcher.newPage();
      await highlighter.rescan();
    },
    stop() {
      stopped = true;
      stopListening();
      card.destroy();
      highlighter.stop();
    },
  };
}

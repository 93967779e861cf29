/**
 * One active stretch of Backstory on a page: the highlights, the card, and their wiring to the
 * matcher, the background and the settings. stop() leaves the page exactly as it found it.
 */
import { catalogById } from '../shared/catalog/entities';
import type { Category } from '../shared/catalog/types';
import type { CompiledMatcher, Mention, PageMatcher } from '../shared/matcher';
import { sendToBackground, type MentionCommand } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { createCardController } from './card';
import { createHighlighter } from './highlighter';
import { watchNavigations } from './navigations';

export interface PageSession {
  /** Resolves when the first pass over the page is done. */
  readonly ready: Promise<void>;
  counts(): Map<string, number>;
  /** Scrolls to the entity's first mention and opens its card; false when it has none here. */
  reveal(entityId: string): Promise<boolean>;
  command(name: MentionCommand): void;
  update(previous: Settings, next: Settings): Promise<void>;
  /** Drops the card's cached knowledge (the library changed). */
  forgetKnowledge(): void;
  stop(): void;
}

interface SessionOptions {
  matcher: CompiledMatcher;
  settings: Settings;
  /** Marks were added or removed. */
  onChange: () => void;
}

export function startPageSession({ matcher, settings, onChange }: SessionOptions): PageSession {
  let categories = settings.categories;
  let page: PageMatcher = matcher.newPage();
  const highlighted = (mention: Mention) => {
    const category: Category | undefined = catalogById.get(mention.entityId)?.category;
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
    mayName: matcher.mayName,
    style: settings.highlightStyle,
  });

  const card = createCardController({
    // The card asks once per entity and asks again after a failure (see its load()).
    loadEntity: (id) => sendToBackground({ type: 'get-entity', id }),
    mentionCount: (id) => highlighter.counts().get(id) ?? 0,
    entityName: (id) => catalogById.get(id)?.name,
    openReader(quote) {
      const { articleId, paragraph, start, end } = quote;
      sendToBackground({ type: 'open-reader', articleId, paragraph, start, end }).catch(() => {});
    },
    mentionElements: () => highlighter.mentions().flatMap((mention) => mention.marks.slice(0, 1)),
    isMention(element) {
      const mark = element.closest('mark[data-entity]');
      if (!mark) return null;
      return highlighter.mentionOf(mark)?.entityId ?? null;
    },
  });
  card.setHoverDelay(settings.hoverDelayMs);

  const stopListening = highlighter.onChange(onChange);
  // A single-page app that swaps in a new story starts a new page as far as short forms go.
  const stopWatching = watchNavigations(() => {
    page = matcher.newPage();
    void highlighter.rescan();
  });

  return {
    ready: highlighter.start(),
    counts: () => highlighter.counts(),
    async reveal(entityId) {
      await highlighter.idle();
      const mention = highlighter.mentions().find((candidate) => candidate.entityId === entityId);
      const first = mention?.marks[0];
      if (!first) return false;
      await card.reveal(first);
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
    stop() {
      stopWatching();
      stopListening();
      card.destroy();
      highlighter.stop();
    },
  };
}

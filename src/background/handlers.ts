/** Answers to what the content script and popup ask of the background. */
import browser from '../shared/browser';
import { catalogById } from '../shared/catalog/entities';
import { loadReaderCatalog } from '../shared/catalog/reader-catalog-storage';
import type { CatalogEntry } from '../shared/catalog/types';
import { mergeKnowledge } from '../shared/knowledge/merge';
import type { Quote } from '../shared/knowledge/types';
import type { LibraryStore } from '../shared/library/store';
import { isSavedArticleId } from '../shared/library/types';
import type { BackgroundHandlers } from '../shared/messages';
import type { KnowledgeLookup } from './knowledge';
import { lookUp, savePage } from './library';
import { openReader } from './reader';
import { showPageState } from './page-state';
import { storePageReport } from '../shared/page-reports';

export function backgroundHandlers(knowledge: KnowledgeLookup, library: LibraryStore): BackgroundHandlers {
  /** Saved quotes about an entity; a library that cannot be opened leaves the bundled knowledge standing. */
  const savedQuotes = (id: string): Promise<Quote[]> => library.quotesFor(id).catch(() => []);
  return {
    'get-entity': async ({ id }) => mergeKnowledge(knowledge.entity(id), await catalogEntry(id), await savedQuotes(id), knowledge.articles),
    'describe-entities': ({ ids }) => knowledge.labels(ids),
    'open-reader': async (request, sender) => {
      const known = isSavedArticleId(request.articleId)
        ? (await library.get(request.articleId)) !== undefined
        : knowledge.article(request.articleId) !== null;
      if (!known) throw new Error(`no article ${request.articleId}`);
      await openReader(request, sender);
      return null;
    },
    'reference-articles': () => [...knowledge.articles],
    'page-entities': async ({ type: _type, ...report }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('page-entities must come from a tab');
      await Promise.all([showPageState(tabId, report), storePageReport(tabId, report)]);
      return null;
    },
    // Only extension pages may ask for a capture: a content script (a page) never chooses what is saved.
    'save-page': ({ tabId, replace }, sender) => {
      if (sender.tab !== undefined && !sender.url?.startsWith(extensionOrigin())) throw new Error('save-page must come from the popup');
      return savePage(library, tabId, replace);
    },
    'library-lookup': ({ url }) => lookUp(library, url).catch(() => null),
  };
}

/** A bundled catalog entry, or a name the reader kept (from their catalog in storage). */
async function catalogEntry(id: string): Promise<CatalogEntry | undefined> {
  return catalogById.get(id) ?? (await loadReaderCatalog())?.entries.find((entry) => entry.id === id);
}

function extensionOrigin(): string {
  return browser.runtime.getURL('');
}

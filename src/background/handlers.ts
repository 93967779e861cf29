/** Answers to what the content script and popup ask of the background. */
import type { BackgroundHandlers } from '../shared/messages';
import type { KnowledgeLookup } from './knowledge';
import { openReader } from './reader';
import { showPageState } from './page-state';

export function backgroundHandlers(knowledge: KnowledgeLookup): BackgroundHandlers {
  return {
    'get-entity': ({ id }) => knowledge.entity(id),
    'describe-entities': ({ ids }) => knowledge.labels(ids),
    'open-reader': async (request, sender) => {
      if (!knowledge.hasArticle(request.articleId)) throw new Error(`no article ${request.articleId}`);
      await openReader(request, sender);
      return null;
    },
    'page-entities': async ({ counts, active, reason }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('page-entities must come from a tab');
      await showPageState(tabId, { counts, active, ...(reason ? { reason } : {}) });
      return null;
    },
  };
}

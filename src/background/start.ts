/**
 * Wires the background's listeners. Called once at the top level of the worker's script, so a
 * worker restarted by an event is listening before that event is dispatched.
 */
import browser from 'webextension-polyfill';
import type { KnowledgeBase } from '../shared/knowledge/types';
import { ensureStoredSettings } from '../shared/settings';
import { onBackgroundRequest } from '../shared/messages';
import { knowledgeLookup } from './knowledge';
import { backgroundHandlers } from './handlers';
import { clearPageState, styleBadge } from './page-state';
import { runCommand } from './commands';

/** Browser calls that fail only when their tab or window has just gone; nothing to recover. */
const ignoreFailure = () => undefined;

export function startBackground(kb: KnowledgeBase): void {
  onBackgroundRequest(backgroundHandlers(knowledgeLookup(kb)));

  browser.runtime.onInstalled.addListener(() => {
    void ensureStoredSettings().catch(ignoreFailure);
    void styleBadge().catch(ignoreFailure);
  });
  browser.runtime.onStartup.addListener(() => void styleBadge().catch(ignoreFailure));

  browser.commands.onCommand.addListener((name, tab) => void runCommand(name, tab).catch(ignoreFailure));

  // A tab loading a new page shows nothing until that page's content script reports.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearPageState(tabId).catch(ignoreFailure);
  });
}

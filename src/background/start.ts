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
import { clearPageState, styleBadge, syncPageState } from './page-state';
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

  // A tab loading a new page shows nothing until its content script reports; once loaded, the
  // background asks, in case that report raced the reset.
  const onTabUpdated = (tabId: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
    if (change.status === 'loading') void clearPageState(tabId).catch(ignoreFailure);
    if (change.status === 'complete') void syncPageState(tabId).catch(ignoreFailure);
  };
  // Firefox can filter, which spares waking its background page for every title change.
  if (__BROWSER__ === 'firefox') browser.tabs.onUpdated.addListener(onTabUpdated, { properties: ['status'] });
  else browser.tabs.onUpdated.addListener(onTabUpdated);
}

/**
 * Background: a service worker in Chrome, background scripts in Firefox, one bundle for both (no
 * DOM, no window). It may be stopped at any moment, so it keeps no state of its own: settings
 * live in storage, per-tab badges and icons in the browser. Listeners are registered at the top
 * level so that a restarted worker receives the event that woke it.
 */
import browser from 'webextension-polyfill';
import kb from '../generated/knowledge.json';
import type { KnowledgeBase } from '../shared/knowledge/types';
import { ensureStoredSettings } from '../shared/settings';
import { onBackgroundRequest } from '../shared/messages';
import { knowledgeLookup } from './knowledge';
import { backgroundHandlers } from './handlers';
import { clearPageState, styleBadge } from './page-state';
import { runCommand } from './commands';

onBackgroundRequest(backgroundHandlers(knowledgeLookup(kb as KnowledgeBase)));

browser.runtime.onInstalled.addListener(() => {
  void ensureStoredSettings().catch(() => undefined);
  void styleBadge().catch(() => undefined);
});
browser.runtime.onStartup.addListener(() => void styleBadge().catch(() => undefined));

browser.commands.onCommand.addListener((name, tab) => void runCommand(name, tab).catch(() => undefined));

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void clearPageState(tabId).catch(() => undefined);
});

/**
 * Wires the background's listeners. Called once at the top level of the worker's script, so a
 * worker restarted by an event is listening before that event is dispatched.
 */
import browser from '../shared/browser';
import type { KnowledgeBase } from '../shared/knowledge/types';
import { ensureStoredSettings } from '../shared/settings';
import { onBackgroundRequest } from '../shared/messages';
import { knowledgeLookup } from './knowledge';
import { backgroundHandlers } from './handlers';
import { clearPageState, styleBadge } from './page-state';
import { forgetPageReport } from '../shared/page-reports';
import { COMMANDS, runCommand } from './commands';
import { libraryStore } from '../shared/library/store';
import { catalogDeriver } from '../shared/library/catalog-deriver';
import { rebuildFromKeptNames } from '../shared/library/catalog-refresh';
import { t } from '../shared/i18n';
import { SAVE_MENU_ID, createSaveMenu, saveFromShortcut } from './library';

/** Browser calls that fail only when their tab or window has just gone; nothing to recover. */
const ignoreFailure = () => undefined;

export function startBackground(kb: KnowledgeBase): void {
  // The library is opened per use (IndexedDB), so a stopped worker loses nothing.
  const library = libraryStore(catalogDeriver);
  onBackgroundRequest(backgroundHandlers(knowledgeLookup(kb), library));

  const createMenu = () => void createSaveMenu(t('contextMenuSavePage')).catch(ignoreFailure);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void ensureStoredSettings().catch(ignoreFailure);
    void styleBadge().catch(ignoreFailure);
    createMenu();
    // The stored reader catalog holds the old version's bundled names and patterns: build it anew.
    if (reason === 'update') void library.names().then((records) => rebuildFromKeptNames(library, records)).catch(ignoreFailure);
  });
  browser.runtime.onStartup.addListener(() => {
    void styleBadge().catch(ignoreFailure);
    createMenu();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID) void saveFromShortcut(library, tab).catch(ignoreFailure);
  });
  browser.commands.onCommand.addListener((name, tab) => {
    if (name === COMMANDS.savePage) void saveFromShortcut(library, tab).catch(ignoreFailure);
    else void runCommand(name, tab).catch(ignoreFailure);
  });

  // A tab loading a new page shows nothing until its content script reports (it reports again
  // after a same-document navigation, and when the page comes back from the back-forward cache).
  const onTabUpdated = (tabId: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
    if (change.status !== 'loading') return;
    void forgetPageReport(tabId).catch(ignoreFailure);
    void clearPageState(tabId).catch(ignoreFailure);
  };
  browser.tabs.onRemoved.addListener((tabId) => void forgetPageReport(tabId).catch(ignoreFailure));
  // Firefox can filter, which spares waking its background page for every title change.
  if (__BROWSER__ === 'firefox') browser.tabs.onUpdated.addListener(onTabUpdated, { properties: ['status'] });
  else browser.tabs.onUpdated.addListener(onTabUpdated);
}

/**
 * Saving the open tab into the library, for the popup's button, the context menu and the
 * keyboard command alike: inject the capture script (activeTab + scripting, on demand), run it,
 * check what it returns, store it in one transaction, and tell every tab the library changed.
 */
import browser from '../shared/browser';
import { parseArticle } from '../shared/library/export-format';
import { announceLibraryChanged } from '../shared/library/announce';
import { refreshCatalogDeriver } from '../shared/library/catalog-refresh';
import { POPUP_MAX_NEW_NAMES } from '../shared/constants';
import type { LibraryStore } from '../shared/library/store';
import type { CaptureResult, CapturedPage } from '../shared/library/types';
import type { LibraryHit, SaveReply } from '../shared/messages';

export const CAPTURE_SCRIPT = 'capture/capture.js';
export const SAVE_MENU_ID = 'backstory-save-page';

export async function savePage(store: LibraryStore, tabId: number, replace: boolean): Promise<SaveReply> {
  let result: CaptureResult | null;
  try {
    result = await captureTab(tabId);
  } catch {
    // Restricted pages (browser pages, web stores, the PDF viewer) and tabs we were not granted.
    return { status: 'cannot-capture' };
  }
  if (result === null) return { status: 'cannot-capture' };
  if (!result.ok) return { status: result.reason };
  // Kept names are found in the new article too: derive with the reader's catalog as it stands.
  await refreshCatalogDeriver().catch(() => undefined);
  const outcome = await store.save(result.page, { replace, now: Date.now() });
  if (outcome.status === 'duplicate') {
    const { id, title, savedAt } = outcome.article;
    return { status: 'duplicate', id, title, savedAt };
  }
  await announceLibraryChanged().catch(() => undefined);
  return {
    status: outcome.status,
    id: outcome.article.id,
    title: outcome.article.title,
    names: outcome.entityIds.length,
    newNames: outcome.newNames.slice(0, POPUP_MAX_NEW_NAMES),
  };
}

async function captureTab(tabId: number): Promise<CaptureResult | null> {
  // Injecting defines the capture function (once: a second injection leaves the first alone);
  // calling it is a second step, since a file's completion value differs across browsers.
  await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const capture = (globalThis as unknown as Record<string, unknown>).__backstoryCaptureV1;
      return typeof capture === 'function' ? (capture as () => unknown)() : null;
    },
  });
  // Chrome reports "nothing" as null, Firefox as undefined.
  return parseCaptureResult(injection?.result ?? null);
}

/** The capture ran in a page we do not control: its answer is checked like any other input. */
export function parseCaptureResult(raw: unknown): CaptureResult | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const result = raw as { ok?: unknown; reason?: unknown; page?: unknown };
  if (result.ok === false) return result.reason === 'too-big' ? { ok: false, reason: 'too-big' } : { ok: false, reason: 'no-article' };
  if (result.ok !== true) return null;
  const article = parseArticle({ ...(result.page as object), id: 'saved-capture', savedAt: 0 });
  if (typeof article === 'string') return { ok: false, reason: 'no-article' };
  const { id: _id, savedAt: _savedAt, ...page } = article;
  return { ok: true, page: page satisfies CapturedPage };
}

export async function lookUp(store: LibraryStore, url: string): Promise<LibraryHit | null> {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return null;
  }
  address.hash = '';
  const article = await store.findByUrl(address.href);
  return article ? { id: article.id, title: article.title, savedAt: article.savedAt } : null;
}

/** Saves from the context menu or the keyboard command, then shows the popup, which says what happened. */
export async function saveFromShortcut(store: LibraryStore, tab: { id?: number } | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  await savePage(store, tabId, false);
  // Chrome opens it without a fresh gesture; where a browser refuses, the save still happened.
  await browser.action.openPopup().catch(() => undefined);
}

/** The page's context menu item; created on install and on start-up (menus from an older version are replaced). */
export async function createSaveMenu(title: string): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SAVE_MENU_ID, title, contexts: ['page'] });
}

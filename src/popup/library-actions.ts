/**
 * The popup's library part: "Add this page to your library", what the save did (in words), an
 * offer to update a page saved before, and the way to the library page. Saving happens in the
 * background (the same path as the context menu and the keyboard command).
 */
import browser from '../shared/browser';
import { sendFromExtensionPage, type LibraryHit, type SaveReply } from '../shared/messages';
import type { PageKind } from './page-kind';
import { t } from './i18n';

export interface LibraryTarget {
  tabId: number | null;
  url: string | undefined;
  page: PageKind;
}

interface Elements {
  save: HTMLButtonElement;
  update: HTMLButtonElement;
  status: HTMLElement;
  open: HTMLButtonElement;
}

function elements(doc: Document): Elements {
  const get = <T extends HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`popup.html lacks #${id}`);
    return element as T;
  };
  return { save: get('save-page'), update: get('update-page'), status: get('library-status'), open: get('open-library') };
}

export function libraryPagePath(): string {
  return 'library/library.html';
}

/** Wires the buttons for `target`; call once the popup knows its tab. */
export async function startLibraryActions(doc: Document, target: LibraryTarget, closeWhenDone: boolean): Promise<void> {
  const ui = elements(doc);
  const view = doc.defaultView;
  // An unknown page (the browser kept its address from us) may still be saved: the capture itself finds out.
  const canSave = target.tabId !== null && target.page.kind !== 'cannot-run' && !(target.page.kind === 'web' && target.page.pdf);
  ui.save.disabled = !canSave;
  ui.update.hidden = true;

  ui.open.addEventListener('click', () => {
    void browser.tabs.create({ url: browser.runtime.getURL(libraryPagePath()) });
    if (closeWhenDone) view?.close();
  });

  const save = async (replace: boolean) => {
    if (target.tabId === null) return;
    ui.save.disabled = true;
    ui.update.hidden = true;
    ui.status.textContent = t('popupSaving');
    let reply: SaveReply;
    try {
      reply = await sendFromExtensionPage({ type: 'save-page', tabId: target.tabId, replace });
    } catch (error) {
      ui.status.textContent = t('popupSaveError', error instanceof Error ? error.message : String(error));
      ui.save.disabled = false;
      return;
    }
    ui.status.textContent = describeSave(reply);
    ui.update.hidden = reply.status !== 'duplicate';
    ui.save.disabled = reply.status === 'saved' || reply.status === 'updated' || reply.status === 'duplicate';
  };
  ui.save.addEventListener('click', () => void save(false));
  ui.update.addEventListener('click', () => void save(true));

  if (!canSave || target.url === undefined) return;
  let hit: LibraryHit | null = null;
  try {
    hit = await sendFromExtensionPage({ type: 'library-lookup', url: target.url });
  } catch {
    return; // The popup still offers to save; a duplicate is caught then.
  }
  if (hit && ui.status.textContent === '') {
    ui.status.textContent = t('popupInLibrary', formatDate(hit.savedAt));
    ui.update.hidden = false;
  }
}

export function describeSave(reply: SaveReply): string {
  switch (reply.status) {
    case 'saved':
      return withNewNames(reply.names === 1 ? t('popupSavedOne', reply.title) : t('popupSaved', reply.title, reply.names), reply.newNames);
    case 'updated':
      return withNewNames(t('popupUpdated', reply.title, reply.names), reply.newNames);
    case 'duplicate':
      return t('popupAlreadySaved', formatDate(reply.savedAt));
    case 'no-article':
      return t('popupNoArticle');
    case 'too-big':
      return t('popupTooBig');
    case 'cannot-capture':
      return t('popupCannotSave');
  }
}

/** The names found that the reader has not decided on yet, for them to keep or dismiss in the library. */
function withNewNames(saved: string, newNames: readonly string[]): string {
  return newNames.length === 0 ? saved : `${saved} ${t('popupNewNames', newNames.join(', '))}`;
}

function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

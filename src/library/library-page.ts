/**
 * The library page: the reader's saved articles, newest first, with search, removal (with undo),
 * export, import and the storage used. It opens the library's IndexedDB directly (the page is in
 * the extension's origin) and tells open tabs whenever it changes the library.
 */
import Mark from 'mark.js';
import browser from '../shared/browser';
import { LIBRARY_UNDO_MS } from '../shared/constants';
import { announceLibraryChanged } from '../shared/library/announce';
import { catalogDeriver } from '../shared/library/catalog-deriver';
import { rebuildFromKeptNames, refreshCatalogDeriver } from '../shared/library/catalog-refresh';
import { libraryStore, type LibraryStore } from '../shared/library/store';
import type { LibraryEntry, NameRecord, SavedArticle } from '../shared/library/types';
import type { NameDecision } from '../shared/library/names';
import { renderNames } from './names-view';
import { localize, t } from '../popup/i18n';
import { bounded, renderArticles } from './article-list';
import { buildSearch, type LibrarySearch } from './search';
import { downloadExport, importFile } from './transfer';

interface Elements {
  search: HTMLInputElement;
  exportButton: HTMLButtonElement;
  importInput: HTMLInputElement;
  status: HTMLElement;
  undo: HTMLElement;
  undoText: HTMLElement;
  undoButton: HTMLButtonElement;
  empty: HTMLElement;
  list: HTMLElement;
  storage: HTMLElement;
  names: HTMLElement;
  namesEmpty: HTMLElement;
  kept: HTMLElement;
  keptEmpty: HTMLElement;
}

function elements(doc: Document): Elements {
  const get = <T extends HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`library.html lacks #${id}`);
    return element as T;
  };
  return {
    search: get('search'),
    exportButton: get('export'),
    importInput: get('import-file'),
    status: get('status'),
    undo: get('undo'),
    undoText: get('undo-text'),
    undoButton: get('undo-button'),
    empty: get('empty'),
    list: get('articles'),
    storage: get('storage-used'),
    names: get('names'),
    namesEmpty: get('names-empty'),
    kept: get('kept-names'),
    keptEmpty: get('kept-empty'),
  };
}

export async function startLibraryPage(doc: Document, store: LibraryStore = libraryStore(catalogDeriver)): Promise<void> {
  localize(doc);
  const ui = elements(doc);
  let entries: LibraryEntry[] = [];
  let search: LibrarySearch = buildSearch([]);
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  const say = (message: string, isError = false) => {
    ui.status.textContent = message;
    ui.status.classList.toggle('error', isError);
  };

  let keptNameOf = new Map<string, string>();
  const actions = {
    remove: (entry: LibraryEntry) => void remove(entry.article),
    url: (path: string) => browser.runtime.getURL(path),
    keptName: (id: string) => keptNameOf.get(id),
  };

  function render() {
    const query = ui.search.value;
    ui.empty.hidden = entries.length > 0;
    if (query.trim() === '') {
      renderArticles(ui.list, entries, actions);
      return;
    }
    const hits = search.search(query);
    const byId = new Map(entries.map((entry) => [entry.article.id, entry]));
    const shown = hits.flatMap((hit) => byId.get(hit.id) ?? []);
    renderArticles(ui.list, shown, actions, new Map(hits.map((hit) => [hit.id, hit.snippet])));
    say(shown.length === 1 ? t('librarySearchOne') : t('librarySearchMany', shown.length));
    // The page is ours, so matched words may be wrapped in <mark>; mark.js escapes the terms.
    const terms = [...new Set(hits.flatMap((hit) => hit.terms))];
    if (terms.length > 0) {
      new Mark(Array.from(ui.list.querySelectorAll('.article-title, .snippet'))).mark(terms, { separateWordSearch: false, diacritics: false });
    }
  }

  async function reload() {
    const [listed, names] = await Promise.all([store.list(), store.names()]);
    entries = listed;
    keptNameOf = new Map(names.filter((record) => record.status === 'kept').map((record) => [record.id, record.name]));
    search = buildSearch(entries);
    ui.list.removeAttribute('aria-busy');
    render();
    renderNameLists(names);
    void showStorage(ui.storage);
  }

  function renderNameLists(records: readonly NameRecord[]) {
    renderNames(ui.names, ui.kept, records, (record, decision) => void decideName(record, decision));
    ui.namesEmpty.hidden = records.some((record) => record.status === 'offered');
    ui.keptEmpty.hidden = records.some((record) => record.status === 'kept');
  }

  /**
   * Applies a decision; when the kept names change, the reader's catalog is published (every tab
   * highlights with it at once) and the articles are derived again, so a kept name gets its quotes.
   */
  async function decideName(record: NameRecord, decision: NameDecision) {
    const records = await store.decideName(record.id, decision);
    if (!records) return;
    if (record.status === 'kept' || decision.action === 'keep') {
      await rebuildFromKeptNames(store, records);
      await changed();
    } else {
      renderNameLists(records);
    }
    const message = decision.action === 'keep' ? 'libraryNameKept' : decision.action === 'dismiss' ? 'libraryNameDismissed' : 'libraryNameChanged';
    say(t(message, bounded(decision.action === 'rename' ? decision.name : record.name, 200)));
  }

  async function changed() {
    await announceLibraryChanged().catch(() => undefined);
    await reload();
  }

  async function remove(article: SavedArticle) {
    await store.remove(article.id);
    clearTimeout(undoTimer);
    ui.undoText.textContent = t('libraryRemoved', bounded(article.title, 200));
    ui.undo.hidden = false;
    ui.undoButton.onclick = () => {
      ui.undo.hidden = true;
      void store.restore(article).then(changed);
    };
    undoTimer = setTimeout(() => (ui.undo.hidden = true), LIBRARY_UNDO_MS);
    await changed();
    ui.undoButton.focus();
  }

  ui.search.addEventListener('input', () => {
    if (ui.search.value.trim() === '') say('');
    render();
  });
  ui.exportButton.addEventListener('click', () => {
    void downloadExport(doc, store).then(
      (count) => say(t('libraryExported', count)),
      (error: unknown) => say(String(error), true),
    );
  });
  ui.importInput.addEventListener('change', () => {
    const file = ui.importInput.files?.[0];
    if (!file) return;
    void importFile(file, store).then(async (outcome) => {
      ui.importInput.value = '';
      if (!outcome.ok) return say(outcome.error, true);
      try {
        // The file may bring kept names: pages highlight them and articles quote them from now on.
        await rebuildFromKeptNames(store, await store.names());
      } finally {
        await changed(); // The import itself landed: the list shows it whatever the rebuild did.
      }
      say(t('libraryImported', outcome.summary.added, outcome.summary.replaced));
    });
  });

  await refreshCatalogDeriver().catch(() => undefined);
  await reload();
}

async function showStorage(target: HTMLElement): Promise<void> {
  try {
    const { usage } = await navigator.storage.estimate();
    if (usage !== undefined) target.textContent = t('libraryStorageUsed', formatBytes(usage));
  } catch {
    target.textContent = '';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

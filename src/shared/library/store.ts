/**
 * The library's operations. Each opens the database, does its work in one transaction and closes
 * it: a save, an update, a removal or a whole import is written entirely or not at all, and no
 * context keeps a connection that a stopped service worker would lose.
 */
import type { IDBPTransaction } from 'idb';
import type { Quote } from '../knowledge/types';
import { openLibraryDb, type LibraryDb, type LibrarySchema } from './db';
import type { Deriver } from './derive';
import { buildLibraryExport, type LibraryExport } from './export-format';
import { decide, findNewNames, offer, type NameDecision } from './names';
import { SAVED_ID_PREFIX, type CapturedPage, type LibraryEntry, type NameRecord, type SavedArticle } from './types';

export type SaveOutcome =
  /** `newNames`: names found in it that the reader has not kept, dismissed or been offered from it before, best first. */
  | { status: 'saved' | 'updated'; article: SavedArticle; entityIds: string[]; newNames: string[] }
  /** The same canonical address is already saved, and no update was asked for: nothing written. */
  | { status: 'duplicate'; article: SavedArticle };

export interface ImportSummary {
  added: number;
  /** Articles whose canonical address was already saved; the imported copy replaced them. */
  replaced: number;
}

export interface LibraryStore {
  /** Every saved article with its derived data, newest saved first. */
  list(): Promise<LibraryEntry[]>;
  get(id: string): Promise<SavedArticle | undefined>;
  findByUrl(url: string): Promise<SavedArticle | undefined>;
  /** Saves a capture; with `replace`, an article already saved at its address is updated in place (same id). */
  save(page: CapturedPage, options: { replace: boolean; now: number }): Promise<SaveOutcome>;
  /** Puts back an article exactly as it was (undo of a removal); replaces one at the same address. */
  restore(article: SavedArticle): Promise<void>;
  remove(id: string): Promise<SavedArticle | undefined>;
  /** Quotes about an entity from saved articles, newest saved first. */
  quotesFor(entityId: string): Promise<Quote[]>;
  exportAll(now: Date): Promise<LibraryExport>;
  /** Merges a checked export by canonical address, in one transaction. */
  importAll(file: LibraryExport): Promise<ImportSummary>;
  /** Every name found so far, most mentioned first. */
  names(): Promise<NameRecord[]>;
  /** Applies the reader's decision on a name; resolves to every name after it, or null when it did not apply. */
  decideName(id: string, decision: NameDecision): Promise<NameRecord[] | null>;
  /** Derives every article again (the reader's catalog changed: a kept name gets its quotes), in one transaction. */
  rederiveAll(): Promise<void>;
}

type StoreName = 'articles' | 'derived' | 'entityQuotes' | 'names';
const ALL_STORES: StoreName[] = ['articles', 'derived', 'entityQuotes', 'names'];

export function libraryStore(derive: Deriver, dbName?: string, newId: () => string = randomId): LibraryStore {
  async function use<T>(work: (db: LibraryDb) => Promise<T>): Promise<T> {
    const db = await openLibraryDb(derive, dbName);
    try {
      return await work(db);
    } finally {
      db.close();
    }
  }

  /** Writes an article and everything derived from it, replacing whatever its id held; inside `tx`. */
  async function putWhole(tx: WriteTx, article: SavedArticle): Promise<string[]> {
    await deleteDerived(tx, article.id);
    const { derived, quotes } = derive(article);
    await tx.objectStore('articles').put(article);
    await tx.objectStore('derived').put(derived);
    for (const row of quotes) await tx.objectStore('entityQuotes').put(row);
    return derived.entityIds;
  }

  async function deleteWhole(tx: WriteTx, id: string): Promise<void> {
    await deleteDerived(tx, id);
    await tx.objectStore('articles').delete(id);
  }

  async function deleteDerived(tx: WriteTx, id: string): Promise<void> {
    await tx.objectStore('derived').delete(id);
    const quotes = tx.objectStore('entityQuotes');
    for (const key of await quotes.index('articleId').getAllKeys(id)) await quotes.delete(key);
  }

  return {
    list: () =>
      use(async (db) => {
        const tx = db.transaction(['articles', 'derived']);
        const articles = await tx.objectStore('articles').index('savedAt').getAll();
        const derived = await Promise.all(articles.map((article) => tx.objectStore('derived').get(article.id)));
        return articles.map((article, index) => ({ article, derived: derived[index] ?? null })).reverse();
      }),
    get: (id) => use((db) => db.get('articles', id)),
    findByUrl: (url) => use((db) => db.getFromIndex('articles', 'url', url)),
    save: (page, { replace, now }) =>
      use(async (db) => {
        const tx = db.transaction(ALL_STORES, 'readwrite');
        const existing = await tx.objectStore('articles').index('url').get(page.url);
        if (existing && !replace) {
          await tx.done;
          return { status: 'duplicate', article: existing };
        }
        const article: SavedArticle = { ...copyPage(page), id: existing?.id ?? newId(), savedAt: now };
        const entityIds = await putWhole(tx, article);
        const newNames = await offerNames(tx, article);
        await tx.done;
        return { status: existing ? 'updated' : 'saved', article, entityIds, newNames };
      }),
    restore: (article) =>
      use(async (db) => {
        const tx = db.transaction(ALL_STORES, 'readwrite');
        const sameUrl = await tx.objectStore('articles').index('url').get(article.url);
        if (sameUrl && sameUrl.id !== article.id) await deleteWhole(tx, sameUrl.id);
        await putWhole(tx, article);
        await tx.done;
      }),
    remove: (id) =>
      use(async (db) => {
        const tx = db.transaction(ALL_STORES, 'readwrite');
        const article = await tx.objectStore('articles').get(id);
        if (article) await deleteWhole(tx, id);
        await tx.done;
        return article;
      }),
    quotesFor: (entityId) =>
      use(async (db) => {
        const rows = await db.getAllFromIndex('entityQuotes', 'entityId', entityId);
        rows.sort((a, b) => b.savedAt - a.savedAt || a.articleId.localeCompare(b.articleId));
        return rows.flatMap((row) => row.quotes);
      }),
    exportAll: (now) =>
      use(async (db) => {
        const tx = db.transaction(['articles', 'names']);
        const articles = (await tx.objectStore('articles').index('savedAt').getAll()).reverse();
        return buildLibraryExport(articles, now, await tx.objectStore('names').getAll());
      }),
    importAll: (file) =>
      use(async (db) => {
        const tx = db.transaction(ALL_STORES, 'readwrite');
        const summary: ImportSummary = { added: 0, replaced: 0 };
        for (const imported of file.articles) {
          const existing = await tx.objectStore('articles').index('url').get(imported.url);
          if (existing) await deleteWhole(tx, existing.id);
          // An id already used by another address is the other article's; this one gets a new one.
          const idTaken = (await tx.objectStore('articles').getKey(imported.id)) !== undefined;
          await putWhole(tx, idTaken ? { ...imported, id: newId() } : imported);
          summary[existing ? 'replaced' : 'added']++;
        }
        // The file's names replace these, except that an offer in the file never undoes a decision made here.
        const names = tx.objectStore('names');
        for (const record of file.names) {
          const here = await names.get(record.id);
          if (!here || here.status === 'offered' || record.status !== 'offered') await names.put(record);
        }
        await tx.done;
        return summary;
      }),
    names: () =>
      use(async (db) => (await db.getAll('names')).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))),
    decideName: (id, decision) =>
      use(async (db) => {
        const tx = db.transaction('names', 'readwrite');
        const records = await tx.store.getAll();
        const next = decide(records, id, decision);
        if (next) {
          const kept = new Set(next.map((record) => record.id));
          for (const record of records) if (!kept.has(record.id)) await tx.store.delete(record.id);
          for (const record of next) await tx.store.put(record);
        }
        await tx.done;
        return next;
      }),
    rederiveAll: () =>
      use(async (db) => {
        const tx = db.transaction(ALL_STORES, 'readwrite');
        for (const article of await tx.objectStore('articles').getAll()) await putWhole(tx, article);
        await tx.done;
      }),
  };

  /** Offers the article's new names, inside the save's transaction; returns their names, best first. */
  async function offerNames(tx: WriteTx, article: SavedArticle): Promise<string[]> {
    const names = tx.objectStore('names');
    const records = await names.getAll();
    const byId = new Map(records.map((record) => [record.id, record]));
    const offered: string[] = [];
    for (const candidate of findNewNames(article, records)) {
      const next = offer(byId.get(candidate.id), candidate, article);
      if (!next) continue;
      await names.put(next);
      offered.push(next.name);
    }
    return offered;
  }
}

type WriteTx = IDBPTransaction<LibrarySchema, StoreName[], 'readwrite'>;

function copyPage(page: CapturedPage): CapturedPage {
  const { title, siteName, author, published, lang, url, paragraphs } = page;
  return { title, siteName, author, published, lang, url, paragraphs: [...paragraphs] };
}

function randomId(): string {
  return `${SAVED_ID_PREFIX}${crypto.randomUUID()}`;
}

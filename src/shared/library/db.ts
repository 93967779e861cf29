/**
 * The library's IndexedDB schema, as a versioned list of upgrades (after Yomitan's database.js).
 * It lives in the extension's origin: the background and extension pages open it; a content
 * script never does (its IndexedDB would be the page's).
 *
 *   v1  articles       keyPath id; indexes url (unique, the canonical address), savedAt
 *   v2  derived        keyPath articleId: sentences, the names each mentions, word count
 *       entityQuotes   keyPath [entityId, articleId]; indexes entityId, articleId: quotes per name
 *       (the upgrade derives both for articles a v1 library already holds)
 *   v3  names          keyPath id; index status: names found in saved articles, offered, kept or dismissed
 *
 * The database is opened per use and closed after: a service worker may be stopped at any moment,
 * so nothing may depend on a connection held in memory.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Deriver } from './derive';
import type { ArticleDerived, EntityQuotesRecord, NameRecord, NameStatus, SavedArticle } from './types';

export const LIBRARY_DB_NAME = 'backstory-library';
export const LIBRARY_DB_VERSION = 3;

export interface LibrarySchema extends DBSchema {
  articles: { key: string; value: SavedArticle; indexes: { url: string; savedAt: number } };
  derived: { key: string; value: ArticleDerived };
  entityQuotes: { key: [string, string]; value: EntityQuotesRecord; indexes: { entityId: string; articleId: string } };
  names: { key: string; value: NameRecord; indexes: { status: NameStatus } };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/** Upgrades by the version they lead to; each runs inside the one versionchange transaction. */
const UPGRADES: ReadonlyArray<(db: LibraryDb, tx: UpgradeTx, derive: Deriver) => void> = [
  // → v1
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('url', 'url', { unique: true });
    articles.createIndex('savedAt', 'savedAt');
  },
  // → v2
  (db, tx, derive) => {
    db.createObjectStore('derived', { keyPath: 'articleId' });
    const quotes = db.createObjectStore('entityQuotes', { keyPath: ['entityId', 'articleId'] });
    quotes.createIndex('entityId', 'entityId');
    quotes.createIndex('articleId', 'articleId');
    void backfillDerived(tx, derive);
  },
  // → v3 (names are found as articles are saved from now on; older articles are not rescanned)
  (db) => {
    db.createObjectStore('names', { keyPath: 'id' }).createIndex('status', 'status');
  },
];

/** Derives what v2 keeps beside each article already saved; a failure aborts the upgrade, so v1 stays whole. */
async function backfillDerived(tx: UpgradeTx, derive: Deriver): Promise<void> {
  try {
    for (let cursor = await tx.objectStore('articles').openCursor(); cursor; cursor = await cursor.continue()) {
      const { derived, quotes } = derive(cursor.value);
      void tx.objectStore('derived').put(derived);
      for (const row of quotes) void tx.objectStore('entityQuotes').put(row);
    }
  } catch {
    tx.abort();
  }
}

export function openLibraryDb(derive: Deriver, name = LIBRARY_DB_NAME): Promise<LibraryDb> {
  return openDB<LibrarySchema>(name, LIBRARY_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < LIBRARY_DB_VERSION; version++) UPGRADES[version]!(db, tx, derive);
    },
    // Another context wants a newer schema (an update installed mid-session): let it.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

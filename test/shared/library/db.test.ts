import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DB_VERSION } from '../../../src/shared/library/db';
import { catalogDeriver } from '../../../src/shared/library/catalog-deriver';
import { libraryStore } from '../../../src/shared/library/store';
import type { SavedArticle } from '../../../src/shared/library/types';
import { capturedPage, freshDbName } from './support';

/** A library as version 1 left it: articles only, nothing derived. */
async function createV1(name: string, articles: SavedArticle[]): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      const store = v1.createObjectStore('articles', { keyPath: 'id' });
      store.createIndex('url', 'url', { unique: true });
      store.createIndex('savedAt', 'savedAt');
    },
  });
  for (const article of articles) await db.put('articles', article);
  db.close();
}

describe('library schema migrations', () => {
  it('is at version 3', () => {
    expect(LIBRARY_DB_VERSION).toBe(3);
  });

  it('upgrades a v2 library: articles and quotes stand, and names can be kept from then on', async () => {
    const name = freshDbName();
    await createV1(name, [{ ...capturedPage(), id: 'saved-old', savedAt: 42 }]);
    // Open as v2 (derives), close, then let the store take it to v3.
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('derived', { keyPath: 'articleId' });
        const quotes = db.createObjectStore('entityQuotes', { keyPath: ['entityId', 'articleId'] });
        quotes.createIndex('entityId', 'entityId');
        quotes.createIndex('articleId', 'articleId');
      },
    });
    v2.close();
    const library = libraryStore(catalogDeriver, name);
    expect((await library.list()).map((entry) => entry.article.id)).toEqual(['saved-old']);
    expect(await library.names()).toEqual([]);
    const db = await openDB(name);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'derived', 'entityQuotes', 'names']);
    db.close();
  });

  it('upgrades a v1 library: articles kept as they were, derived data and quotes computed for each', async () => {
    const name = freshDbName();
    const old: SavedArticle = { ...capturedPage(), id: 'saved-old', savedAt: 42 };
    await createV1(name, [old]);

    const library = libraryStore(catalogDeriver, name);
    const [entry] = await library.list();
    expect(entry!.article).toEqual(old);
    expect(entry!.derived?.entityIds).toEqual(expect.arrayContaining(['salt-typhoon', 'nvidia']));
    expect((await library.quotesFor('salt-typhoon')).map((quote) => quote.articleId)).toEqual(['saved-old']);

    const db = await openDB(name);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'derived', 'entityQuotes', 'names']);
    db.close();
  });

  it('upgrades an empty v1 library, and a fresh one, to the same stores', async () => {
    const upgraded = freshDbName();
    await createV1(upgraded, []);
    const fresh = freshDbName();
    await libraryStore(catalogDeriver, upgraded).list();
    await libraryStore(catalogDeriver, fresh).list();
    const shape = async (name: string) => {
      const db = await openDB(name);
      const tx = db.transaction([...db.objectStoreNames]);
      const stores = [...db.objectStoreNames].map((store) => ({
        store,
        keyPath: tx.objectStore(store).keyPath,
        indexes: [...tx.objectStore(store).indexNames].sort(),
      }));
      db.close();
      return stores;
    };
    expect(await shape(upgraded)).toEqual(await shape(fresh));
  });
});

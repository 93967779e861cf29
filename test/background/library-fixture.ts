/** A library store with nothing saved, for background tests that do not touch IndexedDB. */
import type { LibraryStore } from '../../src/shared/library/store';
import type { Quote } from '../../src/shared/knowledge/types';

export function emptyLibrary(saved: Record<string, Quote[]> = {}): LibraryStore {
  const none = async () => undefined;
  return {
    list: async () => [],
    get: none,
    findByUrl: none,
    save: async () => {
      throw new Error('not in this test');
    },
    restore: async () => undefined,
    remove: none,
    quotesFor: async (id) => (Object.hasOwn(saved, id) ? saved[id]! : []),
    exportAll: async (now) => ({ format: 'backstory-library', version: 2, exportedAt: now.toISOString(), articles: [], names: [] }),
    importAll: async () => ({ added: 0, replaced: 0 }),
    names: async () => [],
    decideName: async () => null,
    rederiveAll: async () => undefined,
  };
}

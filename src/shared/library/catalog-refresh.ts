/** Keeps what is built from the reader's kept names in step with them, in any context. */
import { loadReaderCatalog, publishReaderCatalog } from '../catalog/reader-catalog-storage';
import { useReaderCatalog } from './catalog-deriver';
import { keptNames } from './names';
import type { NameRecord } from './types';
import type { LibraryStore } from './store';

/** Brings this context's deriver up to the reader's catalog in storage (kept names may have changed since it started). */
export async function refreshCatalogDeriver(): Promise<void> {
  useReaderCatalog(await loadReaderCatalog());
}

/**
 * Rebuilds all of it from the name records: the reader's catalog every page highlights with, this
 * context's deriver, and every saved article's names and quotes. Run when kept names change, and
 * after an update, whose bundled catalog or precompiled patterns may differ from the stored ones.
 */
export async function rebuildFromKeptNames(store: LibraryStore, records: readonly NameRecord[]): Promise<void> {
  await publishReaderCatalog(keptNames(records));
  await refreshCatalogDeriver();
  await store.rederiveAll();
}

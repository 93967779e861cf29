/** The reader's catalog in storage.local: written when kept names change, read and followed by every page. */
import browser from '../browser';
import { buildReaderCatalog, parseReaderCatalog, READER_CATALOG_KEY, type KeptName, type ReaderCatalog } from './reader-catalog';

export async function publishReaderCatalog(kept: readonly KeptName[]): Promise<void> {
  if (kept.every((name) => !name.enabled)) {
    await browser.storage.local.remove(READER_CATALOG_KEY);
    return;
  }
  await browser.storage.local.set({ [READER_CATALOG_KEY]: buildReaderCatalog(kept) });
}

/** The stored reader catalog, or null when there is none or it is not one (the bundled catalog then stands). */
export async function loadReaderCatalog(): Promise<ReaderCatalog | null> {
  try {
    const stored = await browser.storage.local.get(READER_CATALOG_KEY);
    return parseReaderCatalog(stored[READER_CATALOG_KEY]);
  } catch {
    return null;
  }
}

/** Calls `listener` with the new reader catalog (null when it was removed) whenever it changes. */
export function onReaderCatalogChanged(listener: (catalog: ReaderCatalog | null) => void): () => void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(READER_CATALOG_KEY in changes)) return;
    listener(parseReaderCatalog(changes[READER_CATALOG_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

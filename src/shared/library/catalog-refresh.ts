/** Brings this context's deriver up to the reader's catalog in storage (kept names may have changed since it started). */
import { loadReaderCatalog } from '../catalog/reader-catalog-storage';
import { useReaderCatalog } from './catalog-deriver';

export async function refreshCatalogDeriver(): Promise<void> {
  useReaderCatalog(await loadReaderCatalog());
}

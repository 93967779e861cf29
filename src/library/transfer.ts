/**
 * Export and import of the whole library. Export writes one JSON file through a download link;
 * import checks the chosen file completely (size, JSON, format, every article) before one
 * transaction merges it by canonical address, so a bad file changes nothing.
 */
import { LIBRARY_IMPORT_MAX_BYTES } from '../shared/constants';
import { exportFileName, parseLibraryExport } from '../shared/library/export-format';
import type { ImportSummary, LibraryStore } from '../shared/library/store';
import { t } from '../shared/i18n';

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: string };

export async function downloadExport(doc: Document, store: LibraryStore): Promise<number> {
  const now = new Date();
  const file = await store.exportAll(now);
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = exportFileName(now);
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the next task; the blob URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return file.articles.length;
}

export async function importFile(file: File, store: LibraryStore): Promise<ImportOutcome> {
  if (file.size > LIBRARY_IMPORT_MAX_BYTES) {
    return { ok: false, error: t('libraryImportTooBig', Math.round(LIBRARY_IMPORT_MAX_BYTES / 1024 / 1024)) };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: t('libraryImportUnreadable') };
  }
  const parsed = parseLibraryExport(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    return { ok: true, summary: await store.importAll(parsed.value) };
  } catch (error) {
    return { ok: false, error: t('libraryImportFailed', error instanceof Error ? error.message : String(error)) };
  }
}

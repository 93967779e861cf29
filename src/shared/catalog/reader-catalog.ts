/**
 * The reader's catalog: the bundled catalog plus the names the reader kept from their library,
 * with the matcher's page-independent work done already. It is written to storage.local whenever
 * kept names change (reader-catalog-storage.ts); every content script reads it at start and
 * follows its changes, so a page never compiles a large catalog's finder itself. Pure.
 */
import { precompileCatalog, type PrecompiledCatalog } from '../matcher/compiled-catalog';
import { CATALOG } from './entities';
import { CATEGORIES, type CatalogEntry, type Category } from './types';

const READER_CATALOG_VERSION = 1;
/** Where storage.local keeps it. */
export const READER_CATALOG_KEY = 'readerCatalog';

export interface ReaderCatalog {
  version: typeof READER_CATALOG_VERSION;
  entries: CatalogEntry[];
  precompiled: PrecompiledCatalog;
}

/** A name the reader kept, as the library stores it. */
export interface KeptName {
  id: string;
  name: string;
  category: Category;
  /** Full forms, the name first. */
  forms: readonly string[];
  /** Forms that count only where a full form is on the page: surnames, and the acronym. */
  shortForms: readonly string[];
  /** Switched off names stay kept but are not highlighted. */
  enabled: boolean;
}

/** The catalog entry a kept name becomes: its forms always name it, its short forms with page evidence. */
export function keptNameEntry(kept: KeptName): CatalogEntry {
  return {
    id: kept.id,
    name: kept.name,
    category: kept.category,
    forms: [...kept.forms],
    ...(kept.shortForms.length > 0 ? { shortForms: [...kept.shortForms] } : {}),
    caseRule: 'title-or-upper',
  };
}

/** The bundled catalog plus the reader's switched-on names, precompiled (background only: it is the costly part). */
export function buildReaderCatalog(kept: readonly KeptName[]): ReaderCatalog {
  const catalogIds = new Set(CATALOG.map((entry) => entry.id));
  const entries = [...CATALOG, ...kept.filter((name) => name.enabled && !catalogIds.has(name.id)).map(keptNameEntry)];
  return { version: READER_CATALOG_VERSION, entries, precompiled: precompileCatalog(entries) };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

/** Checks what storage holds before a page trusts it: anything malformed is ignored whole. */
export function parseReaderCatalog(value: unknown): ReaderCatalog | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<ReaderCatalog>;
  if (candidate.version !== READER_CATALOG_VERSION || !Array.isArray(candidate.entries)) return null;
  const precompiled = candidate.precompiled as Partial<PrecompiledCatalog> | undefined;
  if (!precompiled || !isString(precompiled.fingerprint) || typeof precompiled.finder !== 'object' || precompiled.finder === null) return null;
  for (const entry of candidate.entries as unknown[]) {
    const e = entry as Partial<CatalogEntry> | null;
    if (!e || !isString(e.id) || !isString(e.name) || !isString(e.category) || !CATEGORY_SET.has(e.category) || !isStringArray(e.forms)) return null;
    if (e.shortForms !== undefined && !isStringArray(e.shortForms)) return null;
  }
  return candidate as ReaderCatalog;
}

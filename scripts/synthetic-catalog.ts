/**
 * Made-up catalogs of any size, for benchmarks and scale tests: people, companies, agencies and
 * products with realistic names, deterministic for a given size so runs are comparable.
 */
import type { Category, CatalogEntry } from '../src/shared/catalog/types';

const GIVEN_NAMES = [
  'Maren', 'Tobias', 'Ines', 'Callum', 'Priya', 'Anders', 'Lucia', 'Dmitri', 'Hana', 'Osei',
  'Fiona', 'Rafael', 'Yusuf', 'Clara', 'Wendell', 'Mei', 'Bastian', 'Nadia', 'Ronan', 'Sofia',
  'Idris', 'Greta', 'Kenji', 'Leona', 'Matteo', 'Zora', 'Elliot', 'Amara', 'Viktor', 'Tamsin',
];
const SURNAME_STARTS = ['Hal', 'Brook', 'Ash', 'Mer', 'Ken', 'Dal', 'Thorn', 'Wick', 'Stan', 'Row', 'Fair', 'Gar', 'Lind', 'Mor', 'Pem', 'Quil', 'Rad', 'Sel', 'Tal', 'Vane'];
const SURNAME_ENDS = ['loway', 'field', 'worth', 'ridge', 'stead', 'more', 'ford', 'ley', 'ton', 'wick', 'mere', 'by', 'hurst', 'dale', 'croft'];
const COMPANY_WORDS = ['Kestrel', 'Obsidian', 'Northwind', 'Helix', 'Granite', 'Lumen', 'Vantage', 'Cobalt', 'Meridian', 'Solace', 'Tessel', 'Arbor', 'Quorra', 'Zephyr', 'Ironleaf', 'Pallas'];
const COMPANY_SUFFIXES = ['Dynamics', 'Systems', 'Labs', 'Holdings', 'Networks', 'Analytics', 'Robotics', 'Semiconductor', 'Logistics', 'Capital'];
const AGENCY_TOPICS = ['Coastal', 'Frontier', 'Maritime', 'Signals', 'Grain', 'Orbital', 'Water', 'Census', 'Border', 'Energy', 'Cyber', 'Mineral'];
const AGENCY_KINDS = ['Bureau', 'Office', 'Directorate', 'Commission', 'Agency', 'Council'];
const PRODUCT_PREFIXES = ['QX', 'TR', 'VZ', 'KL', 'MX', 'ZR', 'PX', 'HB', 'DG', 'WN'];

/** Deterministic pseudo-random numbers (mulberry32), so a catalog of size n is always the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

interface Draft {
  name: string;
  category: Category;
  shortForm?: string;
}

function draft(kind: number, serial: number, next: () => number): Draft {
  switch (kind) {
    case 0: {
      const surname = pick(SURNAME_STARTS, next) + pick(SURNAME_ENDS, next);
      return { name: `${pick(GIVEN_NAMES, next)} ${surname}`, category: 'person', shortForm: surname };
    }
    case 1:
      return { name: `${pick(COMPANY_WORDS, next)} ${pick(COMPANY_SUFFIXES, next)}`, category: 'company' };
    case 2:
      return { name: `${pick(AGENCY_KINDS, next)} of ${pick(AGENCY_TOPICS, next)} Affairs`, category: 'agency' };
    default:
      return { name: `${pick(PRODUCT_PREFIXES, next)}${100 + (serial % 9000)}`, category: 'technology' };
  }
}

/**
 * `count` entries with unique full names. Names repeat their parts as real catalogs do (many
 * people share a given name), which is what makes a trie worth having. People get their surname
 * as a short form; surnames may be shared between entries.
 */
export function syntheticCatalog(count: number): CatalogEntry[] {
  const next = random(count);
  const entries: CatalogEntry[] = [];
  const names = new Set<string>();
  for (let serial = 0; entries.length < count; serial++) {
    const { name, category, shortForm } = draft(serial % 4, serial, next);
    const unique = names.has(name) ? `${name} ${distinguishingWord(serial)}` : name;
    if (names.has(unique)) continue;
    names.add(unique);
    entries.push({
      id: `synthetic-${entries.length}`,
      name: unique,
      category,
      forms: [unique],
      ...(shortForm === undefined ? {} : { shortForms: [shortForm] }),
    });
  }
  return entries;
}

/** A word that tells a repeated name apart ("Kestrel Dynamics Bc"), made of letters only. */
function distinguishingWord(serial: number): string {
  let word = '';
  let rest = serial;
  do {
    word += String.fromCharCode(97 + (rest % 26));
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

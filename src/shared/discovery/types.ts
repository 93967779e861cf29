/**
 * Types of name discovery: the article it reads, what the reader already has, and the candidates
 * it offers. Pure data, so the background, the library page and the eval can share them.
 */
import type { Category } from '../catalog/types';

/**
 * The catalog's categories plus two the catalog does not use: 'product' (a console, a chip
 * model, an app) and 'other' (a name whose kind the cues do not settle). The catalog's
 * 'technology' and 'policy' are never guessed: they name things ("export controls") that are
 * not capitalised names.
 */
export type DiscoveryCategory = Category | 'product' | 'other';

export interface ArticleInput {
  /** The headline; it raises a name's rank but never originates one (headlines are title case). */
  title?: string | null;
  /** The article's paragraphs as plain text, in order. */
  paragraphs: readonly string[];
  /**
   * The article's language as the page declares it ("en", "es-MX"), when known. Discovery's word
   * lists are English: in another language a name must recur to be offered.
   */
  lang?: string | null;
}

/** A name the reader already has: a catalog entity or a kept name. */
export interface KnownName {
  id: string;
  /** Full forms that always name it (display name, surface forms, acronym). */
  forms: readonly string[];
}

export interface DiscoveryOptions {
  /** Catalog entities and kept names (see `knownFromCatalog`); they are recognised, not offered. */
  known?: readonly KnownName[];
  /** Forms of names the reader dismissed; a candidate named by one is not offered again. */
  dismissed?: readonly string[];
}

/** The sentence a name first appears in, verbatim: paragraphs[paragraph].slice(start, end) === text. */
export interface FirstSentence {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

export interface Candidate {
  /** "name-" + kebab-case of the name; catalog ids never start with "name-". */
  id: string;
  /** Display name: the long form of an acronym pair, else the fullest form seen. */
  name: string;
  category: DiscoveryCategory;
  /** Mentions in the body, all forms together (title mentions excluded). */
  count: number;
  /** Full forms seen in the article, the name first (as the catalog's `forms`). */
  forms: string[];
  /** Surnames and other partial forms that name it only after a full form (as `shortForms`). */
  shortForms: string[];
  /** The short form of a "Full Name (ACR)" pair, or of a name written only as an acronym. */
  acronym?: string;
  firstSentence: FirstSentence;
  /** Ranking score: mentions, weighted by place (headline, opening paragraph). */
  score: number;
}

/** A name of the article the reader already has, with its mention count. */
export interface RecognisedName {
  id: string;
  count: number;
}

export interface DiscoveryResult {
  /** New names to offer, best first. */
  offered: Candidate[];
  /** Known names (catalog or kept) found in the article. */
  recognised: RecognisedName[];
}

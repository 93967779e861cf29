/** The kinds of thing the catalog names; the options page toggles highlighting per category. */
export type Category =
  | 'campaign'
  | 'agency'
  | 'technology'
  | 'company'
  | 'person'
  | 'organisation'
  | 'policy'
  | 'place';

export const CATEGORIES: readonly Category[] = [
  'campaign',
  'agency',
  'technology',
  'company',
  'person',
  'organisation',
  'policy',
  'place',
];

/**
 * How a surface form's letter case must appear in the text.
 * - 'exact': only as written ("MSS", "Xi").
 * - 'title-or-upper': as written or in all capitals ("Nvidia", "NVIDIA"); never lower case.
 * - 'any': any casing ("rare earths", "Rare Earths").
 */
export type CaseRule = 'exact' | 'title-or-upper' | 'any';

/** A form that may name something else; it counts only with the context listed. */
export interface AmbiguousForm {
  form: string;
  caseRule?: CaseRule;
  /**
   * Words or phrases (matched case-insensitively on word boundaries, with an optional plural;
   * acronyms written in capitals, such as "US", match only in capitals) of which at least one must
   * appear in the same paragraph for the form to count. The form also counts, without these,
   * once one of the entity's full forms has already appeared on the page.
   */
  contextAnyOf: readonly string[];
  /**
   * Words or phrases (same matching) any one of which in the same paragraph means the form names
   * something else, even after the full name has appeared ("MSS" beside "TCP" or "bytes").
   */
  contextNoneOf?: readonly string[];
  /** A possessive ("Blackwell's") names something else (the Oxford bookshop), so it never counts. */
  notPossessive?: boolean;
}

export interface CatalogEntry {
  /** Stable kebab-case id; it is the value of data-entity on the page. */
  id: string;
  /** Display name; the card's accessible name. */
  name: string;
  category: Category;
  /** Surface forms that always name the entity. */
  forms: readonly string[];
  /** Forms that count only after one of `forms` has appeared earlier on the page ("Xi", "Miller"). */
  shortForms?: readonly string[];
  /** Forms that count only with context (MSS near China; Blackwell near Nvidia). */
  ambiguousForms?: readonly AmbiguousForm[];
  /** Case rule for `forms` and `shortForms` unless a form says otherwise. Default 'title-or-upper'. */
  caseRule?: CaseRule;
  /** Words that, right after a form, mean the text names something else ("Trump Tower"). */
  notFollowedBy?: readonly string[];
  /** Words that, right before a form, mean the text names something else ("Volt" before "Typhoon"). */
  notPrecededBy?: readonly string[];
  /**
   * Capitalised words that may stand right before a short or ambiguous form without making it
   * part of another name ("Nvidia H200", "Chinese MSS"). Titles and sentence words ("President",
   * "But") are allowed for every entry; any other capitalised word there ("Jason Miller",
   * "Hyundai H200") means the text names something else.
   */
  allowPrecededBy?: readonly string[];
  /**
   * Titles that, right before a short form, name the entity as surely as its full name does
   * ("President Trump", "President Xi"): the short form counts, and counts as the full name.
   * The mention covers the short form only.
   */
  titles?: readonly string[];
  /** Forms may take a plural "s" ("H200s"). Off for people and organisations ("the Trumps"). */
  plural?: boolean;
}

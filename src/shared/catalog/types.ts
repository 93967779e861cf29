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
   * Words or phrases (matched case-insensitively on word boundaries) of which at least one must
   * appear in the same paragraph for the form to count. The form also counts, without these,
   * once one of the entity's full forms has already appeared on the page.
   */
  contextAnyOf: readonly string[];
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
}

/**
 * Name discovery for saved articles (issue #14): pure functions over plain text, no DOM, so the
 * background, the library page, unit tests and the eval all run the same code.
 */
export { discoverNames, findNames } from './discover';
export { knownFromCatalog } from './known-names';
export type { Candidate } from './types';

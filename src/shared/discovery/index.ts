/**
 * Name discovery for saved articles (issue #14): pure functions over plain text, no DOM, so the
 * background, the library page, unit tests and the eval all run the same code.
 */
export { discoverNames, findNames } from './discover';
export { knownFromCatalog } from './known-names';
export { candidateId } from './rank';
export { findAcronymPairs } from './acronyms';
export type { AcronymPair } from './acronyms';
export type {
  ArticleInput,
  Candidate,
  DiscoveryCategory,
  DiscoveryOptions,
  DiscoveryResult,
  FirstSentence,
  KnownName,
  RecognisedName,
} from './types';

/** What every part of a bench run shares: the two Chromiums, the page-side helpers and the settings. */
import type { BenchBrowser } from './browser';
import type { ScriptPredicate } from './profile';

export interface BenchContext {
  /** Chromium with the extension loaded, and the same Chromium without it. */
  withExtension: BenchBrowser;
  without: BenchBrowser;
  /** The bundled page-side helpers (./in-page-script.ts). */
  helpers: string;
  /** A same-origin blank page, opened before each trace starts. */
  blankUrl: string;
  /** Script URLs of the extension (its CPU samples are the ones in these frames). */
  isExtension: ScriptPredicate;
  /** Every catalog form: the floor's pattern looks for these. */
  floorForms: readonly string[];
  runs: number;
  progress(message: string): void;
}

/** One page the bench visits. */
export interface BenchPage {
  id: string;
  label: string;
  url: string;
  bytes: number;
  /** Mentions the generator planted; null for pages we did not write. */
  plantedMentions: number | null;
}

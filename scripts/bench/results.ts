/** The shape of one bench run, as written to bench-results/<timestamp>.json. */
import type { BundleSize } from './bundles';
import type { CardRun } from './card';
import type { Spread } from './stats';
import type { StreamCost } from './streaming';
import type { PageSummary } from './summary';
import type { TargetCheck } from './targets';

export interface StreamingSummary {
  runs: number;
  paragraphs: number;
  perParagraphMs: Spread | null;
  /** Median across runs, for each quarter of the stream. */
  quarterPerParagraphMs: (number | null)[];
  growth: Spread | null;
  longestOurTaskMs: Spread | null;
  largestOurShareMs: Spread | null;
  longestTaskWithoutMs: Spread | null;
  marks: Spread | null;
  each: StreamCost[];
  notes: string[];
}

export interface ScalingPoint {
  catalogSize: number;
  runs: number;
  /** All our CPU in the traced run: compiling the catalog and the first pass (ms). */
  ourCpuMs: Spread | null;
  compileMs: Spread | null;
  /** ourCpuMs relative to the smallest catalog. */
  vsSmallest: number | null;
  longestOurTaskMs: Spread | null;
  marks: Spread | null;
}

export interface CardSummary {
  page: string;
  runs: number;
  opened: number;
  label: string | null;
  intentToPaintMs: Spread | null;
  intentToFilledMs: Spread | null;
  /** True when no run had the intent mark, so intent was estimated from the pointer and the hover delay. */
  intentEstimated: boolean;
  pointerToPaintMs: Spread | null;
  shownToPaintMs: Spread | null;
  /** Largest layout shift seen while a card opened, over all runs. */
  maxLayoutShift: number | null;
  each: CardRun[];
}

export interface FirefoxPage {
  id: string;
  runs: number;
  settled: number;
  marks: Spread | null;
  timeToLastMarkMs: Spread | null;
  pageWrites: Spread | null;
}

/** The dense page with the bundled catalog and with a reader's catalog of kept names (real extension). */
export interface KeptNamesSummary {
  keptNames: number;
  /** Entries in the stored reader's catalog (the bundled ones included). */
  entries: number;
  bundledCpuMs: Spread | null;
  keptCpuMs: Spread | null;
  vsBundled: number | null;
  marks: Spread | null;
  bundledMarks: Spread | null;
}

export type Section<T> = { measured: T } | { skipped: string };

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  environment: {
    node: string;
    cpus: number;
    /** 1-minute load average at the start and the end: a busy machine makes every figure slower. */
    loadAverage: number[];
    chromium: string;
    firefox: string | null;
    runs: number;
  };
  /** How each figure was measured, in a sentence (also in the README's Benchmark section). */
  method: Record<string, string>;
  bundles: BundleSize[];
  pages: PageSummary[];
  streaming: Section<StreamingSummary>;
  scaling: Section<ScalingPoint[]>;
  card: Section<CardSummary>;
  keptNames: Section<KeptNamesSummary>;
  firefox: Section<FirefoxPage[]>;
  targets: TargetCheck[];
  skipped: string[];
}

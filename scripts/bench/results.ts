/** The shape of one bench run, as written to bench-results/<timestamp>.json (how each figure is measured: the README's Performance section). */
import type { BundleSize } from './bundles';
import type { CardSummary } from './card';
import type { FirstVisitSummary } from './first-visit';
import type { KeptNamesSummary } from './kept-names';
import type { PointerSummary } from './pointer';
import type { PageSummary } from './run-pages';
import type { ScalingPoint } from './scaling';
import type { StreamingSummary } from './streaming';
import type { TargetCheck } from './targets';

export type Section<T> = { measured: T } | { skipped: string };

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  environment: {
    node: string;
    cpus: number;
    /** 1-minute load average at the start and the end: a busy machine makes every figure slower. */
    loadAverage: number[];
    chromium: string;
    runs: number;
  };
  bundles: BundleSize[];
  pages: PageSummary[];
  firstVisits: Section<FirstVisitSummary[]>;
  pointer: Section<PointerSummary[]>;
  streaming: Section<StreamingSummary>;
  scaling: Section<ScalingPoint[]>;
  keptNames: Section<KeptNamesSummary>;
  card: Section<CardSummary>;
  targets: TargetCheck[];
  skipped: string[];
}

/**
 * The streaming page: after the first pass has settled, the page appends one paragraph every
 * BENCH_STREAM_INTERVAL_MS for BENCH_STREAM_DURATION_MS. Our cost per appended paragraph, and
 * whether it stays flat as the page grows (incremental work) or climbs (a rescan per change).
 */
import { ourTime, type Attribution } from './trace';

export interface StreamCost {
  paragraphs: number;
  /** Our CPU from the first append to the end of the trace, per paragraph (ms). */
  perParagraphMs: number | null;
  /** The same for each quarter of the stream, first to last (ms). */
  quarterPerParagraphMs: (number | null)[];
  /** Last quarter over first: about 1 when the work per paragraph does not grow with the page. */
  growth: number | null;
}

const QUARTERS = 4;

/** `appendTimes` are the page's `bench-append` marks on the trace clock (µs); `endTs` ends the last quarter. */
export function streamCost(attribution: Attribution, appendTimes: readonly number[], endTs: number): StreamCost {
  const count = appendTimes.length;
  const first = appendTimes[0];
  if (count === 0 || first === undefined) return { paragraphs: 0, perParagraphMs: null, quarterPerParagraphMs: [], growth: null };
  const perParagraphMs = ourTime(attribution, first, endTs) / 1000 / count;
  const quarterPerParagraphMs: (number | null)[] = [];
  for (let quarter = 0; quarter < QUARTERS; quarter++) {
    const from = Math.floor((quarter * count) / QUARTERS);
    const to = Math.floor(((quarter + 1) * count) / QUARTERS);
    const start = appendTimes[from];
    const end = quarter === QUARTERS - 1 ? endTs : appendTimes[to];
    if (start === undefined || end === undefined || to <= from) {
      quarterPerParagraphMs.push(null);
      continue;
    }
    quarterPerParagraphMs.push(ourTime(attribution, start, end) / 1000 / (to - from));
  }
  const firstQuarter = quarterPerParagraphMs[0];
  const lastQuarter = quarterPerParagraphMs[QUARTERS - 1];
  const growth = firstQuarter && lastQuarter !== null && lastQuarter !== undefined ? lastQuarter / firstQuarter : null;
  return { paragraphs: count, perParagraphMs, quarterPerParagraphMs, growth };
}

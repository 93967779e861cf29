/** Summaries of repeated measurements. Medians, because one noisy run on a shared machine should not move the figure. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median, minimum and maximum of the values that were measured (nulls are runs that could not measure). */
export function spread(values: readonly (number | null)[]): Spread | null {
  const measured = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const middle = median(measured);
  if (middle === null) return null;
  return { median: middle, min: Math.min(...measured), max: Math.max(...measured), runs: measured.length };
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return a / b;
}

/**
 * V8 CPU samples, attributed to "ours" or not. A sample is ours when any frame on its stack comes
 * from one of our scripts (the content script's chrome-extension:// URL, or the bench's own
 * bundle), so DOM calls made by our code count as ours too. Work the browser does later on our
 * behalf (style, layout and paint after the task, garbage collection) is not in our frames and is
 * not counted: the figure is a floor on our cost, measured the same way on every page.
 */
import { median } from './stats';

export interface CallFrame {
  functionName: string;
  url?: string;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

/** One sample: when it was taken, how long it stands for (the gap to the next), and whether it is ours. */
export interface Sample {
  ts: number;
  dur: number;
  ours: boolean;
}

export type ScriptPredicate = (url: string) => boolean;

/** Decides for every node whether it, or a caller above it, runs one of our scripts. */
export function attributeNodes(nodes: readonly ProfileNode[], isOurs: ScriptPredicate): Map<number, boolean> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const resolve = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    // Walk up iteratively: stacks in minified bundles can be deep.
    const chain: ProfileNode[] = [];
    let verdict = false;
    for (let node = byId.get(id); node; node = node.parent === undefined ? undefined : byId.get(node.parent)) {
      const cached = ours.get(node.id);
      if (cached !== undefined) {
        verdict = cached;
        break;
      }
      chain.push(node);
      if (node.callFrame.url && isOurs(node.callFrame.url)) {
        verdict = true;
        break;
      }
    }
    for (const node of chain) ours.set(node.id, verdict);
    return verdict;
  };
  for (const node of nodes) resolve(node.id);
  return ours;
}

/**
 * Samples from a profile given as sample node ids and time deltas (µs), starting at `startTime`.
 * Each sample stands for the time until the next one; the last stands for the median gap.
 */
export function samplesFromProfile(
  startTime: number,
  sampleIds: readonly number[],
  timeDeltas: readonly number[],
  ours: ReadonlyMap<number, boolean>,
): Sample[] {
  const samples: Sample[] = [];
  let ts = startTime;
  for (let i = 0; i < sampleIds.length; i++) {
    ts += timeDeltas[i] ?? 0;
    samples.push({ ts, dur: 0, ours: ours.get(sampleIds[i] ?? -1) ?? false });
  }
  samples.sort((a, b) => a.ts - b.ts);
  const gaps: number[] = [];
  for (let i = 0; i < samples.length - 1; i++) {
    const gap = (samples[i + 1] as Sample).ts - (samples[i] as Sample).ts;
    (samples[i] as Sample).dur = gap;
    gaps.push(gap);
  }
  const last = samples[samples.length - 1];
  if (last) last.dur = median(gaps) ?? 0;
  return samples;
}

/**
 * Our samples' time (µs) in [from, to), each clipped to the range: a sample taken just before a
 * task ends stands for no time after it. Samples must be sorted by time.
 */
export function ourTimeBetween(samples: readonly Sample[], from: number, to: number): number {
  let total = 0;
  for (let i = firstAtOrAfter(samples, from); i < samples.length; i++) {
    const sample = samples[i] as Sample;
    if (sample.ts >= to) break;
    if (sample.ours) total += Math.min(sample.dur, to - sample.ts);
  }
  return total;
}

/** Index of the first sample at or after `ts` (binary search). */
function firstAtOrAfter(samples: readonly Sample[], ts: number): number {
  let low = 0;
  let high = samples.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((samples[mid] as Sample).ts < ts) low = mid + 1;
    else high = mid;
  }
  return low;
}

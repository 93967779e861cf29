import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../../scripts/bench/summary';
import { checkTargets, PAGE_IDS } from '../../../scripts/bench/targets';

const spread = (median: number) => ({ median, min: median, max: median, runs: 1 });

function page(id: string, figures: Partial<PageSummary>): PageSummary {
  return {
    id, label: id, bytes: 0, plantedMentions: null, runs: 1, marks: null, entities: null, timeToLastMarkMs: null,
    floorMs: null, floorMatches: null, ourCpuMs: null, cpuVsFloor: null, longestTaskWithoutMs: null, longestTaskWithMs: null,
    longestOurTaskMs: null, largestOurShareMs: null, ourTasksOverLimit: 0, jsHeapDeltaBytes: null, domHeapDeltaBytes: null,
    pageWrites: null, uiWrites: null, clsWith: null, clsWithout: null, blockedUrls: [], notes: [], ...figures,
  };
}

describe('checkTargets', () => {
  const pages = [
    page(PAGE_IDS.startup, { ourCpuMs: spread(9), longestOurTaskMs: spread(9) }),
    page(PAGE_IDS.oneMegabyte, { cpuVsFloor: 3.5, largestOurShareMs: spread(20), clsWith: 0, clsWithout: 0 }),
    page('demo', { largestOurShareMs: { median: 51, min: 10, max: 80, runs: 3 } }),
    page(PAGE_IDS.noNames, { ourCpuMs: spread(30), floorMs: spread(10), pageWrites: 0, uiWrites: 1 }),
  ];
  const checks = checkTargets({ pages, streaming: { skipped: 'x' }, scaling: { skipped: 'x' }, card: { skipped: 'x' }, bundles: [{ context: 'content', file: 'content/content.js', minifiedBytes: 90_000, gzipBytes: 30_000 }] });
  const status = (start: string) => checks.find((check) => check.target.startsWith(start))?.status;

  it('marks what is within its target as met', () => {
    expect(status('1 MB page')).toBe('met');
    expect(status('start-up')).toBe('met');
    expect(status('content script')).toBe('met');
    expect(status('CLS')).toBe('met');
  });

  it('marks misses: the worst page’s median run, a write to our host, cost beyond start-up', () => {
    expect(status('no more than')).toBe('missed');
    expect(status('no-names page: zero')).toBe('missed');
    // 30 − 9 = 21 ms beyond start-up, allowed 1.5 × 10 + 2 = 17 ms.
    expect(status('no-names page: cost')).toBe('missed');
  });

  it('says what it could not measure instead of passing it', () => {
    expect(status('streaming: ≤')).toBe('not measured');
    expect(status('catalog')).toBe('not measured');
    expect(status('card')).toBe('not measured');
  });
});

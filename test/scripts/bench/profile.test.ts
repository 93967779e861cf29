import { describe, expect, it } from 'vitest';
import { attributeNodes, ourTimeBetween, samplesFromProfile, type ProfileNode } from '../../../scripts/bench/profile';

const EXTENSION = 'chrome-extension://abc/content/content.js';
const isExtension = (url: string) => url.startsWith('chrome-extension://');

// (root) → page.js:run → ext.js:scan → (native DOM call under scan)
//        → (program)
//        → page.js:other
const NODES: ProfileNode[] = [
  { id: 1, callFrame: { functionName: '(root)' } },
  { id: 2, callFrame: { functionName: 'run', url: 'http://127.0.0.1/page.js' }, parent: 1 },
  { id: 3, callFrame: { functionName: 'scan', url: EXTENSION }, parent: 2 },
  { id: 4, callFrame: { functionName: 'surroundContents', url: '' }, parent: 3 },
  { id: 5, callFrame: { functionName: '(program)' }, parent: 1 },
  { id: 6, callFrame: { functionName: 'other', url: 'http://127.0.0.1/page.js' }, parent: 2 },
];

describe('attributeNodes', () => {
  it('counts a node as ours when it or a caller runs our script', () => {
    const ours = attributeNodes(NODES, isExtension);
    expect([...ours.entries()].filter(([, mine]) => mine).map(([id]) => id).sort()).toEqual([3, 4]);
  });

  it('handles nodes listed before their parents and deep stacks', () => {
    const deep: ProfileNode[] = [{ id: 0, callFrame: { functionName: 'top', url: EXTENSION } }];
    for (let id = 1; id < 20_000; id++) deep.push({ id, callFrame: { functionName: 'f' }, parent: id - 1 });
    const ours = attributeNodes(deep.reverse(), isExtension);
    expect(ours.get(19_999)).toBe(true);
  });
});

describe('samplesFromProfile', () => {
  it('turns deltas into times and gives each sample the gap to the next', () => {
    const ours = attributeNodes(NODES, isExtension);
    const samples = samplesFromProfile(1000, [3, 4, 5, 6], [100, 200, 300, 200], ours);
    expect(samples.map((sample) => sample.ts)).toEqual([1100, 1300, 1600, 1800]);
    expect(samples.map((sample) => sample.dur)).toEqual([200, 300, 200, 200]);
    expect(samples.map((sample) => sample.ours)).toEqual([true, true, false, false]);
    expect(ourTimeBetween(samples, 0, 2000)).toBe(500);
    expect(ourTimeBetween(samples, 1200, 2000)).toBe(300);
  });

  it('sorts samples whose deltas run backwards', () => {
    const samples = samplesFromProfile(0, [5, 5, 5], [100, -50, 200], new Map());
    expect(samples.map((sample) => sample.ts)).toEqual([50, 100, 250]);
  });
});

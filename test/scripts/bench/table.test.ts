import { describe, expect, it } from 'vitest';
import { bytes, ms, renderTable, times } from '../../../scripts/bench/table';

describe('renderTable', () => {
  it('pads columns, right-aligns figures and left-aligns words', () => {
    const table = renderTable(['page', 'cpu'], [['demo', '3.0 ms'], ['a longer name', '12.5 ms']]);
    expect(table.split('\n')).toEqual(['page               cpu', '─────────────  ───────', 'demo            3.0 ms', 'a longer name  12.5 ms']);
  });
});

describe('formatting', () => {
  it('says — for what was not measured', () => {
    expect(ms(null)).toBe('—');
    expect(times(Number.NaN)).toBe('—');
    expect(bytes(undefined)).toBe('—');
  });

  it('picks a unit for sizes', () => {
    expect(bytes(900)).toBe('900 B');
    expect(bytes(2048)).toBe('2.0 kB');
    expect(bytes(-3_000_000)).toBe('-3.00 MB');
  });
});

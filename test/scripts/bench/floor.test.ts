// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { combinedPattern } from '../../../scripts/bench/floor';
import { floorPass } from '../../../scripts/bench/in-page/floor-pass';

describe('combinedPattern', () => {
  const { source, flags } = combinedPattern(['Salt Typhoon', 'MSS', 'Xi']);
  const matches = (text: string) => text.match(new RegExp(source, flags)) ?? [];

  it('finds forms as written, upper and lower case, on word boundaries', () => {
    expect(matches('Salt Typhoon and SALT TYPHOON and salt typhoon')).toHaveLength(3);
    expect(matches('the MSS said; Xi’s visit')).toEqual(['MSS', 'Xi']);
  });

  it('does not match inside words, also beyond ASCII', () => {
    expect(matches('Xiamen, MSSQL, éXi, Xié')).toEqual([]);
  });

  it('with no forms, matches nothing', () => {
    const empty = combinedPattern([]);
    expect('anything'.match(new RegExp(empty.source, empty.flags))).toBeNull();
  });
});

describe('floorPass', () => {
  it('walks the text nodes once per repeat, skipping scripts and styles, and writes nothing', () => {
    document.body.innerHTML = '<p>Salt <em>Typhoon</em> and the MSS</p><script>var MSS = 1</script><style>.MSS{}</style><p>MSS again</p>';
    const before = document.body.innerHTML;
    const { source, flags } = combinedPattern(['MSS', 'Salt Typhoon']);
    const reading = floorPass(source, flags, 3);
    expect(reading.times).toHaveLength(3);
    expect(reading.matches).toBe(2);
    expect(reading.textNodes).toBe(4);
    expect(document.body.innerHTML).toBe(before);
  });
});

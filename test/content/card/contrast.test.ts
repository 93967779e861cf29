import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, relativeLuminance } from '../../../src/content/card/contrast';
import { PALETTES, TEXT_ROLES, themeCss } from '../../../src/content/card/palette';

describe('contrast arithmetic', () => {
  it('parses hex and rgb() forms', () => {
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#3366CC')).toEqual({ r: 51, g: 102, b: 204, a: 1 });
    expect(parseColor('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('transparent')).toBeNull();
  });

  it('matches the WCAG reference values', () => {
    expect(relativeLuminance(parseColor('#000')!)).toBe(0);
    expect(relativeLuminance(parseColor('#fff')!)).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the well-known lightest grey that passes AA.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(contrastRatio('#767676', '#ffffff'), 10);
  });
});

describe.each(Object.entries(PALETTES))('the %s palette', (_scheme, palette) => {
  it.each(TEXT_ROLES)('%s text reaches WCAG AA (4.5:1) on the background', (role) => {
    expect(contrastRatio(palette[role], palette.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus ring reaches 3:1 against the background (WCAG non-text contrast)', () => {
    expect(contrastRatio(palette.focusRing, palette.background)).toBeGreaterThanOrEqual(3);
  });
});

describe('theme CSS', () => {
  it('defines every palette colour as a custom property for each scheme', () => {
    const css = themeCss();
    for (const palette of Object.values(PALETTES)) {
      for (const colour of Object.values(palette)) expect(css).toContain(colour);
    }
    expect(css).toContain('.card[data-scheme="dark"]');
  });

  it('animates only when the reader has not asked for reduced motion', () => {
    const css = themeCss();
    const animation = css.indexOf('animation');
    expect(animation).toBeGreaterThan(css.indexOf('@media (prefers-reduced-motion: no-preference)'));
  });
});

/**
 * The card's colours, one palette per colour scheme. They live here rather than in card.css so
 * that a unit test can compute every text/background pair's contrast from the same source the
 * card is styled with (see paletteCss).
 */
import { CARD_FADE_IN_MS, CARD_MAX_WIDTH_PX, CARD_MIN_WIDTH_PX } from '../../shared/constants';
import { CARD_FONT_FAMILY } from './typography';

export type ColorScheme = 'light' | 'dark';

export interface Palette {
  background: string;
  /** Body text: names, quotes. */
  text: string;
  /** Secondary text: category, sources, counts. */
  muted: string;
  /** "Read in …" buttons. */
  link: string;
  /** The card's outline; decorative (the shadow and background already separate it). */
  border: string;
  /** The rule beside a quote; decorative. */
  quoteRule: string;
  /** Keyboard focus outline: a non-text indicator that needs 3:1 against the background. */
  focusRing: string;
}

/** After Wikipedia's Page Previews: neutral greys, the familiar link blue. */
export const LIGHT_PALETTE: Palette = {
  background: '#ffffff',
  text: '#202122',
  muted: '#54595d',
  link: '#3366cc',
  border: '#a2a9b1',
  quoteRule: '#c8ccd1',
  focusRing: '#3366cc',
};

export const DARK_PALETTE: Palette = {
  background: '#202122',
  text: '#eaecf0',
  muted: '#a2a9b1',
  link: '#88a3e8',
  border: '#54595d',
  quoteRule: '#72777d',
  focusRing: '#88a3e8',
};

export const PALETTES: Readonly<Record<ColorScheme, Palette>> = { light: LIGHT_PALETTE, dark: DARK_PALETTE };

/** Pairs that carry text, each of which must reach WCAG AA (4.5:1) on the background. */
export const TEXT_ROLES = ['text', 'muted', 'link'] as const satisfies readonly (keyof Palette)[];

function customProperties(palette: Palette): string {
  return Object.entries(palette)
    .map(([role, colour]) => `--bs-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${colour};`)
    .join('');
}

/**
 * The part of the card's CSS that comes from numbers kept in code: each scheme's palette as custom
 * properties, the font family, the least and most width and the entry fade (none under reduced motion).
 */
export function themeCss(): string {
  return [
    `.card{${customProperties(LIGHT_PALETTE)}color-scheme:light;--bs-font-family:${CARD_FONT_FAMILY};--bs-min-width:${CARD_MIN_WIDTH_PX}px;--bs-max-width:${CARD_MAX_WIDTH_PX}px;}`,
    `.card[data-scheme="dark"]{${customProperties(DARK_PALETTE)}color-scheme:dark;}`,
    `@media (prefers-reduced-motion: no-preference){.card[data-shown]{animation:bs-fade-in ${CARD_FADE_IN_MS}ms ease-out;}}`,
  ].join('\n');
}

/**
 * Which palette the card uses. Like Yomitan, it follows the page the reader is looking at rather
 * than only the system setting: a dark news site on a light system gets a dark card, so the card
 * never flashes white over a dark page. Where the page paints no opaque background of its own, the
 * browser's canvas follows prefers-color-scheme, and so do we.
 */
import { parseColor, relativeLuminance } from './contrast';
import type { ColorScheme } from './palette';

/** Above this alpha the page's background is what the reader actually sees. */
const OPAQUE_ENOUGH = 0.5;
/** Luminance of mid grey; darker backgrounds get the dark card. */
const DARK_BELOW_LUMINANCE = 0.18;

export function pickColorScheme(doc: Document): ColorScheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  // The body usually paints the page; where it is transparent the root's background shows through.
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const background = parseColor(view.getComputedStyle(element).backgroundColor);
    if (background && background.a > OPAQUE_ENOUGH) {
      return relativeLuminance(background) < DARK_BELOW_LUMINANCE ? 'dark' : 'light';
    }
  }
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

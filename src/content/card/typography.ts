/**
 * The card's type: one family in the few sizes and weights card.css gives its text. The family
 * reaches the stylesheet from here (themeCss), so warming the fonts up looks up the same faces
 * the card lays out.
 */

export const CARD_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Weight and size of each kind of text in card.css: body, name, small print, the close sign. */
export const CARD_FONT_FACES = ['400 14px', '600 17px', '400 12px', '400 20px'] as const;

/**
 * The first layout of text in a face looks the font up on the system, which took several
 * milliseconds of the first card's opening. Measuring a word in each face on a canvas that never
 * joins the page does that ahead; the browser keeps what it found for the page's lifetime.
 */
export function warmFonts(doc: Document): void {
  const context = doc.createElement('canvas').getContext('2d');
  if (!context) return;
  for (const face of CARD_FONT_FACES) {
    context.font = `${face} ${CARD_FONT_FAMILY}`;
    context.measureText('Backstory');
  }
}

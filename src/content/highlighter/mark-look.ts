/**
 * How our marks look, for the marks highlights.css cannot reach: the manifest's page stylesheet
 * styles the document only, and a page's shadow trees have stylesheets of their own that are the
 * page's and never touched. Marks are ours, so inside a shadow root they carry the look in their
 * own inline style, every declaration !important (over the shadow tree's rules for `mark`).
 *
 * These declarations are the ones highlights.css gives `mark[data-entity][data-backstory-style]`
 * and its two looks; test/content/highlighter/mark-look.test.ts holds the two in step.
 * What inline style cannot express stays document-only: :hover, :focus-visible, forced colours
 * and print (the browser's own focus ring still shows on a mark in a shadow root).
 */
import type { HighlightStyle } from './ledger';

export type Declaration = readonly [property: string, value: string];

/** Resets whatever the page gives `mark`; first, so the declarations after it stand. */
export const MARK_BASE_DECLARATIONS: readonly Declaration[] = [
  ['all', 'unset'],
  ['border-radius', '2px'],
  ['-webkit-box-decoration-break', 'clone'],
  ['box-decoration-break', 'clone'],
];

export const MARK_LOOK_DECLARATIONS: Readonly<Record<HighlightStyle, readonly Declaration[]>> = {
  background: [
    ['background-color', 'rgb(255 196 0 / 0.24)'],
    ['box-shadow', 'inset 0 -1px 0 rgb(214 150 0 / 0.55)'],
  ],
  underline: [
    ['background-color', 'transparent'],
    ['text-decoration-line', 'underline'],
    ['text-decoration-style', 'solid'],
    ['text-decoration-color', 'rgb(214 150 0 / 0.9)'],
    ['text-decoration-thickness', '2px'],
    ['text-underline-offset', '0.18em'],
    ['text-decoration-skip-ink', 'auto'],
  ],
};

/**
 * Gives a mark in a shadow root its look. Through the CSSOM rather than the style attribute:
 * a page's CSP may forbid style attributes, never the CSSOM.
 */
export function applyInlineLook(mark: HTMLElement, style: HighlightStyle): void {
  const declarations = mark.style;
  // Starting over drops the other look's declarations (setStyle switches between them).
  declarations.cssText = '';
  for (const [property, value] of MARK_BASE_DECLARATIONS) declarations.setProperty(property, value, 'important');
  for (const [property, value] of MARK_LOOK_DECLARATIONS[style]) declarations.setProperty(property, value, 'important');
}

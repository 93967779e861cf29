/**
 * The highlighter: paints mentions with the CSS Custom Highlight API and never writes the page.
 *
 * ```ts
 * let page = compiledMatcher.newPage();
 * const highlighter = createHighlighter({ root: document, findMentions: (text) => page.scanBlock(text) });
 * await highlighter.start();          // sliced first pass, then follows page changes
 * highlighter.onChange(updateBadge);  // mentions painted or removed
 * page = compiledMatcher.newPage(); await highlighter.rescan();  // after an SPA navigation or a settings change
 * highlighter.stop();                 // every highlight of ours deleted
 * ```
 */
export { createHighlighter } from './highlighter';
export { ACTIVE_HIGHLIGHT_NAME, canPaint, compareMentions } from './painted-mentions';
export type { Highlighter, HighlighterOptions, PaintedMention } from './types';
export { yieldToPage } from './yield-to-page';

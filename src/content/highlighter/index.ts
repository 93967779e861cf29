/**
 * The highlighter: applies mentions to the page as `<mark data-entity>` and undoes them exactly.
 *
 * ```ts
 * const page = compiledMatcher.newPage();
 * const highlighter = createHighlighter({ root: document, findMentions: (text) => page.scanBlock(text) });
 * await highlighter.start();          // sliced first pass, then follows page changes
 * highlighter.onChange(updateBadge);  // marks added or removed
 * page.reset(); await highlighter.rescan();  // after an SPA navigation or a settings change
 * highlighter.stop();                 // every mark gone, the page's nodes as they were
 * ```
 */
export { createHighlighter } from './highlighter';
export { OWN_UI_TAG } from './element-rules';
export { STYLE_ATTRIBUTE } from './ledger';
export type { HighlightStyle, Highlighter, HighlighterOptions, MentionGroup } from './types';

/**
 * Every timing, delay and budget in one place. Each line says why the number is what it is.
 * Change a number here, never inline.
 */

// --- Card (hover intent, after Wikipedia Page Previews and 10ten) ---
/** Dwell before a hover opens the card: long enough that a passing pointer opens nothing. */
export const CARD_OPEN_DELAY_MS = 400;
/** Grace after the pointer leaves mention and card: time to cross the gap between them. */
export const CARD_CLOSE_DELAY_MS = 300;
/** Pointer speed above which a hover is a pass-through, not an intent (10ten uses 0.5 px/ms). */
export const HOVER_INTENT_MAX_SPEED_PX_PER_MS = 0.5;
/** Gap between the mention and the card, so the card never covers the word it explains. */
export const CARD_OFFSET_PX = 6;
/** Margin kept between the card and the viewport edge when it flips or shifts. */
export const CARD_VIEWPORT_PADDING_PX = 8;
/** At most this many quotes on a card: enough background, short enough to read at a glance. */
export const CARD_MAX_QUOTES = 3;
/** At most this many related entities on a card. */
export const CARD_MAX_RELATED = 5;

// --- Card view (src/content/card) ---
/** Fade-in when the card appears: softens its arrival without delaying reading; none under reduced motion. */
export const CARD_FADE_IN_MS = 120;
/** Widest the card gets: about 55 characters a line at its font size, like Wikipedia's previews. */
export const CARD_MAX_WIDTH_PX = 360;

// --- Highlighting work budget (the page comes first) ---
/** Longest slice of highlighting work before yielding to the page; far under a 50 ms long task. */
export const SLICE_BUDGET_MS = 8;
/** Mutations are gathered this long before rescanning, so a burst of page updates costs one pass. */
export const MUTATION_DEBOUNCE_MS = 50;

// --- Matching ---
/** Characters of surrounding text searched for an ambiguous name's context, when no block bounds it. */
export const CONTEXT_WINDOW_CHARS = 400;

// --- Settings, popup and messaging (the user is in charge) ---
/** Shortest hover delay the options allow: below it a pointer passing over a mention opens cards. */
export const HOVER_DELAY_MIN_MS = 150;
/** Longest hover delay the options allow: beyond it hover feels broken (focus and tap still open cards). */
export const HOVER_DELAY_MAX_MS = 2000;
/** Disabled sites kept at most: keeps the settings blob under storage.sync's 8 KB per-item quota. */
export const MAX_DISABLED_SITES = 200;
/** Distinct entity ids accepted in one page report: far above the catalog, bounds a malformed message. */
export const MAX_REPORTED_ENTITIES = 500;
/** How long the popup waits for the page to answer before saying it cannot reach it; the skeleton shows meanwhile. */
export const POPUP_PAGE_REPLY_TIMEOUT_MS = 1500;

/** Timings of `npm start` (scripts/start.ts). */
/** Longest wait for the demo page to be fully highlighted headless; far past a normal run, short enough to report a hang. */
export const START_HIGHLIGHT_TIMEOUT_MS = 30_000;
/** Longest wait for the card after hovering a mention for the headless screenshot; far past the hover delay. */
export const START_CARD_TIMEOUT_MS = 5_000;

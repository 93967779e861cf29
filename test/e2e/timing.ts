/** Timings of the e2e tests that watch live, hostile and private pages: test settings, never product constants. */

// --- Live React page, injection and privacy checks (test/e2e/react, injection, privacy) ---
/** The React fixture re-renders this often: about ten updates a second, a busy live page. */
export const REACT_FIXTURE_TICK_MS = 100;
/** The live React test watches the page this long: hundreds of re-renders, reorders and remounts. */
export const REACT_LIVE_WATCH_MS = 30_000;
/** Pause between two samples of the React page: often enough to catch a bad moment, light enough for two shared cores. */
export const REACT_SAMPLE_GAP_MS = 50;
/** How often, during the watch, the app is held still to check every rendered name got its mark. */
export const REACT_COMPLETENESS_CHECK_EVERY_MS = 6_000;
/** Longest wait for every rendered name to be marked once the app holds still: far past a debounce and a few slices. */
export const REACT_MARKS_SETTLE_TIMEOUT_MS = 10_000;
/** Watching the network after the last action, so a request the extension sends late is still seen. */
export const PRIVACY_QUIET_WATCH_MS = 1_000;
/** How often the privacy test looks for the reader tab the card opened (Firefox reports no address change to wait on). */
export const PRIVACY_TAB_POLL_MS = 100;

// --- Hostile pages and real-world undo (test/e2e/hostile-pages, realworld-undo) ---
/** Highlighting on a test page has settled once its mark count has held this long: well past MUTATION_DEBOUNCE_MS and many slices. */
export const HOSTILE_SETTLE_QUIET_MS = 1_000;
/** How often a settling page's mark count is read: often enough to see a change, light enough for a page under test. */
export const HOSTILE_SETTLE_POLL_MS = 100;
/** Longest wait for a hostile page to settle; the 10 MB text node and 200,000 text nodes take seconds on two shared cores. */
export const HOSTILE_SETTLE_TIMEOUT_MS = 60_000;
/** The busy page (a DOM change every frame) is watched this long: about 120 frames, enough for a feedback loop to show in counts. */
export const HOSTILE_BUSY_WATCH_MS = 2_000;

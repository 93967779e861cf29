/** The bench's own timings and the targets it prints (`npm run bench`): benchmark settings, never product constants. */
/** Repeats of each page measurement; the median of five rides out noise on a shared 2-core machine. */
export const BENCH_RUNS = 5;
/** Highlighting counts as finished once the mark count has not changed for this long (well past the mutation debounce and slice yields). */
export const BENCH_SETTLE_MS = 1000;
/** A page that never settles is reported as such after this long, instead of hanging the run. */
export const BENCH_SETTLE_TIMEOUT_MS = 30_000;
/** The streaming page appends one paragraph this often: a busy live blog or comment feed. */
export const BENCH_STREAM_INTERVAL_MS = 50;
/** The streaming page keeps appending this long: long enough that a rescan-per-append would show as growth. */
export const BENCH_STREAM_DURATION_MS = 20_000;
/** Mouse moves in the pointer part, one a frame: about three seconds of a reader moving the mouse. */
export const BENCH_POINTER_MOVES = 200;
export const BENCH_POINTER_MOVE_INTERVAL_MS = 16;
/** Pause before the last 1 px pointer move onto a mention, so hover intent sees a slow, deliberate pointer. */
export const BENCH_POINTER_SETTLE_MS = 50;
/** How often the bench asks the page whether it has settled: rare enough to add no work of note, often enough not to pad timings. */
export const BENCH_POLL_MS = 100;
/** The page counts as idle only while idle callbacks keep coming at least this often; a longer gap means a task (maybe ours) held the thread. Twice the 50 ms the browser grants an idle period. */
export const BENCH_IDLE_MAX_GAP_MS = 100;
/** Longest wait for the card after the pointer settles: far past the longest allowed hover delay. */
export const BENCH_CARD_TIMEOUT_MS = 5000;
/** The bench prints extension CPU as a multiple of the floor only from this floor up; on smaller pages start-up dominates and the ratio says nothing. */
export const BENCH_MIN_FLOOR_FOR_RATIO_MS = 1;
/** Target: extension CPU on the dense page at most this many times the full floor (isolated read floor + what painting our pieces must cost). */
export const BENCH_TARGET_CPU_VS_FULL_FLOOR = 1.5;
/** Target: at most this much of our work inside any one task: half the RAIL long-task line, so the page keeps the other half. */
export const BENCH_TARGET_LONG_TASK_MS = 25;
/** Target: on a quiet page (few or none of our names), cost beyond start-up is at most this times the isolated read floor… */
export const BENCH_TARGET_QUIET_FLOOR_FACTOR = 2;
/** …plus this much: a little fixed overhead for observers and scheduling. */
export const BENCH_TARGET_QUIET_EXTRA_MS = 2;
/** A page counts as quiet when we paint at most this many pieces on it. */
export const BENCH_QUIET_MAX_MARKS = 10;
/** Target: start-up cost on a one-paragraph page with no names; every page pays it. */
export const BENCH_TARGET_STARTUP_MS = 10;
/** Target: extension CPU per appended paragraph on the streaming page (incremental, not a rescan). */
export const BENCH_TARGET_STREAM_PER_PARAGRAPH_MS = 0.5;
/** Target: streaming cost per paragraph in the last quarter at most this times the first; a rescan per append would be about 4× on the bench page. */
export const BENCH_TARGET_STREAM_GROWTH = 1.5;
/** Repeats of the streaming page (20 s each): fewer than other pages, to keep the whole bench near ten minutes. */
export const BENCH_STREAM_RUNS = 3;
/** Target: growing the catalog from 25 to 5,000 entries at most this factor on the dense page: a reader's library makes large catalogs normal. */
export const BENCH_TARGET_SCALING_FACTOR = 1.3;
/** Kept names the reader's-catalog run stores before visiting the dense page: a well-used library. */
export const BENCH_KEPT_NAMES = 2000;
/** Target: the dense page with that reader's catalog at most this factor of the bundled 25 entries. */
export const BENCH_TARGET_KEPT_NAMES_FACTOR = 1.3;
/** Target: the card is painted within one frame of hover intent firing. */
export const BENCH_TARGET_CARD_PAINT_MS = 16;
/** Target: the content script's gzipped size; it is parsed on every page the user opens. */
export const BENCH_TARGET_CONTENT_GZIP_BYTES = 40_000;

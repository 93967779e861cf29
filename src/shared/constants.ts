/**
 * Every timing, delay and budget in one place. Each line says why the number is what it is.
 * Change a number here, never inline.
 */

// --- Card (hover intent, after Wikipedia Page Previews and 10ten) ---
/** Dwell before a hover opens the card: long enough that a passing pointer opens nothing. */
export const CARD_OPEN_DELAY_MS = 400;
/** Grace after the pointer leaves mention and card: time to cross the gap between them. */
export const CARD_CLOSE_DELAY_MS = 300;
/** How early the dwell's timer wakes to wait for the frame in which the dwell ends: more than a frame at 60 Hz. */
export const CARD_DWELL_TIMER_LEAD_MS = 20;
/** A frame this close to a whole dwell after the one that started it counts as a dwell later: frame times are not exact multiples. */
export const CARD_DWELL_FRAME_SLACK_MS = 1;
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
/** Narrowest the card gets where there is room: a name and its category on one line, a quote a few words a line. */
export const CARD_MIN_WIDTH_PX = 240;

// --- Card warm-up (src/content/card/card-effects.ts) ---
/** Latest the warm-up waits for an idle moment once a hover starts: well inside the shortest hover delay (150 ms), so the first open finds it done. */
export const CARD_WARM_UP_IDLE_TIMEOUT_MS = 100;
/** Times the card's host is put back after the page removes it: enough for a re-render or two, not a fight with the page. */
export const CARD_HOST_MAX_REATTACH = 5;
/** Ancestors looked through for a box to watch a mention's visibility by: wrappers without boxes are rarely deeper, and pages may nest thousands. */
export const CARD_SIGHT_MAX_LEVELS = 16;

// --- Highlighting work budget (the page comes first) ---
/** Longest slice of highlighting work before yielding to the page; far under a 50 ms long task. */
export const SLICE_BUDGET_MS = 8;
/** Nodes a walk visits before it lets the slice check its budget, even inside one run: a paragraph of 20,000 links took 30 ms to walk in one step. */
export const WALK_STEP_NODES = 1_000;
/** Mutations are gathered this long before rescanning, so a burst of page updates costs one pass. */
export const MUTATION_DEBOUNCE_MS = 50;
/**
 * A walk's sieve (whole blocks ruled out by their textContent) reads at most this many times the
 * text it read first, so nested blocks that all may name something cost a bounded multiple of
 * one read of the page's text, never the text times the depth of the tree.
 */
export const SIEVE_READS_PER_CHAR = 3;
/**
 * A block with more elements than this is not sieved whole (its children are): reading and testing
 * its text is one step that cannot yield, and this many elements carry about 150 kB of article
 * text, a few milliseconds. Below it, one read is cheaper than reading its paragraphs one by one.
 */
export const SIEVE_MAX_ELEMENTS = 2_000;
/**
 * The element children of a block that may name something are presumed to as well, without a
 * read, when there are at most this many: wrappers (body › app › main › article) mostly hold
 * one big child, while a list of paragraphs, whose nameless members are worth skipping, is long.
 */
export const SIEVE_PRESUME_CHILDREN_UP_TO = 3;
/**
 * A big block's stretches start at this fraction of SIEVE_MAX_ELEMENTS and double while they name
 * nothing: where names run through the page the first read is small (a full one, nearly all of a
 * dense page, only told its children were worth reading), and a nameless block is still read in
 * a handful of steps.
 */
export const SIEVE_FIRST_STRETCH_SHARE = 1 / 16;
/** Characters of each surface form the sieve's pattern looks for: eight tell a name from prose where five let sentence starts through, and a short flat pattern compiles fast. */
export const SIEVE_PREFIX_CHARS = 8;
/** The sieve judges its worth after this many reads in one walk: enough blocks to tell a dense page from a sparse one. */
export const SIEVE_TRIAL_READS = 32;
/** Past the trial, a walk stops sieving when more than this share of the blocks read may name something: it would read them twice. */
export const SIEVE_MAX_PASS_SHARE = 0.5;

// --- Content script wiring ---
/**
 * Longest wait for the page's load event before the first pass: server-rendered apps hydrate from
 * scripts that run before load, and marks they find in their markup cost them a hydration error.
 */
export const PAGE_LOAD_WAIT_MAX_MS = 2000;
/** After load, the first pass waits for an idle moment, but never longer than this. */
export const PAGE_IDLE_WAIT_MAX_MS = 300;
/** Counts go to the badge and popup at most this often: a streaming page must not flood the background. */
export const PAGE_REPORT_DEBOUNCE_MS = 250;

// --- Matching ---
/** Characters of surrounding text searched for an ambiguous name's context, when no block bounds it. */
export const CONTEXT_WINDOW_CHARS = 400;
/**
 * Page text kept for weighing an ambiguous name's topic: several long articles' worth. Beyond
 * it, later blocks are not weighed: weighing a form reads all of it in one step (2 MB took 11 ms).
 */
export const PAGE_EVIDENCE_MAX_CHARS = 500_000;
/** Blocks that must carry an ambiguous name's context words for them to be the page's topic (one stray "China" in a TCP tutorial is not). */
export const PAGE_TOPIC_MIN_BLOCKS = 3;
/**
 * Largest combined form pattern (source characters) used as one RegExp: irregexp (Chrome and
 * Firefox) stops optimising patterns past about 20 KB, so bigger catalogs dispatch by first letter.
 */
export const SINGLE_PATTERN_MAX_SOURCE_CHARS = 16_000;
/** Hits after which a page is full of names and the finder switches from walking the trie to the compiled pattern: a few paragraphs' worth, where the pattern's compile starts to pay. */
export const FINDER_SWITCH_HITS = 64;
/** Largest sieve pattern (source characters, as written): past this its compile costs a page more than it saves; the bench's 2,000 kept names come to about 12,000. */
export const SIEVE_MAX_SOURCE_CHARS = 16_000;

// --- Settings, popup and messaging (the user is in charge) ---
/** Shortest hover delay the options allow: below it a pointer passing over a mention opens cards. */
export const HOVER_DELAY_MIN_MS = 150;
/** Longest hover delay the options allow: beyond it hover feels broken (focus and tap still open cards). */
export const HOVER_DELAY_MAX_MS = 2000;
/** Disabled sites kept at most: a list the options page can still show and a user can still scan. */
export const MAX_DISABLED_SITES = 200;
/** Largest settings blob written, in bytes of JSON: storage.sync refuses items over 8192 (key included). */
export const SETTINGS_MAX_BYTES = 8000;
/** Distinct entity ids accepted in one page report: far above the catalog, bounds a malformed message. */
export const MAX_REPORTED_ENTITIES = 500;
/** How long the popup waits for the page's first report before saying it cannot reach it; the skeleton shows meanwhile. */
export const POPUP_PAGE_REPORT_TIMEOUT_MS = 1500;
/** New names a popup lists after a save: enough to show what was found; the library page has them all. */
export const POPUP_MAX_NEW_NAMES = 8;

// --- Your library (capture, store, library page; issue #13) ---
/** A page with more elements than this is not handed to Readability: its parse would hold the tab for seconds. */
export const CAPTURE_MAX_ELEMENTS = 60_000;
/** A page whose body text is longer than this is not captured: reading and scoring it would freeze the tab (a 10 MB page). */
export const CAPTURE_MAX_PAGE_CHARS = 4_000_000;
/** Text kept from one article at most (about 500,000 words): the rest is dropped at a paragraph boundary. */
export const CAPTURE_MAX_ARTICLE_CHARS = 3_000_000;
/** Fewer characters of article text than this is not an article (a search page, a feed, an app shell). */
export const CAPTURE_MIN_ARTICLE_CHARS = 400;
/** Longest title, site name, author or language kept: metadata, not text; a hostile page may stuff it. */
export const CAPTURE_MAX_META_CHARS = 500;
/** Longest URL kept: browsers accept more, but no article's address needs it. */
export const LIBRARY_MAX_URL_CHARS = 4_096;
/** Most articles an import may hold: far above a reading habit, bounds a hostile file. */
export const LIBRARY_IMPORT_MAX_ARTICLES = 20_000;
/** Names one import may hold: far more than any reader keeps or is offered, small enough to check at once. */
export const LIBRARY_IMPORT_MAX_NAMES = 100_000;
/** Largest import file read: a library of thousands of articles fits; a bigger file is refused before it is read. */
export const LIBRARY_IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** Most paragraphs one saved article may have (import validation): a long report, not a denial of service. */
export const LIBRARY_MAX_PARAGRAPHS = 20_000;
/** Characters of a paragraph shown on the library page and the reader before it is cut: a 2 MB paragraph must not lock layout. */
export const LIBRARY_DISPLAY_MAX_CHARS = 20_000;
/** Characters of a search result's excerpt on the library page: about two lines. */
export const LIBRARY_SNIPPET_CHARS = 240;
/** Longest quote sent to a card: a 2 MB "sentence" (a page without full stops) stays readable and cheap. */
export const LIBRARY_MAX_QUOTE_CHARS = 1_200;
/** Quotes per entity from one saved article: a long article naming someone fifty times must not crowd out the rest. */
export const LIBRARY_MAX_QUOTES_PER_ARTICLE = 5;
/** How long the popup keeps "Removed" with its undo on the library page, before forgetting the removed article. */
export const LIBRARY_UNDO_MS = 10_000;

/** How each figure is measured: written into the JSON so a result file explains itself. */
export const METHOD: Record<string, string> = {
  runs: 'Each page is visited BENCH_RUNS times with the extension and as many times without it, interleaved; figures are medians, with min and max in this file.',
  floors:
    'Read floor: in the page the extension just highlighted, after the trace, in the main world and in puppeteer\'s isolated world (where a content script runs): one TreeWalker pass over the text nodes (script/style/template skipped) and one combined RegExp of every catalog form over each, no writes; median of five warm passes. Highlight floor: the same pass in an isolated world of a fresh load without the extension, each match made a Range and added to one CSS highlight; piece cost = (highlight − read) / matches, where there are at least 50. Full floor = isolated read floor + our painted pieces × piece cost.',
  keptNames: 'The extension on the dense page with nothing in storage.local (the bundled catalog), then with a reader\'s catalog of BENCH_KEPT_NAMES synthetic kept names precompiled by buildReaderCatalog and stored by the service worker, interleaved; ext CPU as for pages.',
  floorMainWorld:
    'In the page without the extension, after load: one TreeWalker pass over the text nodes (script/style/template skipped) and one combined RegExp of every catalog form (as written, upper and lower case; case-sensitive, as the matcher is) over each, no DOM writes; median of five warm passes.',
  extensionCpu:
    'A Chromium trace (devtools.timeline + V8 sampler at high resolution) from navigation until no mark has come or gone and the main thread has been idle (idle callbacks at most BENCH_IDLE_MAX_GAP_MS apart) for BENCH_SETTLE_MS; on the page\'s renderer main thread, the time inside trace events that name a chrome-extension:// script (EvaluateScript, which includes setting up the isolated world; FunctionCall for callbacks; v8.compile), plus V8 samples outside those events whose stack holds a chrome-extension:// frame (promise continuations, e.g. after scheduler.yield()). Style, layout and paint the browser does after our task, and garbage collection, are not counted.',
  tasks:
    'RunTask events on the page\'s renderer main thread (every task, unlike the longtask observer). "ext task" is the longest task in which any extension sample fell; "ext in 1 task" is the most extension time inside one task.',
  timeToLastMark: 'performance.now() (ms after navigation start) when a MutationObserver in the page saw the last <mark data-entity> inserted.',
  heap: 'After the trace: HeapProfiler.collectGarbage, then Runtime.getHeapUsage on the page (the content script shares the page\'s isolate); with minus without, medians. DOM heap is Blink\'s (Oilpan) heap, which holds the marks.',
  writes: 'MutationObserver records after DOMContentLoaded, split into the page\'s own elements and our <backstory-ui> host.',
  cls: 'Sum of layout-shift entries without recent input; with minus without for pages, and during the opening of the card.',
  card:
    'Pointer moved onto the first mark, paused BENCH_POINTER_SETTLE_MS, moved 1 px. The card counts as open when the [role=dialog] in <backstory-ui>\'s shadow root is :popover-open (or has data-shown); painted = a message posted from the next requestAnimationFrame. Intent = the "backstory:hover-intent" performance mark when the build leaves one.',
  streaming:
    'After the first pass settles, the page appends a paragraph every BENCH_STREAM_INTERVAL_MS for BENCH_STREAM_DURATION_MS, marking each append; extension CPU from the first append to the end of the trace over the paragraph count, and per quarter of the stream.',
  scaling:
    'The extension\'s matcher and highlighter source bundled by the bench with esbuild, loaded into the dense page (no extension) from the loopback server, run with the real catalog padded by synthetic entries; CPU = samples in that script\'s frames (compile + first pass).',
  bundles: 'Each context\'s script in dist/chrome as built (minified by the build), and gzipped at level 9 with zlib.',
  firefox: 'Firefox ESR over WebDriver BiDi (no tracing or profiler there): marks, time to the last mark and DOM writes as the page sees them.',
};

/** The run as text for the terminal: a table of pages, one of each other part, the bundles and the targets. */
import type { BenchResults, Section } from './results';
import { BENCH_MIN_FLOOR_FOR_RATIO_MS, BENCH_POINTER_MOVE_INTERVAL_MS, BENCH_POINTER_MOVES, BENCH_TARGET_CARD_PAINT_MS, BENCH_TARGET_CPU_VS_FULL_FLOOR, BENCH_TARGET_LONG_TASK_MS, BENCH_TARGET_STREAM_PER_PARAGRAPH_MS } from './settings';
import { bytes, count, decimal, ms, renderTable, times } from './table';

/** A part's heading, then its table, or why it was skipped. */
function part<T>(heading: string, section: Section<T>, table: (measured: T) => string): string[] {
  return ['', heading, 'skipped' in section ? `  skipped: ${section.skipped}` : table(section.measured)];
}

export function renderReport(results: BenchResults): string {
  const { environment } = results;
  return [
    `Backstory bench — ${environment.chromium}, ${environment.cpus} CPUs (load average ${environment.loadAverage.map((load) => load.toFixed(1)).join(' → ')}), ${environment.runs} runs per page; medians (min/max in the JSON).`,
    'ext CPU = main-thread time in events naming the content script + its V8 samples outside them. Floors, measured in the same page a moment later in an',
    'isolated world (where content scripts run): read = one TreeWalker pass + one combined RegExp, no writes (main: the same in the main world, the old figure);',
    'piece = painting one match as a range in one CSS highlight, from a fresh load; full = iso read + our pieces × piece. The floors are warm (median of',
    'repeats); "cold" is the read pass\'s first run in a fresh isolated world of a fresh load, as a content script\'s read always is, and "×cold full" our CPU',
    'over cold read + pieces (shown, not a target). Times in ms; "last mark" is after navigation start; CLS + = with minus without.',
    '',
    renderTable(
      ['page', 'size', 'marks', 'planted', 'last mark', 'read main', 'read iso', 'cold', 'piece', 'full floor', 'ext CPU', `×full (≤${BENCH_TARGET_CPU_VS_FULL_FLOOR} dense)`, '×cold full', '×read main', `ext in 1 task (≤${BENCH_TARGET_LONG_TASK_MS})`, 'CLS +', 'writes', 'notes'],
      results.pages.map((page) => [
        page.label,
        bytes(page.bytes),
        count(page.marks?.median),
        count(page.plantedMentions),
        ms(page.timeToLastMarkMs?.median, 0),
        ms(page.mainFloorMs?.median),
        ms(page.isolatedFloorMs?.median),
        ms(page.coldIsolatedFloorMs?.median),
        page.pieceCostUs === null ? '—' : `${page.pieceCostUs.toFixed(1)} µs`,
        ms(page.fullFloorMs?.median),
        ms(page.ourCpuMs?.median),
        (page.fullFloorMs?.median ?? 0) >= BENCH_MIN_FLOOR_FOR_RATIO_MS ? times(page.cpuVsFullFloor) : '—',
        (page.fullFloorMs?.median ?? 0) >= BENCH_MIN_FLOOR_FOR_RATIO_MS ? times(page.cpuVsColdFullFloor) : '—',
        (page.mainFloorMs?.median ?? 0) >= BENCH_MIN_FLOOR_FOR_RATIO_MS ? times(page.cpuVsMainFloor) : '—',
        ms(page.largestOurShareMs?.median),
        decimal(page.clsWith !== null && page.clsWithout !== null ? page.clsWith - page.clsWithout : null, 4),
        page.pageWrites === null ? '—' : `${page.pageWrites}+${page.uiWrites ?? 0}ui`,
        page.notes.join('; '),
      ]),
    ),
    ...part("First visit (a fresh Chromium's first page, where the content script is compiled in a new renderer as on the first page of each site, then the same page again; every other part opens a same-origin blank page first, where it is compiled. Events naming our script only, no sampler: less than ext CPU counts elsewhere):", results.firstVisits, (visits) =>
      renderTable(
        ['page', 'first visit', 'of which compiling the script', 'again, same renderer', 'first − again'],
        visits.map((visit) => [visit.page, ms(visit.firstMs?.median), ms(visit.compileMs?.median), ms(visit.againMs?.median), ms(visit.firstMs && visit.againMs ? visit.firstMs.median - visit.againMs.median : null)]),
      ),
    ),
    ...part(`Pointer (after the first pass, the mouse moved ${BENCH_POINTER_MOVES} times, one move every ${BENCH_POINTER_MOVE_INTERVAL_MS} ms, over the page):`, results.pointer, (pointer) =>
      renderTable(
        ['page', 'marks', 'ext CPU per move'],
        pointer.map((summary) => [summary.page, count(summary.marks?.median), ms(summary.perMoveMs?.median, 3)]),
      ),
    ),
    ...part('Streaming page (a paragraph every 50 ms for 20 s, after the first pass):', results.streaming, (stream) =>
      renderTable(
        ['paragraphs', `ext CPU/paragraph (≤${BENCH_TARGET_STREAM_PER_PARAGRAPH_MS})`, 'per quarter (first → last)', 'growth', `ext in 1 task (≤${BENCH_TARGET_LONG_TASK_MS})`, 'marks', 'notes'],
        [[count(stream.paragraphs), ms(stream.perParagraphMs?.median, 3), `${stream.quarterPerParagraphMs.map((value) => decimal(value)).join(' → ')} ms`, times(stream.growth?.median), ms(stream.largestOurShareMs?.median), count(stream.marks?.median), stream.notes.join('; ')]],
      ),
    ),
    ...part("Catalog scaling (the extension's matcher + highlighter bundled by the bench, in the dense page; real catalog padded with synthetic entries, precompiled as the extension's catalogs are):", results.scaling, (points) =>
      renderTable(
        ['entries', 'CPU (compile + first pass)', 'vs smallest'],
        points.map((point) => [count(point.catalogSize), ms(point.ourCpuMs?.median), times(point.vsSmallest)]),
      ),
    ),
    ...part("Reader's catalog (the extension on the dense page and on a big page naming nothing, bundled catalog vs kept names stored in storage.local, interleaved; re-read: our CPU in a tab already open on the dense page, from storing the kept names until it settles):", results.keptNames, (kept) =>
      renderTable(
        ['page', 'catalog', 'entries', 'ext CPU', 'vs bundled', 'marks', 'open tab re-read'],
        [
          ['dense', 'bundled', '25', ms(kept.bundledCpuMs?.median), '1.0×', count(kept.bundledMarks?.median), '—'],
          ['dense', `${kept.keptNames} kept names`, count(kept.entries), ms(kept.keptCpuMs?.median), times(kept.vsBundled), count(kept.marks?.median), ms(kept.rereadCpuMs?.median)],
          ...(kept.quiet
            ? [
                [kept.quiet.page, 'bundled', '25', ms(kept.quiet.bundledCpuMs?.median), '1.0×', count(kept.quiet.bundledMarks?.median), '—'],
                [kept.quiet.page, `${kept.keptNames} kept names`, count(kept.entries), ms(kept.quiet.keptCpuMs?.median), times(kept.quiet.vsBundled), count(kept.quiet.marks?.median), '—'],
              ]
            : []),
        ],
      ),
    ),
    ...part('Card (hover the first mention: arrive, pause, a last 1 px move; intent = the mark a test-hooks build leaves):', results.card, (card) =>
      renderTable(
        ['page', 'opened', 'arrival → painted', `intent → painted (≤${BENCH_TARGET_CARD_PAINT_MS})`, 'intent → frame begins', 'frame → painted', 'in the first frame', 'layout shift'],
        [
          [
            card.page,
            `${card.opened}/${card.runs}`,
            ms(card.arrivalToPaintMs?.median),
            ms(card.intentToPaintMs?.median),
            ms(card.intentToFrameMs?.median),
            ms(card.frameToPaintMs?.median),
            `${card.inFirstFrame}/${card.opened}`,
            decimal(card.maxLayoutShift, 4),
          ],
        ],
      ),
    ),
    '',
    'Bundles (dist/chrome, as built; gzip level 9):',
    renderTable(['context', 'minified', 'gzipped'], results.bundles.map((bundle) => [bundle.file, bytes(bundle.minifiedBytes), bytes(bundle.gzipBytes)])),
    '',
    'Targets (benchmark targets, not tests):',
    renderTable(['target', 'measured', 'status'], results.targets.map((target) => [target.target, target.measured, target.status])),
    ...(results.skipped.length > 0 ? ['', `Skipped: ${results.skipped.join('; ')}`] : []),
    '',
    `${results.durationSeconds.toFixed(0)} s in all.`,
  ].join('\n');
}

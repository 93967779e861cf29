/** The run as one text table for the terminal: pages, then streaming, scaling, card, bundles, Firefox and the targets. */
import { BENCH_MIN_FLOOR_FOR_RATIO_MS, BENCH_TARGET_CARD_PAINT_MS, BENCH_TARGET_CONTENT_GZIP_BYTES, BENCH_TARGET_CPU_VS_FULL_FLOOR, BENCH_TARGET_LONG_TASK_MS, BENCH_TARGET_STREAM_PER_PARAGRAPH_MS } from './settings';
import type { BenchResults } from './results';
import { bytes, count, decimal, ms, renderTable, times } from './table';

export function renderReport(results: BenchResults): string {
  const out: string[] = [];
  const { environment } = results;
  out.push(
    `Backstory bench — ${environment.chromium}, ${environment.cpus} CPUs (load average ${environment.loadAverage.map((load) => load.toFixed(1)).join(' → ')}), ${environment.runs} runs per page; medians (min/max in the JSON).`,
    'ext CPU = main-thread time in events naming the content script + its V8 samples outside them. Floors, measured in the same page a moment later:',
    'read = one TreeWalker pass + one combined RegExp, no writes, in the main world (old figure) and in an isolated world (where content scripts run);',
    'piece = painting one match as a range in one CSS highlight, from a fresh load; full = isolated read + our pieces × piece. Times in ms; "last mark" is after navigation start.',
    '',
  );

  out.push(
    renderTable(
      ['page', 'size', 'marks', 'planted', 'last mark', 'read main', 'read iso', 'piece', 'full floor', 'ext CPU', `×full (≤${BENCH_TARGET_CPU_VS_FULL_FLOOR} dense)`, '×read main', 'longest task w/o→with', 'task with ext', `ext in 1 task (≤${BENCH_TARGET_LONG_TASK_MS})`, 'JS heap Δ', 'DOM heap Δ', 'writes', 'notes'],
      results.pages.map((page) => [
        page.label,
        bytes(page.bytes),
        count(page.marks?.median),
        count(page.plantedMentions),
        ms(page.timeToLastMarkMs?.median, 0),
        ms(page.floorMs?.median),
        ms(page.isolatedFloorMs?.median),
        page.pieceCostUs === null ? '—' : `${page.pieceCostUs.toFixed(1)} µs`,
        ms(page.fullFloorMs?.median),
        ms(page.ourCpuMs?.median),
        (page.fullFloorMs?.median ?? 0) >= BENCH_MIN_FLOOR_FOR_RATIO_MS ? times(page.cpuVsFullFloor) : '—',
        (page.floorMs?.median ?? 0) >= BENCH_MIN_FLOOR_FOR_RATIO_MS ? times(page.cpuVsFloor) : '—',
        `${ms(page.longestTaskWithoutMs?.median)} → ${ms(page.longestTaskWithMs?.median)}`,
        ms(page.longestOurTaskMs?.median),
        ms(page.largestOurShareMs?.median),
        bytes(page.jsHeapDeltaBytes),
        bytes(page.domHeapDeltaBytes),
        page.pageWrites === null ? '—' : `${page.pageWrites}+${page.uiWrites ?? 0}ui`,
        page.notes.join('; '),
      ]),
    ),
  );

  out.push('', 'Streaming page (a paragraph every 50 ms for 20 s, after the first pass):');
  if ('skipped' in results.streaming) out.push(`  skipped: ${results.streaming.skipped}`);
  else {
    const stream = results.streaming.measured;
    out.push(
      renderTable(
        ['paragraphs', `ext CPU/paragraph (≤${BENCH_TARGET_STREAM_PER_PARAGRAPH_MS})`, 'per quarter (first → last)', 'growth', 'task with ext', `ext in 1 task (≤${BENCH_TARGET_LONG_TASK_MS})`, 'longest task w/o', 'marks', 'notes'],
        [
          [
            count(stream.paragraphs),
            ms(stream.perParagraphMs?.median, 3),
            stream.quarterPerParagraphMs.map((value) => (value === null ? '—' : value.toFixed(3))).join(' → ') + ' ms',
            times(stream.growth?.median),
            ms(stream.longestOurTaskMs?.median),
            ms(stream.largestOurShareMs?.median),
            ms(stream.longestTaskWithoutMs?.median),
            count(stream.marks?.median),
            stream.notes.join('; '),
          ],
        ],
      ),
    );
  }

  out.push('', 'Catalog scaling (the extension\'s matcher + highlighter modules bundled by the bench, run in the dense page; real catalog padded with synthetic entries):');
  if ('skipped' in results.scaling) out.push(`  skipped: ${results.scaling.skipped}`);
  else {
    out.push(
      renderTable(
        ['entries', 'CPU (compile + first pass)', 'compile', 'vs smallest', 'longest task', 'marks'],
        results.scaling.measured.map((point) => [
          count(point.catalogSize),
          ms(point.ourCpuMs?.median),
          ms(point.compileMs?.median),
          times(point.vsSmallest),
          ms(point.longestOurTaskMs?.median),
          count(point.marks?.median),
        ]),
      ),
    );
  }

  out.push('', `Reader's catalog (the extension on the dense page, bundled catalog vs kept names stored in storage.local, interleaved):`);
  if ('skipped' in results.keptNames) out.push(`  skipped: ${results.keptNames.skipped}`);
  else {
    const kept = results.keptNames.measured;
    out.push(
      renderTable(
        ['catalog', 'entries', 'ext CPU', 'vs bundled', 'marks'],
        [
          ['bundled', '25', ms(kept.bundledCpuMs?.median), '1.0×', count(kept.bundledMarks?.median)],
          [`${count(kept.keptNames)} kept names`, count(kept.entries), ms(kept.keptCpuMs?.median), times(kept.vsBundled), count(kept.marks?.median)],
        ],
      ),
    );
  }

  out.push('', 'Card (hover the first mention: arrive, pause, a last 1 px move; "est." = intent taken as the pointer entering the mention + the default hover delay, for want of an intent mark):');
  if ('skipped' in results.card) out.push(`  skipped: ${results.card.skipped}`);
  else {
    const card = results.card.measured;
    out.push(
      renderTable(
        ['page', 'opened', `intent → painted (≤${BENCH_TARGET_CARD_PAINT_MS})`, 'intent → content painted', 'pointer in → painted', 'open → painted', 'layout shift', 'dialog name'],
        [
          [
            card.page,
            `${card.opened}/${card.runs}`,
            ms(card.intentToPaintMs?.median) + (card.intentEstimated ? ' (est.)' : ''),
            ms(card.intentToFilledMs?.median) + (card.intentEstimated ? ' (est.)' : ''),
            ms(card.pointerToPaintMs?.median),
            ms(card.shownToPaintMs?.median),
            decimal(card.maxLayoutShift, 4),
            card.label ?? '—',
          ],
        ],
      ),
    );
  }

  out.push('', 'Bundles (dist/chrome, as built; gzip level 9):');
  out.push(
    renderTable(
      ['context', 'minified', 'gzipped', 'target'],
      results.bundles.map((bundle) => [
        bundle.file,
        bytes(bundle.minifiedBytes),
        bytes(bundle.gzipBytes),
        bundle.context === 'content' ? `≤ ${BENCH_TARGET_CONTENT_GZIP_BYTES / 1000} kB gzipped` : '',
      ]),
    ),
  );

  out.push('', 'Firefox ESR (BiDi: no trace or profiler; what the page sees):');
  if ('skipped' in results.firefox) out.push(`  skipped: ${results.firefox.skipped}`);
  else {
    out.push(
      renderTable(
        ['page', 'settled', 'marks', 'last mark', 'writes'],
        results.firefox.measured.map((page) => [page.id, `${page.settled}/${page.runs}`, count(page.marks?.median), ms(page.timeToLastMarkMs?.median, 0), count(page.pageWrites?.median)]),
      ),
    );
  }

  out.push('', 'Targets (benchmark targets, not tests):');
  out.push(renderTable(['target', 'measured', 'status'], results.targets.map((target) => [target.target, target.measured, target.status])));
  if (results.skipped.length > 0) out.push('', `Skipped: ${results.skipped.join('; ')}`);
  out.push('', `${results.durationSeconds.toFixed(0)} s in all.`);
  return out.join('\n');
}

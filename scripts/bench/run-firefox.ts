/** Firefox ESR with the extension: marks and time to the last mark on the generated and demo pages. */
import type { BenchPage } from './context';
import { launchFirefox, visitInFirefox, type FirefoxVisit } from './firefox';
import type { FirefoxPage, Section } from './results';
import { spread } from './stats';

export async function runFirefox(helpers: string, pages: readonly BenchPage[], runs: number, progress: (message: string) => void): Promise<Section<FirefoxPage[]>> {
  progress('launching Firefox ESR with the extension');
  let handle;
  try {
    handle = await launchFirefox();
  } catch (error) {
    return { skipped: `Firefox did not start with the extension: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  try {
    const measured: FirefoxPage[] = [];
    for (const page of pages.filter((candidate) => !candidate.id.startsWith('realworld/'))) {
      const visits: FirefoxVisit[] = [];
      for (let run = 0; run < runs; run++) {
        progress(`Firefox, ${page.label}: run ${run + 1}/${runs}`);
        visits.push(await visitInFirefox(handle, page.url, helpers));
      }
      measured.push({
        id: page.label,
        runs: visits.length,
        settled: visits.filter((run) => run.settled).length,
        marks: spread(visits.map((run) => run.probe?.marks ?? null)),
        timeToLastMarkMs: spread(visits.map((run) => run.probe?.lastMarkAt ?? null)),
        pageWrites: spread(visits.map((run) => run.probe?.pageWrites ?? null)),
      });
    }
    return { measured };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

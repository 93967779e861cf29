/** The scaling curve: the bench's bundle of the matcher and highlighter, in the no-extension Chromium, at each catalog size. */
import type { FixtureServer } from '../harness/server';
import type { BenchContext, BenchPage } from './context';
import { visit, type Visit } from './measure';
import type { ScalingPoint, Section } from './results';
import { buildScalingBundle, runScaling as runInPage, SCALING_SCRIPT_PATH, SCALING_SIZES } from './scaling';
import type { ScalingRun } from './scaling/entry';
import { ratio, spread } from './stats';

export async function runScaling(context: BenchContext, server: FixtureServer, page: BenchPage | undefined): Promise<Section<ScalingPoint[]>> {
  if (!page) return { skipped: 'the dense page is not registered' };
  let bundle: string;
  try {
    bundle = await buildScalingBundle();
  } catch (error) {
    return { skipped: `the matcher and highlighter do not bundle yet: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const scriptUrl = server.route(SCALING_SCRIPT_PATH, bundle, 'text/javascript; charset=utf-8');
  const isBundle = (url: string) => url === scriptUrl;
  const points: ScalingPoint[] = [];
  for (const size of SCALING_SIZES) {
    const visits: Visit[] = [];
    const runs: ScalingRun[] = [];
    for (let run = 0; run < context.runs; run++) {
      context.progress(`catalog scaling, ${size} entries: run ${run + 1}/${context.runs}`);
      visits.push(
        await visit(context.without, page.url, {
          helpers: context.helpers,
          blankUrl: context.blankUrl,
          isOurs: isBundle,
          whileTracing: async (tab) => {
            runs.push(await runInPage(tab, scriptUrl, size));
          },
        }),
      );
    }
    const ourCpuMs = spread(visits.map((run) => run.trace?.ourCpuMs ?? null));
    points.push({
      catalogSize: runs[0]?.catalogSize ?? size,
      runs: visits.length,
      ourCpuMs,
      compileMs: spread(runs.map((run) => run.compileMs)),
      vsSmallest: ratio(ourCpuMs?.median, points[0]?.ourCpuMs?.median ?? ourCpuMs?.median),
      longestOurTaskMs: spread(visits.map((run) => run.trace?.longestOurTaskMs ?? null)),
      marks: spread(runs.map((run) => run.marks)),
    });
  }
  return { measured: points };
}

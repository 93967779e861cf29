/**
 * Firefox ESR, driven over WebDriver BiDi through the e2e harness. BiDi offers no tracing or
 * sampling profiler, so Firefox gives the figures the page itself can see: marks, time to the
 * last mark (performance.now() after navigation start) and DOM writes. A page counts as settled
 * once its marks have been still for BENCH_SETTLE_MS.
 */
import { launchBrowser, type BrowserHandle } from '../harness/browsers';
import { MARK_SELECTOR, type ProbeReading } from './in-page/probe';
import { probeScript } from './in-page-script';
import { waitUntilSettled } from './measure';

export interface FirefoxVisit {
  settled: boolean;
  probe: ProbeReading | null;
}

export async function launchFirefox(): Promise<BrowserHandle> {
  return launchBrowser('firefox');
}

export async function visitInFirefox(handle: BrowserHandle, url: string, helpers: string): Promise<FirefoxVisit> {
  const page = await handle.newPage();
  try {
    await page.evaluateOnNewDocument(probeScript(helpers));
    await page.goto(url, { waitUntil: 'load' });
    const settled = await waitUntilSettled(page, true);
    const probe = await page.evaluate((selector) => window.__bench?.readProbe(selector) ?? null, MARK_SELECTOR);
    return { settled, probe };
  } finally {
    await page.close().catch(() => undefined);
  }
}

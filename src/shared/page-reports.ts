/**
 * The last report each tab's page sent (what it highlights, and whether Backstory runs there),
 * kept by the background in storage.session. Entity counts travel one way: the page pushes, the
 * background badges the tab and keeps the report here, and the popup reads and follows it here
 * rather than asking the page. storage.session lives as long as the browser session, so a stopped
 * background loses nothing, and no page can read it.
 */
import browser from './browser';
import type { PageEntities } from './messages';
import { parsePageEntities } from './messages/validate';

const keyOf = (tabId: number) => `page-report:${tabId}`;

export async function storePageReport(tabId: number, report: PageEntities): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: report });
}

/** The tab is starting a new page, or has closed: its old report no longer describes it. */
export async function forgetPageReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** The tab's last report, or null when its page has not reported (yet, or ever). */
export async function loadPageReport(tabId: number): Promise<PageEntities | null> {
  const key = keyOf(tabId);
  const stored = await browser.storage.session.get(key);
  return valid(stored[key]);
}

/** Calls `listener` with each new report of the tab, and with null when its report is forgotten. */
export function onPageReportChanged(tabId: number, listener: (report: PageEntities | null) => void): () => void {
  const key = keyOf(tabId);
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[key];
    if (area === 'session' && change) listener(valid(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

function valid(raw: unknown): PageEntities | null {
  if (raw === undefined) return null;
  const parsed = parsePageEntities(raw);
  return parsed.ok ? parsed.value : null;
}

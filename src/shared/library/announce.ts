/**
 * Tells every open tab the library changed, so cards drop the knowledge they hold and the next
 * one asks again: a removed article's quotes leave every card at once. Tabs without a content
 * script (browser pages, tabs opened before install) simply do not answer.
 */
import browser from '../browser';
import { sendToTab } from '../messages';

export async function announceLibraryChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { type: 'library-changed' }).catch(() => undefined))),
  );
}

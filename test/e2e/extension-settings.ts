/**
 * Writing Backstory's settings the way the popup and options page do: storage.sync, from an
 * extension page (the options page, opened as a tab), so every content script hears the change.
 * Used by the React, injection and privacy tests.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserHandle } from '../../scripts/harness/browsers';

/** The extension API inside an extension page (Firefox: browser, Chromium: chrome; both promise-based in MV3). */
interface ExtensionGlobal {
  browser?: ExtensionApi;
  chrome?: ExtensionApi;
}
interface ExtensionApi {
  storage: { sync: { set(items: object): Promise<void>; clear(): Promise<void> } };
}

/**
 * Stores `settings` as the settings blob, or clears storage.sync (back to defaults) for null.
 * Brings `page` back to the front afterwards: a tab left behind another gets no animation frames
 * and throttled timers, which would slow the page under test, not the extension.
 */
export async function storeSettings(handle: BrowserHandle, settings: object | null, page?: Page): Promise<void> {
  const extensionPage = await handle.openExtensionPage('options/options.html');
  try {
    await extensionPage.evaluate(async (wanted) => {
      const global = globalThis as unknown as ExtensionGlobal;
      const api = (global.browser ?? global.chrome)!;
      if (wanted === null) await api.storage.sync.clear();
      else await api.storage.sync.set({ settings: wanted });
    }, settings);
  } finally {
    await extensionPage.close();
  }
  await page?.bringToFront();
}

/** The settings blob that switches Backstory off everywhere (the popup's global switch). */
export const SWITCHED_OFF = { version: 2, enabled: false } as const;

/**
 * Privacy of the library, in Chromium and Firefox ESR: capturing a page, the library page (list,
 * search, export, import) and the reader on a saved article make no request beyond the
 * extension's own files. The same channels as privacy.test.ts watch each context (see
 * ./network-watch.ts), each proved by a canary request made on purpose.
 *
 * The save goes straight to the background's save-page from an extension page, the message the
 * popup sends: this file runs on the production build, which has no popup test hook.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowsers, pageLog } from './harness';
import { clearLibrary, fixture, grantActiveTab, tabIdOf } from './library-helpers';
import { fetchFrom, openRecordedExtensionPage, recordRequests, watchBackground } from './network-watch';

type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describeBrowsers((b) => {
  it('capture, the library page, export, import and the reader on a saved article make no request of their own', async () => {
    await clearLibrary(b.handle);
    const background = await watchBackground(b.handle);
    const pageRequests: string[] = [];
    const extensionRequests: string[] = [];
    const ownFiles = `${b.handle.extensionOrigin}/`;
    const canary = (context: string) => b.server.route(`/canary/library-${context}`, 'ok');
    try {
      recordRequests(b.page, pageRequests);
      const articleUrl = b.server.page(fixture('framed-article.html'), '/library-privacy.html');
      await b.page.goto(articleUrl);
      const tabId = await tabIdOf(b.handle, b.page);
      if (b.name === 'chromium') await grantActiveTab(b.handle, b.page);

      const library = await openRecordedExtensionPage(b.handle, 'library/library.html', extensionRequests);
      const reply = (await library.evaluate(async (id: number) => {
        const global = globalThis as unknown as { browser?: Api; chrome?: Api };
        return (global.browser ?? global.chrome)!.runtime.sendMessage({ type: 'save-page', tabId: id, replace: false });
      }, tabId)) as { ok: boolean; value: { status: string; id: string } };
      expect(reply.value.status).toBe('saved');

      await library.reload({ waitUntil: b.name === 'firefox' ? 'networkidle2' : 'load' });
      await library.waitForFunction(() => document.querySelectorAll('#articles > li').length === 1, { polling: 'mutation' });
      await library.type('#search', 'typhoon');
      await library.waitForSelector('#articles mark');
      // The download is caught in the page (the blob it offers), as in library.test.ts.
      await library.evaluate(() => {
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          (window as unknown as { __file?: Promise<string> }).__file = fetch(this.href).then((response) => response.text());
        };
        document.getElementById('export')!.click();
      });
      await library.waitForFunction(() => (window as unknown as { __file?: unknown }).__file !== undefined);
      const exported = await library.evaluate(() => (window as unknown as { __file: Promise<string> }).__file);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'backstory-import-'));
      await writeFile(path.join(dir, 'library.json'), exported);
      const input = await library.$('#import-file');
      await (input as unknown as { uploadFile(file: string): Promise<void> }).uploadFile(path.join(dir, 'library.json'));
      await library.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').startsWith('Imported'), { polling: 'mutation' });
      await fetchFrom(library, canary('page'));
      await library.close();

      const reader = await openRecordedExtensionPage(b.handle, `reader/reader.html?article=${reply.value.id}&p=0`, extensionRequests);
      await reader.waitForSelector('.saved-source');
      await reader.close();

      await background.canary(canary('background'));
      const canaries = new Set([canary('page'), canary('background')]);
      const leftTheExtension = (urls: readonly string[]) =>
        urls.filter((url) => !url.startsWith(ownFiles) && !/^(data|blob):/.test(url) && !canaries.has(url));

      expect(extensionRequests).toContain(canary('page'));
      expect(leftTheExtension(extensionRequests)).toEqual([]);
      const backgroundRequests = await background.urls();
      expect(backgroundRequests, background.channel).toContain(canary('background'));
      expect(leftTheExtension(backgroundRequests), background.channel).toEqual([]);
      // Capture read the open page and fetched nothing: the page asked its server for itself (and its icon) only.
      expect(pageRequests.filter((url) => url !== articleUrl && !url.endsWith('/favicon.ico') && !url.startsWith('data:'))).toEqual([]);
      expect(pageLog(b.page).blockedRequests).toEqual([]);
    } finally {
      await background.stop();
    }
  });
});

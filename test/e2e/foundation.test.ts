/**
 * The ground every other real-browser test stands on, in Chromium and Firefox ESR: the built
 * extension installs cleanly, its content script runs on a loopback page, and its reader page
 * renders a bundled article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTICLES } from '../../src/shared/library';
import { DIST_CHROME, DIST_FIREFOX, currentUrl, describeBrowsers, hoverMention, pageLog, waitForMarks, waitForMarksIn } from './harness';

interface BuiltManifest {
  version: string;
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

/** The one extension API the test calls inside the service worker. */
interface ChromeGlobal {
  chrome: { runtime: { getManifest(): { version: string } } };
}

/** The one extension API the test calls in a Firefox extension page. */
interface FirefoxGlobal {
  browser: { runtime: { getBackgroundPage(): Promise<Window | null> } };
}

function builtManifest(dir: string): BuiltManifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** The extension's own pages that the manifest declares. */
function declaredPages(manifest: BuiltManifest): string[] {
  return [manifest.action?.default_popup, manifest.options_ui?.page].filter((page): page is string => Boolean(page));
}

const article = ARTICLES[0];

describeBrowsers((b) => {
  it('installs the extension, its background starts, and its pages open without errors', async () => {
    const manifest = builtManifest(b.name === 'chromium' ? DIST_CHROME : DIST_FIREFOX);
    if (b.name === 'chromium') {
      // A service worker that throws while starting never becomes a running target.
      const worker = await b.handle.backgroundWorker();
      expect(worker).not.toBeNull();
      const version = await worker?.evaluate(
        () => (globalThis as unknown as ChromeGlobal).chrome.runtime.getManifest().version,
      );
      expect(version).toBe(manifest.version);
    } else {
      expect(b.handle.extensionId).toBe(manifest.browser_specific_settings?.gecko?.id);
      // Firefox runs the background as an event page; an extension page can reach it.
      const page = await b.handle.openExtensionPage(declaredPages(manifest)[0] ?? '');
      const background = await page.evaluate(async () => {
        const runtime = (globalThis as unknown as FirefoxGlobal).browser.runtime;
        const window = await runtime.getBackgroundPage();
        return { url: window?.location.href ?? null, readyState: window?.document.readyState ?? null };
      });
      expect(background).toEqual({ url: `${b.handle.extensionOrigin}/_generated_background_page.html`, readyState: 'complete' });
      await page.close();
    }

    const pages = declaredPages(manifest);
    expect(pages.length).toBeGreaterThan(0);
    for (const extensionPage of pages) {
      const page = await b.handle.openExtensionPage(extensionPage);
      expect(await currentUrl(page)).toBe(`${b.handle.extensionOrigin}/${extensionPage}`);
      await page.waitForFunction(() => document.readyState === 'complete' && document.body !== null);
      expect(pageLog(page), extensionPage).toEqual({ blockedRequests: [], pageErrors: [], consoleErrors: [] });
      await page.close();
    }
  });

  it('runs the content script on a loopback page: the demo article gets highlights', async () => {
    await b.page.goto(b.server.url('/demo/article.html'));
    const found = await waitForMarks(b.page);
    expect(found.length).toBeGreaterThan(0);
    for (const mark of found) {
      expect(mark.entity).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(mark.text.trim()).not.toBe('');
    }
    expect(pageLog(b.page)).toEqual({ blockedRequests: [], pageErrors: [], consoleErrors: [] });
  });

  it('the extension itself requests nothing beyond its own files while it highlights a page', async () => {
    // Chromium only: its service worker is a target whose requests CDP can watch. Page requests
    // (content script included) are already checked by every test's pageLog.
    if (b.name !== 'chromium') return;
    const worker = await b.handle.backgroundTarget();
    if (!worker) throw new Error('no service worker');
    const session = await worker.createCDPSession();
    const requested: string[] = [];
    session.on('Network.requestWillBeSent', (event) => requested.push(event.request.url));
    await session.send('Network.enable');
    await b.page.goto(b.server.url('/demo/article.html'));
    await waitForMarksIn(b.page, '#most-read');
    await hoverMention(b.page, 'salt-typhoon');
    await session.detach();
    expect(requested.filter((url) => !url.startsWith(`${b.handle.extensionOrigin}/`))).toEqual([]);
    expect(pageLog(b.page).blockedRequests).toEqual([]);
  });

  it('reader page renders a bundled article: headline, publisher and paragraphs', async () => {
    expect(article).toBeDefined();
    if (!article) return;
    const page = await b.handle.openExtensionPage(`reader/reader.html?article=${encodeURIComponent(article.id)}`);
    await page.waitForSelector('article h1');
    const shown = await page.evaluate(() => ({
      title: document.querySelector('article h1')?.textContent ?? '',
      text: document.querySelector('article')?.textContent ?? '',
    }));
    expect(shown.title).toBe(article.headline ?? article.publisher);
    expect(shown.text).toContain(article.publisher);
    for (const paragraph of article.paragraphs) expect(shown.text).toContain(paragraph);
    expect(pageLog(page)).toEqual({ blockedRequests: [], pageErrors: [], consoleErrors: [] });
    await page.close();
  });

  it('reader page opened with ?article=…&p=2 sets the third paragraph apart and moves focus there', async () => {
    if (!article) throw new Error('the library has no article');
    expect(article.paragraphs.length).toBeGreaterThan(2);
    const page = await b.handle.openExtensionPage(`reader/reader.html?article=${encodeURIComponent(article.id)}&p=2`);
    await page.waitForSelector('article h1');
    const target = await page.evaluate((expected: string) => {
      const paragraphs = Array.from(document.querySelectorAll('article p')).filter(
        (element) => element.textContent === expected,
      );
      const paragraph = paragraphs[0];
      const other = Array.from(document.querySelectorAll('article p')).find(
        (element) => element !== paragraph && (element.textContent ?? '').length > 40,
      );
      if (!paragraph || !other) return null;
      // "Set apart" is visual: some box style must differ from an ordinary paragraph's.
      const [targetLook, otherLook] = [paragraph, other].map((element) => {
        const style = getComputedStyle(element);
        return [style.backgroundColor, style.borderLeftWidth, style.borderLeftColor, style.outlineStyle, style.boxShadow].join('|');
      });
      return {
        count: paragraphs.length,
        focusInside: paragraph.contains(document.activeElement),
        looksDifferent: targetLook !== otherLook,
      };
    }, article.paragraphs[2] ?? '');
    expect(target).toEqual({ count: 1, focusInside: true, looksDifferent: true });
    await page.close();
  });
});

/**
 * Privacy and page integrity, in Chromium and Firefox ESR, while Backstory is used the way a
 * reader uses it: highlighting, hover cards, the reader opened from a card, the popup's switch.
 * - No request leaves the extension: the page fetches only from its own server, and the popup,
 *   options, reader and background fetch only the extension's packaged files (how each context
 *   is watched, and what Firefox lets us see, is in ./network-watch.ts).
 * - The content script adds no global to the page's main world.
 * - It sets, changes or removes no attribute of the page's own elements, and adds no element
 *   but its UI host (highlights are painted, not written).
 */
import type { Page } from 'puppeteer-core';
import { beforeEach, expect, it } from 'vitest';
import { CATALOG } from '../../src/shared/catalog/entities';
import { PRIVACY_QUIET_WATCH_MS, PRIVACY_TAB_POLL_MS } from './timing';
import { SWITCHED_OFF, storeSettings } from './extension-settings';
import { PIECE_COUNT, currentUrl, describeBrowsers, hoverMention, pageLog, waitForCard, waitForCardClosed, waitForEntities, waitForMarks } from './harness';
import { fetchFrom, openRecordedExtensionPage, recordRequests, resourceTimingUrls, watchBackground } from './network-watch';

const PAGE_PATH = '/privacy.html';
const ENTITIES = ['salt-typhoon', 'mss', 'h200', 'xi-jinping', 'white-house'];
const NAME_OF = new Map(CATALOG.map((entry) => [entry.id, entry.name]));
/**
 * Globals the test driver itself puts in the page (puppeteer's ARIA query bindings in Chromium):
 * not the extension's, and present with or without it.
 */
const DRIVER_GLOBALS = /^(puppeteer_|__ariaQuerySelector)/;

/**
 * A story with names in plain text, in a link with a title, in a list; a form holding names.
 * Its first script records the main world's globals before anything else runs; its last records
 * every element and its attributes once the document is parsed, before the content script
 * (document_idle) starts.
 */
const PAGE = `<!doctype html>
<html lang="en" data-theme="light">
<head><meta charset="utf-8"><title>Privacy and integrity</title>
<script>window.__pristine = { names: Object.getOwnPropertyNames(window) };</script>
</head>
<body class="story" data-page="privacy">
<article id="story" style="max-width: 40em">
<h1 class="headline">US shelves sanctions on China's spy agency</h1>
<p id="lead" class="lead" data-section="lead">Hackers of <a href="#more" title="More on the campaign" class="inline-link">Salt Typhoon</a> targeted US telecom networks, officials said.</p>
<p lang="en" dir="ltr">China’s Ministry of State Security (MSS) denied it. Nvidia’s H200 chips may be sold to China.</p>
<ul class="facts"><li data-rank="1">Xi Jinping met Donald Trump.</li><li data-rank="2" hidden>Scott Bessent was not there.</li></ul>
<form action="#" autocomplete="off"><input name="q" value="Salt Typhoon"><textarea name="notes">Nvidia</textarea></form>
<p id="more" tabindex="0" aria-label="More">Scott Bessent spoke at the White House.</p>
</article>
<script>
  window.__pristine.elements = Array.from(document.querySelectorAll('*'));
  window.__pristine.attributes = window.__pristine.elements.map((element) =>
    Array.from(element.attributes, (attribute) => attribute.name + '=' + attribute.value).sort().join(' '));
</script>
</body></html>`;

interface Pristine {
  names: string[];
  elements: Element[];
  attributes: string[];
}

/** Globals of the page's main world added or removed since its first script ran. */
function globalsChanged(page: Page): Promise<{ added: string[]; removed: string[] }> {
  return page.evaluate((driverGlobals: string) => {
    const pristine = (window as unknown as { __pristine: Pristine }).__pristine;
    const driver = new RegExp(driverGlobals);
    const before = new Set(pristine.names);
    const now = Object.getOwnPropertyNames(window);
    const after = new Set(now);
    return {
      added: now.filter((name) => !before.has(name) && name !== '__pristine' && !driver.test(name)),
      removed: pristine.names.filter((name) => !after.has(name)),
    };
  }, DRIVER_GLOBALS.source);
}

/**
 * Every difference from the page as parsed: an element of the page's with other attributes, an
 * element of the page's gone, an element that is neither the page's nor our UI host.
 */
function attributeChanges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pristine = (window as unknown as { __pristine: Pristine }).__pristine;
    const problems: string[] = [];
    pristine.elements.forEach((element, index) => {
      const described = `<${element.localName}${element.id ? `#${element.id}` : ''}> (element ${index})`;
      if (!element.isConnected) {
        problems.push(`${described} was removed`);
        return;
      }
      const now = Array.from(element.attributes, (attribute) => attribute.name + '=' + attribute.value).sort().join(' ');
      if (now !== pristine.attributes[index]) problems.push(`${described}: "${pristine.attributes[index]}" became "${now}"`);
    });
    const known = new Set(pristine.elements);
    for (const element of Array.from(document.querySelectorAll('*'))) {
      if (known.has(element) || element.matches('backstory-ui') || element.closest('backstory-ui')) continue;
      problems.push(`a new <${element.localName}> in the page: ${element.outerHTML.slice(0, 120)}`);
    }
    return problems;
  });
}

/**
 * URLs not under `prefix`, leaving out data: and blob: URLs: they are read in place and never
 * reach a network (Firefox reports its built-in list-bullet font, a data: URL, as a request).
 */
function notFrom(prefix: string, urls: readonly string[]): string[] {
  return urls.filter((url) => !url.startsWith(prefix) && !/^(data|blob):/.test(url));
}

describeBrowsers((b) => {
  beforeEach(async () => {
    await storeSettings(b.handle, null);
    b.server.page(PAGE, PAGE_PATH);
  });

  async function openStory(): Promise<void> {
    await b.page.bringToFront();
    await b.page.setViewport({ width: 1200, height: 800 });
    await b.page.goto(b.server.url(PAGE_PATH));
    await waitForEntities(b.page, ENTITIES);
  }

  /** Hovers a mention, waits for its card, closes it with Escape. */
  async function useCard(entity: string, name: string | undefined): Promise<void> {
    await hoverMention(b.page, entity);
    await waitForCard(b.page, name);
    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);
  }

  /**
   * Clicks "Read in …" on the open card and returns the reader tab the background opens. Tabs are
   * told apart by their document's address: Firefox's page.url() can read about:blank there.
   */
  async function openReaderFromCard(): Promise<Page> {
    const before = new Set(await b.handle.browser.pages());
    const button = await b.page.waitForSelector('pierce/button.read');
    if (!button) throw new Error('the card has no "Read in" button');
    await button.click();
    const readerPrefix = `${b.handle.extensionOrigin}/reader/`;
    for (;;) {
      for (const page of await b.handle.browser.pages()) {
        if (before.has(page)) continue;
        const address = await currentUrl(page).catch(() => '');
        if (address.startsWith(readerPrefix)) {
          await page.waitForFunction(() => document.readyState === 'complete');
          return page;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, PRIVACY_TAB_POLL_MS));
    }
  }

  it('no request leaves the extension: page, popup, options, reader and background fetch only their own files', async () => {
    const background = await watchBackground(b.handle);
    const pageRequests: string[] = [];
    const extensionPageRequests: string[] = [];
    const readerRequests: string[] = [];
    const readerResources: string[] = [];
    const ownFiles = `${b.handle.extensionOrigin}/`;
    // Requests the test makes on purpose from each context, so each channel proves it would see one.
    const canary = (context: string) => b.server.route(`/canary/${context}`, 'ok');
    try {
      recordRequests(b.page, pageRequests);
      await openStory();
      await useCard('mss', NAME_OF.get('mss'));
      await hoverMention(b.page, 'salt-typhoon');
      await waitForCard(b.page, NAME_OF.get('salt-typhoon'));
      // The reader the card opened: watched from the moment the test gets hold of it, and read
      // back through Resource Timing (which Chromium keeps only for http documents); then the
      // same address opened again, watched from before it loads.
      const reader = await openReaderFromCard();
      recordRequests(reader, readerRequests);
      await fetchFrom(reader, canary('reader'));
      readerResources.push(...(await resourceTimingUrls(reader)));
      const readerPath = (await currentUrl(reader)).slice(ownFiles.length);
      await reader.close();
      await (await openRecordedExtensionPage(b.handle, readerPath, extensionPageRequests)).close();
      await b.page.bringToFront();
      await b.page.keyboard.press('Escape');

      const popup = await openRecordedExtensionPage(b.handle, 'popup/popup.html', extensionPageRequests);
      await popup.waitForSelector('#switch-all:not([disabled])');
      await popup.click('#switch-all');
      await b.page.waitForFunction(`${PIECE_COUNT} === 0`, { polling: 50 });
      await popup.click('#switch-all');
      await b.page.waitForFunction(`${PIECE_COUNT} > 0`, { polling: 50 });
      await fetchFrom(popup, canary('popup'));
      await popup.close();

      const options = await openRecordedExtensionPage(b.handle, 'options/options.html', extensionPageRequests);
      await options.close();

      await b.page.bringToFront();
      await waitForMarks(b.page);
      await new Promise((resolve) => setTimeout(resolve, PRIVACY_QUIET_WATCH_MS));
      await background.canary(canary('background'));
      const backgroundRequests = await background.urls();
      const canaries = new Set(['reader', 'popup', 'background'].map(canary));
      const leftTheExtension = (urls: readonly string[]) => notFrom(ownFiles, urls).filter((url) => !canaries.has(url));

      // The page talked only to its own server, and asked it only for the page and its icon.
      expect(pageRequests).toContain(b.server.url(PAGE_PATH));
      expect(notFrom(`${b.server.origin}/`, pageRequests)).toEqual([]);
      expect(pageLog(b.page).blockedRequests).toEqual([]);
      expect([...new Set(b.server.requests)].filter((path) => ![PAGE_PATH, '/favicon.ico'].includes(path) && !path.startsWith('/canary/'))).toEqual([]);

      // Each channel saw its canary, so it was watching; nothing else left the extension.
      expect(extensionPageRequests).toContain(canary('popup'));
      expect(leftTheExtension(extensionPageRequests)).toEqual([]);
      expect([...readerRequests, ...readerResources]).toContain(canary('reader'));
      expect(leftTheExtension([...readerRequests, ...readerResources])).toEqual([]);
      // Chromium reports extension pages' own subresources too, so there the reader was seen loading its script.
      // Firefox's BiDi reports only their http(s) requests (the canaries), not moz-extension:// loads.
      if (b.name === 'chromium') expect(extensionPageRequests).toContain(`${ownFiles}reader/reader.js`);
      expect(backgroundRequests, background.channel).toContain(canary('background'));
      expect(leftTheExtension(backgroundRequests), background.channel).toEqual([]);
    } finally {
      await background.stop();
    }
  });

  it('adds no globals to the page and no attributes to its elements, through highlighting, cards and switching off and on', async () => {
    await openStory();
    const problems: string[] = [];
    const check = async (moment: string) => {
      for (const problem of await attributeChanges(b.page)) problems.push(`${moment}: ${problem}`);
    };
    await check('highlighted');

    await hoverMention(b.page, 'salt-typhoon');
    await waitForCard(b.page, NAME_OF.get('salt-typhoon'));
    await check('card open on a mention inside a link with a title');
    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);
    await check('card closed');

    await hoverMention(b.page, 'white-house');
    await waitForCard(b.page, NAME_OF.get('white-house'));
    await b.page.mouse.click(5, 5);
    await waitForCardClosed(b.page);
    await b.page.focus('#more');
    await check('card opened and dismissed with a click elsewhere');

    await storeSettings(b.handle, SWITCHED_OFF, b.page);
    await b.page.waitForFunction(`${PIECE_COUNT} === 0`, { polling: 50 });
    await check('switched off');
    await storeSettings(b.handle, null, b.page);
    await waitForEntities(b.page, ENTITIES);
    await check('switched on again');

    expect(problems).toEqual([]);
    expect(await globalsChanged(b.page)).toEqual({ added: [], removed: [] });
    expect(pageLog(b.page).pageErrors).toEqual([]);
  });
});

/**
 * Markup in the knowledge base stays text in real browsers: with a test copy of the extension
 * whose Alibaba summary and quote carry `<img src=x onerror=alert(1)>` and
 * `<script>alert(1)</script>` (./hostile-build.ts), hovering a mention opens a card that shows
 * both literally, no img or script element appears in the card or the page, no dialog opens,
 * and the img's `src=x` is never fetched. The reader, which names an unknown article from its
 * address, shows markup there as text too.
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HOSTILE_QUOTE, HOSTILE_SUMMARY, IMG_MARKUP, SCRIPT_MARKUP, buildHostileExtension } from './hostile-build';

const hostileDist = path.join(os.tmpdir(), `backstory-e2e-hostile-${process.pid}`);
const { entityId } = await buildHostileExtension(hostileDist, 'alibaba');
const previousDist = process.env.BACKSTORY_DIST_DIR;
process.env.BACKSTORY_DIST_DIR = hostileDist;
const { currentUrl, describeBrowsers, hoverMention, pageLog, waitForCard, waitForEntities } = await import('./harness');
if (previousDist === undefined) delete process.env.BACKSTORY_DIST_DIR;
else process.env.BACKSTORY_DIST_DIR = previousDist;

afterAll(() => rm(hostileDist, { recursive: true, force: true }));

/**
 * The page records, in its main world (where an inline onerror would run), every alert and
 * every img or script element added anywhere, the card's open shadow root included.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Injection</title>
<script>
  window.seen = { alerts: [], elements: [] };
  window.alert = (message) => window.seen.alerts.push(String(message));
  const inspect = (elements) => {
    for (const element of elements) {
      if (element.matches('img, script')) window.seen.elements.push(element.outerHTML);
      if (element.shadowRoot) watch(element.shadowRoot);
    }
  };
  const watch = (root) => {
    if (root !== document) inspect(root.querySelectorAll('*'));
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node.nodeType === 1) inspect([node, ...node.querySelectorAll('*')]);
      }
    }).observe(root, { childList: true, subtree: true });
  };
  watch(document);
</script></head>
<body><article><h1>Markets</h1>
<p>A White House memo raised concerns about Alibaba, the Chinese tech group, which rejected the claims.</p>
</article></body></html>`;

describeBrowsers((b) => {
  it('a card whose knowledge holds <img onerror> and <script> shows them as text, and nothing runs', async () => {
    const dialogs: string[] = [];
    b.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    });
    await b.page.goto(b.server.page(PAGE, '/injection.html'));
    await waitForEntities(b.page, [entityId]);
    await hoverMention(b.page, entityId);
    const card = await waitForCard(b.page, 'Alibaba');

    expect(card.text).toContain(HOSTILE_SUMMARY);
    expect(card.text).toContain(HOSTILE_QUOTE);
    const quotes = await b.page.evaluate(() =>
      Array.from(document.querySelector('backstory-ui')?.shadowRoot?.querySelectorAll('blockquote') ?? [], (quote) => quote.textContent),
    );
    expect(quotes).toContain(HOSTILE_SUMMARY);
    expect(quotes).toContain(HOSTILE_QUOTE);

    const found = await b.page.evaluate(() => ({
      inCard: document.querySelector('backstory-ui')?.shadowRoot?.querySelectorAll('img, script').length ?? -1,
      inBody: document.body.querySelectorAll('img, script').length,
      seen: (window as unknown as { seen: { alerts: string[]; elements: string[] } }).seen,
    }));
    expect(found).toEqual({ inCard: 0, inBody: 0, seen: { alerts: [], elements: [] } });
    expect(dialogs).toEqual([]);
    // An <img src=x> made from the string would have asked the page's server for /x.
    expect(b.server.requests.filter((request) => request.endsWith('/x'))).toEqual([]);
    expect(pageLog(b.page).pageErrors).toEqual([]);
  });

  it('the reader shows markup from its address (an unknown article id) as text', async () => {
    const hostileId = `${IMG_MARKUP}${SCRIPT_MARKUP}`;
    const reader = await b.handle.openExtensionPage(`reader/reader.html?article=${encodeURIComponent(hostileId)}`);
    try {
      expect(await currentUrl(reader)).toContain('reader/reader.html');
      await reader.waitForSelector('[role="status"]');
      const shown = await reader.evaluate(() => ({
        notice: document.querySelector('[role="status"]')?.textContent ?? '',
        madeFromMarkup: document.body.querySelectorAll('img, script').length,
      }));
      expect(shown.notice).toContain(hostileId);
      expect(shown.madeFromMarkup).toBe(0);
      expect(pageLog(reader).pageErrors).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});

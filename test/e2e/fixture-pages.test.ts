/**
 * The fixture pages in test/fixtures/pages/, in both browsers: look-alike names stay plain,
 * forms, editors and code are never touched, and a very long page is highlighted to its end.
 * Each page ends with a sentinel paragraph naming an entity; once that is highlighted, the
 * content script has scanned everything before it.
 */
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { countByEntity, describeBrowsers, marks, marksIn, pageLog, waitForMarksIn } from './harness';

async function openScanned(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForMarksIn(page, '#sentinel');
}

describeBrowsers((b) => {
  it('traps.html: no look-alike is highlighted, while the full names before them are', async () => {
    await openScanned(b.page, b.server.url('/traps.html'));
    expect(await marksIn(b.page, '.trap')).toEqual([]);
    const named = new Set((await marksIn(b.page, '#full-names')).map((mark) => mark.entity));
    expect(named).toEqual(new Set(['donald-trump', 'xi-jinping', 'stephen-miller', 'jake-sullivan']));
  });

  it('editable.html: form fields, editors and code keep their text and get no highlights', async () => {
    await openScanned(b.page, b.server.url('/editable.html'));
    expect(await marksIn(b.page, '.untouchable')).toEqual([]);
    const values = await b.page.evaluate(() => ({
      subject: (document.getElementById('subject') as HTMLInputElement).value,
      message: (document.getElementById('message') as HTMLTextAreaElement).value,
      editor: document.getElementById('editor')?.innerHTML,
    }));
    expect(values).toEqual({
      subject: 'Salt Typhoon and the MSS',
      message: 'Nvidia’s H200 and the Busan truce',
      editor: '<p>Draft: Scott Bessent met Xi Jinping.</p>',
    });
  });

  it('long.html: 3,000 paragraphs are highlighted to the end without page errors', async () => {
    await openScanned(b.page, b.server.url('/long.html'));
    const counts = countByEntity(await marks(b.page));
    // Six paragraphs (every 500th) name Salt Typhoon; the sentinel names Alibaba.
    expect(counts.get('salt-typhoon')).toBe(6);
    expect(counts.get('alibaba')).toBe(1);
    expect(pageLog(b.page).pageErrors).toEqual([]);
  });
});

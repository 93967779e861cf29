/**
 * A single-page app that swaps its story through the history API, in Chromium and Firefox ESR:
 * the new story is highlighted, and a short form ("Xi") counts on the new page only once that
 * page has named the person in full, because each navigation starts a fresh page memory.
 */
import { expect, it } from 'vitest';
import { describeBrowsers, marks, pageLog, waitForEntities } from './harness';

const APP = `<!doctype html><meta charset="utf-8"><title>SPA</title>
<main id="story"><p>Chinese President Xi Jinping met officials in Beijing.</p></main>
<button id="next" type="button">Next story</button>
<script>
  const stories = {
    '/spa/second': '<p>Later, Xi said nothing about it.</p><p>Nvidia shipped the H200 chip to China.</p>',
    '/spa/third': '<p>Officials said Salt Typhoon hacked telecom networks.</p>',
  };
  function show(path) {
    document.getElementById('story').replaceChildren();
    document.getElementById('story').insertAdjacentHTML('beforeend', stories[path]);
  }
  document.getElementById('next').addEventListener('click', () => {
    const path = location.pathname === '/spa/first' ? '/spa/second' : '/spa/third';
    history.pushState({}, '', path);
    show(path);
  });
  addEventListener('popstate', () => show(location.pathname));
</script>`;

describeBrowsers((b) => {
  it('highlights each story an app swaps in through pushState, with a fresh page memory per story', async () => {
    b.server.page(APP, '/spa/first');
    await b.page.goto(b.server.url('/spa/first'));
    await waitForEntities(b.page, ['xi-jinping']);

    await b.page.click('#next');
    await waitForEntities(b.page, ['nvidia', 'h200']);
    // "Xi" alone on the new story: its full name appeared only on the previous page.
    expect((await marks(b.page)).map((mark) => mark.entity)).not.toContain('xi-jinping');

    await b.page.click('#next');
    await waitForEntities(b.page, ['salt-typhoon']);
    expect(await b.page.evaluate(() => location.pathname)).toBe('/spa/third');
    expect(pageLog(b.page).pageErrors).toEqual([]);
  });
});

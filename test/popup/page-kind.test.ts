import { describe, expect, it, vi } from 'vitest';
import { classifyPage } from '../../src/popup/page-kind';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

describe('classifyPage', () => {
  it('reads a web page with its site', () => {
    expect(classifyPage('https://www.ft.com/content/x')).toEqual({ kind: 'web', hostname: 'www.ft.com', siteKey: 'ft.com', pdf: false });
  });

  it('flags a PDF address, which may be the browser viewer', () => {
    expect(classifyPage('https://example.com/report.PDF')).toMatchObject({ kind: 'web', pdf: true });
  });

  it.each([
    ['chrome://extensions/', 'browser-page'],
    ['chrome://newtab/', 'browser-page'],
    ['about:newtab', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['moz-extension://abc/popup/popup.html', 'browser-page'],
    ['chrome-extension://abc/options/options.html', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/detail/x', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'web-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'web-store'],
    ['file:///home/me/story.html', 'file'],
    ['data:text/html,<p>hi</p>', 'other'],
    ['blob:https://example.com/1234', 'other'],
    ['ftp://example.com/', 'other'],
  ])('%s cannot run (%s)', (url, reason) => {
    expect(classifyPage(url)).toEqual({ kind: 'cannot-run', reason });
  });

  it('does not mistake other Google or Mozilla pages for stores', () => {
    expect(classifyPage('https://chrome.google.com/')).toMatchObject({ kind: 'web' });
    expect(classifyPage('https://www.mozilla.org/')).toMatchObject({ kind: 'web' });
  });

  it('says unknown when the browser shares no address', () => {
    expect(classifyPage(undefined)).toEqual({ kind: 'unknown' });
    expect(classifyPage('')).toEqual({ kind: 'unknown' });
  });
});

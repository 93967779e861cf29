import { describe, expect, it } from 'vitest';
import { siteKeyForInput, siteKeyForUrl } from '../../../src/shared/settings/site-key';

describe('siteKeyForUrl', () => {
  it.each([
    ['https://www.ft.com/content/abc', 'ft.com'],
    ['https://news.bbc.co.uk/2/hi', 'bbc.co.uk'],
    ['http://Example.COM:8080/path?q=1#x', 'example.com'],
    ['https://alice.github.io/blog', 'alice.github.io'],
    ['https://www.cnews.live./story', 'cnews.live'],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
  ])('%s → %s', (url, key) => {
    expect(siteKeyForUrl(url)).toBe(key);
  });

  it.each([
    ['http://localhost:3000/', 'localhost'],
    ['http://127.0.0.1:8000/', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['http://intranet/wiki', 'intranet'],
  ])('keys hosts without a registrable domain by hostname: %s', (url, key) => {
    expect(siteKeyForUrl(url)).toBe(key);
  });

  it.each([
    'chrome://extensions/',
    'about:addons',
    'moz-extension://abc/popup.html',
    'chrome-extension://abc/popup.html',
    'file:///home/me/story.html',
    'data:text/html,hi',
    'view-source:https://example.com/',
    'not a url',
    '',
    undefined,
  ])('is null for %j', (url) => {
    expect(siteKeyForUrl(url)).toBeNull();
  });
});

describe('siteKeyForInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.com  ', 'example.com'],
    ['https://www.ft.com/content/1', 'ft.com'],
    ['localhost', 'localhost'],
  ])('%j → %s', (text, key) => {
    expect(siteKeyForInput(text)).toBe(key);
  });

  it.each(['', '   ', 'two words.com', 'ftp://example.com', 'javascript:alert(1)'])('rejects %j', (text) => {
    expect(siteKeyForInput(text)).toBeNull();
  });
});

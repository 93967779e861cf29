/**
 * What kind of page the popup was opened on, from its address alone: whether Backstory can run
 * there at all, and if not, why (in words the popup shows).
 */
import { siteKeyForUrl } from '../shared/settings/site-key';

export type CannotRunReason = 'browser-page' | 'web-store' | 'file' | 'pdf' | 'other';

export type PageKind =
  | { kind: 'web'; hostname: string; siteKey: string; pdf: boolean }
  | { kind: 'cannot-run'; reason: CannotRunReason }
  /** The browser did not say (no address was shared with the extension). */
  | { kind: 'unknown' };

const BROWSER_PAGE_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'view-source:',
]);

/** Stores where browsers forbid extensions from running, by host and path prefix. */
const WEB_STORES: ReadonlyArray<readonly [host: string, pathPrefix: string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
  ['addons.opera.com', '/'],
];

export function classifyPage(url: string | undefined): PageKind {
  if (!url) return { kind: 'unknown' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown' };
  }
  if (BROWSER_PAGE_SCHEMES.has(parsed.protocol)) return { kind: 'cannot-run', reason: 'browser-page' };
  if (parsed.protocol === 'file:') return { kind: 'cannot-run', reason: 'file' };
  const siteKey = siteKeyForUrl(url);
  if (!siteKey) return { kind: 'cannot-run', reason: 'other' };
  const hostname = parsed.hostname.toLowerCase();
  if (WEB_STORES.some(([host, prefix]) => hostname === host && parsed.pathname.startsWith(prefix))) {
    return { kind: 'cannot-run', reason: 'web-store' };
  }
  // Browsers show PDFs in a viewer that content scripts cannot enter; the address is the hint.
  const pdf = /\.pdf$/i.test(parsed.pathname);
  return { kind: 'web', hostname, siteKey, pdf };
}

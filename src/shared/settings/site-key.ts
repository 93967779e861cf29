/**
 * Site keys from URLs, with the public-suffix list (tldts). For the popup, options and background
 * only: the list is too large for the content script, which matches keys with site.ts instead.
 */
import { parse } from 'tldts';
import { normalizeSiteKey } from './schema';

/**
 * The key a per-site rule uses for a page: its registrable domain ("news.bbc.co.uk" → "bbc.co.uk",
 * private suffixes count, so "alice.github.io" stays separate from "bob.github.io"). IP addresses,
 * "localhost" and other hosts without a registrable domain are keyed by the hostname itself.
 * Null for anything that is not an http(s) page.
 */
export function siteKeyForUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return siteKeyForHostname(parsed.hostname);
}

export function siteKeyForHostname(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  const { domain, isIp } = parse(host, { allowPrivateDomains: true });
  return normalizeSiteKey(isIp || !domain ? host : domain);
}

/**
 * What the user typed into "Add a site": a URL, a hostname or a domain, with or without scheme
 * ("https://news.example.com/a", "news.example.com", "Example.COM"). Null when it names no site.
 */
export function siteKeyForInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return siteKeyForUrl(withScheme);
}

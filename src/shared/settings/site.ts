/**
 * Per-site rules without a public-suffix list (the content script must stay small): a rule for a
 * site key covers that host and every subdomain of it.
 */
import { MAX_DISABLED_SITES, SETTINGS_MAX_BYTES } from '../constants';
import { normalizeSiteKey, type Settings } from './schema';

/** Why Backstory is off on a page, when it is. */
export type InactiveReason = 'disabled-globally' | 'disabled-on-site';

/** Whether the content script should highlight on a page with this hostname. */
export function isActiveOnHost(settings: Settings, hostname: string): boolean {
  return inactiveReason(settings, hostname) === null;
}

export function inactiveReason(settings: Settings, hostname: string): InactiveReason | null {
  if (!settings.enabled) return 'disabled-globally';
  if (isSiteDisabled(settings, hostname)) return 'disabled-on-site';
  return null;
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.some((site) => hostMatchesSite(hostname, site));
}

/** "news.example.com" and "example.com" match site "example.com"; "badexample.com" does not. */
export function hostMatchesSite(hostname: string, site: string): boolean {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  return host === site || host.endsWith('.' + site);
}

/**
 * Settings with the site switched off (a no-op when it already is). Beyond the cap, or when the
 * blob would outgrow what storage.sync accepts, the oldest rules go first.
 */
export function withSiteDisabled(settings: Settings, siteKey: string): Settings {
  const site = normalizeSiteKey(siteKey);
  if (!site || settings.disabledSites.includes(site)) return settings;
  const next = { ...settings, disabledSites: [...settings.disabledSites, site].slice(-MAX_DISABLED_SITES) };
  while (JSON.stringify(next).length > SETTINGS_MAX_BYTES && next.disabledSites.length > 1) {
    next.disabledSites = next.disabledSites.slice(1);
  }
  return next;
}

/**
 * Settings with every rule that covers this host removed, so the host is on again even when an
 * older rule named it more narrowly ("news.example.com") or more broadly ("example.com").
 */
export function withHostEnabled(settings: Settings, hostname: string): Settings {
  const disabledSites = settings.disabledSites.filter((site) => !hostMatchesSite(hostname, site));
  return disabledSites.length === settings.disabledSites.length ? settings : { ...settings, disabledSites };
}

/** Settings without one rule (the options page's Remove button). */
export function withoutSite(settings: Settings, siteKey: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((site) => site !== siteKey) };
}

import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings/schema';
import {
  hostMatchesSite,
  inactiveReason,
  isActiveOnHost,
  withHostEnabled,
  withSiteDisabled,
  withoutSite,
} from '../../../src/shared/settings/site';
import { MAX_DISABLED_SITES, SETTINGS_MAX_BYTES } from '../../../src/shared/constants';

function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...overrides };
}

describe('isActiveOnHost', () => {
  it('is active everywhere by default', () => {
    expect(isActiveOnHost(defaultSettings(), 'www.ft.com')).toBe(true);
  });

  it('is inactive everywhere when the global switch is off', () => {
    const settings = settingsWith({ enabled: false });
    expect(isActiveOnHost(settings, 'www.ft.com')).toBe(false);
    expect(inactiveReason(settings, 'www.ft.com')).toBe('disabled-globally');
  });

  it('a disabled site covers itself and every subdomain', () => {
    const settings = settingsWith({ disabledSites: ['example.com'] });
    expect(isActiveOnHost(settings, 'example.com')).toBe(false);
    expect(isActiveOnHost(settings, 'news.example.com')).toBe(false);
    expect(isActiveOnHost(settings, 'a.b.example.com')).toBe(false);
    expect(inactiveReason(settings, 'news.example.com')).toBe('disabled-on-site');
  });

  it('a disabled site does not cover look-alikes or parents', () => {
    const settings = settingsWith({ disabledSites: ['example.com', 'news.bbc.co.uk'] });
    expect(isActiveOnHost(settings, 'badexample.com')).toBe(true);
    expect(isActiveOnHost(settings, 'example.com.evil.net')).toBe(true);
    expect(isActiveOnHost(settings, 'example.org')).toBe(true);
    expect(isActiveOnHost(settings, 'bbc.co.uk')).toBe(true);
    expect(isActiveOnHost(settings, 'www.bbc.co.uk')).toBe(true);
  });

  it('ignores case and a trailing dot in the hostname', () => {
    const settings = settingsWith({ disabledSites: ['example.com'] });
    expect(isActiveOnHost(settings, 'News.Example.COM')).toBe(false);
    expect(isActiveOnHost(settings, 'example.com.')).toBe(false);
  });

  it('matches IP addresses and localhost exactly', () => {
    const settings = settingsWith({ disabledSites: ['127.0.0.1', 'localhost', '[::1]'] });
    expect(isActiveOnHost(settings, '127.0.0.1')).toBe(false);
    expect(isActiveOnHost(settings, '27.0.0.1')).toBe(true);
    expect(isActiveOnHost(settings, 'localhost')).toBe(false);
    expect(isActiveOnHost(settings, '[::1]')).toBe(false);
  });
});

describe('hostMatchesSite', () => {
  it('needs a dot boundary', () => {
    expect(hostMatchesSite('xexample.com', 'example.com')).toBe(false);
    expect(hostMatchesSite('x.example.com', 'example.com')).toBe(true);
  });
});

describe('site rule edits', () => {
  it('disables a site once', () => {
    const once = withSiteDisabled(defaultSettings(), 'Example.com');
    expect(once.disabledSites).toEqual(['example.com']);
    expect(withSiteDisabled(once, 'example.com')).toBe(once);
  });

  it('ignores a key that is not a host', () => {
    const settings = defaultSettings();
    expect(withSiteDisabled(settings, 'not a host')).toBe(settings);
  });

  it('drops the oldest rule beyond the cap', () => {
    const full = settingsWith({ disabledSites: Array.from({ length: MAX_DISABLED_SITES }, (_, i) => `s${i}.test`) });
    const next = withSiteDisabled(full, 'new.test');
    expect(next.disabledSites).toHaveLength(MAX_DISABLED_SITES);
    expect(next.disabledSites.at(-1)).toBe('new.test');
    expect(next.disabledSites).not.toContain('s0.test');
  });

  it('keeps the blob within what storage.sync accepts, dropping the oldest long rules', () => {
    const long = (i: number) => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.site${i}.example`;
    let settings = defaultSettings();
    for (let i = 0; i < 100; i++) settings = withSiteDisabled(settings, long(i));
    expect(JSON.stringify(settings).length).toBeLessThanOrEqual(SETTINGS_MAX_BYTES);
    expect(settings.disabledSites.at(-1)).toBe(long(99));
    expect(settings.disabledSites).not.toContain(long(0));
    expect(settings.disabledSites.length).toBeGreaterThan(10);
  });

  it('enabling a host removes every rule that covers it, narrow or broad', () => {
    const settings = settingsWith({ disabledSites: ['example.com', 'news.example.com', 'other.org'] });
    const enabled = withHostEnabled(settings, 'news.example.com');
    expect(enabled.disabledSites).toEqual(['other.org']);
    expect(isActiveOnHost(enabled, 'news.example.com')).toBe(true);
  });

  it('enabling an already enabled host changes nothing', () => {
    const settings = settingsWith({ disabledSites: ['other.org'] });
    expect(withHostEnabled(settings, 'example.com')).toBe(settings);
  });

  it('removes exactly one rule', () => {
    const settings = settingsWith({ disabledSites: ['example.com', 'news.example.com'] });
    expect(withoutSite(settings, 'example.com').disabledSites).toEqual(['news.example.com']);
  });
});

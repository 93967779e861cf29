import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATEGORIES } from '../../../src/shared/catalog/types';
import {
  CARD_OPEN_DELAY_MS,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MAX_DISABLED_SITES,
} from '../../../src/shared/constants';
import { defaultSettings, normalizeSiteKey, validateSettings } from '../../../src/shared/settings/schema';

describe('defaultSettings', () => {
  it('is on, with every category, the soft background and the card delay', () => {
    const defaults = defaultSettings();
    expect(defaults.enabled).toBe(true);
    expect(defaults.disabledSites).toEqual([]);
    expect(Object.keys(defaults.categories).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.values(defaults.categories).every(Boolean)).toBe(true);
    expect(defaults.highlightStyle).toBe('background');
    expect(defaults.hoverDelayMs).toBe(CARD_OPEN_DELAY_MS);
  });

  it('hands out a fresh object each time, so callers cannot corrupt the defaults', () => {
    const first = defaultSettings();
    first.disabledSites.push('example.com');
    first.categories.person = false;
    expect(defaultSettings().disabledSites).toEqual([]);
    expect(defaultSettings().categories.person).toBe(true);
  });
});

describe('validateSettings', () => {
  it.each([undefined, null, 42, 'settings', true, [], [1, 2]])('falls back to defaults for %j', (garbage) => {
    expect(validateSettings(garbage)).toEqual(defaultSettings());
  });

  it('keeps valid fields and defaults only the broken ones', () => {
    const settings = validateSettings({
      enabled: false,
      disabledSites: 'example.com',
      categories: { person: false, place: 'no', dragons: false },
      highlightStyle: 'blink',
      hoverDelayMs: 700,
    });
    expect(settings.enabled).toBe(false);
    expect(settings.disabledSites).toEqual([]);
    expect(settings.categories.person).toBe(false);
    expect(settings.categories.place).toBe(true);
    expect(settings.categories).not.toHaveProperty('dragons');
    expect(settings.highlightStyle).toBe('background');
    expect(settings.hoverDelayMs).toBe(700);
  });

  it('fills a partial blob from the defaults', () => {
    expect(validateSettings({ highlightStyle: 'underline' })).toEqual({
      ...defaultSettings(),
      highlightStyle: 'underline',
    });
  });

  it('clamps the hover delay into the allowed range and rounds it', () => {
    expect(validateSettings({ hoverDelayMs: 1 }).hoverDelayMs).toBe(HOVER_DELAY_MIN_MS);
    expect(validateSettings({ hoverDelayMs: -500 }).hoverDelayMs).toBe(HOVER_DELAY_MIN_MS);
    expect(validateSettings({ hoverDelayMs: 10 ** 9 }).hoverDelayMs).toBe(HOVER_DELAY_MAX_MS);
    expect(validateSettings({ hoverDelayMs: 450.6 }).hoverDelayMs).toBe(451);
  });

  it.each([NaN, Infinity, '400', null])('uses the default delay for %j', (delay) => {
    expect(validateSettings({ hoverDelayMs: delay }).hoverDelayMs).toBe(CARD_OPEN_DELAY_MS);
  });

  it('cleans the site list: lower case, no duplicates, no junk', () => {
    const settings = validateSettings({
      disabledSites: ['Example.COM', 'example.com.', 42, '', 'a b.com', '<script>', 'bbc.co.uk', null, '[::1]'],
    });
    expect(settings.disabledSites).toEqual(['example.com', 'bbc.co.uk', '[::1]']);
  });

  it('caps the site list so the blob fits storage.sync', () => {
    const many = Array.from({ length: MAX_DISABLED_SITES + 50 }, (_, i) => `site${i}.example`);
    expect(validateSettings({ disabledSites: many }).disabledSites).toHaveLength(MAX_DISABLED_SITES);
  });

  it('always yields a valid shape, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const settings = validateSettings(raw);
        expect(typeof settings.enabled).toBe('boolean');
        expect(settings.hoverDelayMs).toBeGreaterThanOrEqual(HOVER_DELAY_MIN_MS);
        expect(settings.hoverDelayMs).toBeLessThanOrEqual(HOVER_DELAY_MAX_MS);
        expect(settings.disabledSites.every((site) => normalizeSiteKey(site) === site)).toBe(true);
        expect(Object.keys(settings.categories).sort()).toEqual([...CATEGORIES].sort());
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.object(), (raw) => {
        const once = validateSettings(raw);
        expect(validateSettings(once)).toEqual(once);
      }),
    );
  });
});

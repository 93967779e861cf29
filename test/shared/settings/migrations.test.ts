import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CARD_OPEN_DELAY_MS } from '../../../src/shared/constants';
import { migrateSettings, storedVersion } from '../../../src/shared/settings/migrations';
import { SETTINGS_VERSION, defaultSettings } from '../../../src/shared/settings/schema';

describe('migrateSettings', () => {
  it('turns a v1 blob into v2, keeping what the user chose', () => {
    const settings = migrateSettings({
      version: 1,
      on: false,
      disabledHosts: ['News.Example.com', 'www.bbc.co.uk', 'not a host'],
      underline: true,
      hoverDelay: 800,
    });
    expect(settings).toEqual({
      ...defaultSettings(),
      enabled: false,
      disabledSites: ['news.example.com', 'www.bbc.co.uk'],
      highlightStyle: 'underline',
      hoverDelayMs: 800,
    });
  });

  it('recognises a v1 blob written before versions were stored', () => {
    const settings = migrateSettings({ on: true, disabledHosts: ['example.org'] });
    expect(settings.enabled).toBe(true);
    expect(settings.disabledSites).toEqual(['example.org']);
  });

  it('repairs broken fields of a v1 blob instead of giving up', () => {
    const settings = migrateSettings({ version: 1, on: 'yes', disabledHosts: 7, hoverDelay: 5 });
    expect(settings.enabled).toBe(true);
    expect(settings.disabledSites).toEqual([]);
    expect(settings.hoverDelayMs).toBeGreaterThan(5);
  });

  it('reads the current version as it is', () => {
    const current = { ...defaultSettings(), enabled: false, disabledSites: ['example.com'] };
    expect(migrateSettings(current)).toEqual(current);
  });

  it('reads a newer version (after a downgrade) for the fields it understands', () => {
    const settings = migrateSettings({
      version: SETTINGS_VERSION + 3,
      enabled: false,
      highlightStyle: 'underline',
      someFutureField: { deep: true },
    });
    expect(settings.enabled).toBe(false);
    expect(settings.highlightStyle).toBe('underline');
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings).not.toHaveProperty('someFutureField');
  });

  it.each([0, -1, 1.5, 'two'])('treats an impossible version %j as unversioned', (version) => {
    expect(migrateSettings({ version, enabled: false }).enabled).toBe(false);
  });

  it.each([undefined, null, 'garbage', 3, []])('falls back to defaults for %j', (raw) => {
    expect(migrateSettings(raw)).toEqual(defaultSettings());
  });

  it('never throws, whatever storage holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ version: fc.integer({ min: -2, max: 5 }), on: fc.anything(), disabledHosts: fc.anything() }),
        ),
        (raw) => {
          expect(() => migrateSettings(raw)).not.toThrow();
        },
      ),
    );
  });
});

describe('storedVersion', () => {
  it('reads the stored number, infers v1 from its fields, and assumes current otherwise', () => {
    expect(storedVersion({ version: 1 })).toBe(1);
    expect(storedVersion({ version: 9 })).toBe(9);
    expect(storedVersion({ on: true })).toBe(1);
    expect(storedVersion({ enabled: true })).toBe(SETTINGS_VERSION);
  });
});

it('uses the card delay when v1 had none', () => {
  expect(migrateSettings({ version: 1, on: true }).hoverDelayMs).toBe(CARD_OPEN_DELAY_MS);
});

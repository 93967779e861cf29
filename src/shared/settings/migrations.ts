/**
 * Versioned migrations. Storage may hold any version ever shipped (or garbage); `migrateSettings`
 * turns whatever is there into the current shape without throwing.
 *
 * v1 stored `{ version: 1, on, disabledHosts, underline, hoverDelay }`: a boolean switch, rules
 * naming full hostnames, an underline flag and a delay. v2 renamed the switch, keys new rules by
 * registrable domain, replaced the flag with a style and added per-category switches.
 */
import { CARD_OPEN_DELAY_MS } from '../constants';
import { SETTINGS_VERSION, defaultSettings, isRecord, validateSettings, type Settings } from './schema';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  1: (v1) => ({
    version: 2,
    enabled: typeof v1.on === 'boolean' ? v1.on : true,
    // A v1 rule named one exact host. It stays keyed by that host: a rule for "news.example.com"
    // still covers that host (and now its subdomains) but never widens to all of example.com,
    // which the user did not ask for. The content script has no public-suffix list to do better.
    disabledSites: Array.isArray(v1.disabledHosts) ? v1.disabledHosts : [],
    highlightStyle: v1.underline === true ? 'underline' : 'background',
    hoverDelayMs: typeof v1.hoverDelay === 'number' ? v1.hoverDelay : CARD_OPEN_DELAY_MS,
  }),
};

/**
 * What storage held, read as the current version.
 * - Nothing or garbage: defaults.
 * - No version number: v1 if it has v1's fields, else read as current (partial writes).
 * - Older version: migrated step by step.
 * - Newer version (after a downgrade): the fields this version understands, the rest default.
 */
export function migrateSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return defaultSettings();
  let current: Record<string, unknown> = raw;
  let version = storedVersion(raw);
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return defaultSettings();
    current = migrate(current);
    version += 1;
  }
  return validateSettings(current);
}

/** The version storage claims; a blob a newer Backstory wrote is one this version must not rewrite. */
export function storedVersion(raw: Record<string, unknown>): number {
  const { version } = raw;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return version;
  return 'on' in raw || 'disabledHosts' in raw ? 1 : SETTINGS_VERSION;
}

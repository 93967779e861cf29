/**
 * Settings in storage.sync (they follow the user across devices), read through the schema so
 * callers only ever see valid settings. Falls back to storage.local where sync is switched off.
 */
import browser from '../browser';
import { SETTINGS_VERSION, defaultSettings, isRecord, validateSettings, type Settings } from './schema';
import { migrateSettings, storedVersion } from './migrations';

/** The one storage key the settings blob lives under. */
export const SETTINGS_KEY = 'settings';

/** Every field but the version; a patch changes only the fields it names. */
export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

/** Current settings; defaults when storage is empty, unreadable or garbage. Never rejects. */
export async function loadSettings(): Promise<Settings> {
  try {
    return migrateSettings(await readStored());
  } catch {
    return defaultSettings();
  }
}

/** Applies a patch and stores the result; resolves to the settings now stored. */
export function saveSettings(patch: SettingsPatch): Promise<Settings> {
  return updateSettings((current) => ({ ...current, ...patch }));
}

export function resetSettings(): Promise<Settings> {
  return updateSettings(() => defaultSettings());
}

// Writes from one page run one after another, so two quick changes never overwrite each other.
let writeQueue: Promise<unknown> = Promise.resolve();

/** Read-modify-write: `change` gets the stored settings and returns the settings to store. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const write = writeQueue.then(async () => {
    const next = validateSettings(change(await loadSettings()));
    await writeStored(next);
    return next;
  });
  writeQueue = write.catch(() => undefined);
  return write;
}

/**
 * Calls `listener` with the new settings whenever any context changes them (including clearing
 * storage, which means defaults). Returns the function that stops listening.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_KEY];
    // Only the area this context reads from: a stray copy in the other area is not the settings.
    if (!change || area !== settingsAreaName()) return;
    listener(migrateSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * On install or update: stores defaults when nothing is stored and rewrites an old or damaged
 * blob in the current shape, but never clobbers valid settings or a blob a newer version wrote.
 */
export async function ensureStoredSettings(): Promise<Settings> {
  const raw = await readStored();
  if (isRecord(raw) && storedVersion(raw) > SETTINGS_VERSION) return migrateSettings(raw);
  const settings = migrateSettings(raw);
  if (JSON.stringify(raw) !== JSON.stringify(settings)) await writeStored(settings);
  return settings;
}

// Set once storage.sync has failed to read (e.g. Firefox with sync disabled by policy): from then
// on this context keeps settings on this device only.
let syncUnavailable = false;

function settingsAreaName(): 'sync' | 'local' {
  return syncUnavailable ? 'local' : 'sync';
}

function settingsArea(): browser.Storage.StorageArea {
  return browser.storage[settingsAreaName()];
}

async function readStored(): Promise<unknown> {
  try {
    return (await settingsArea().get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch (error) {
    if (syncUnavailable) throw error;
    syncUnavailable = true;
    return (await settingsArea().get(SETTINGS_KEY))[SETTINGS_KEY];
  }
}

async function writeStored(settings: Settings): Promise<void> {
  // A failed write (quota, rate limit) rejects to the caller rather than silently going elsewhere.
  await settingsArea().set({ [SETTINGS_KEY]: settings });
}

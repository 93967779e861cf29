/**
 * Settings for every context. The content script imports from here; site-key.ts (which carries
 * the public-suffix list) is imported separately by the popup, options and background only.
 */
export { SETTINGS_VERSION, HIGHLIGHT_STYLES, defaultSettings, validateSettings, clampHoverDelay } from './schema';
export type { Settings, HighlightStyle } from './schema';
export { migrateSettings } from './migrations';
export {
  SETTINGS_KEY,
  loadSettings,
  saveSettings,
  updateSettings,
  resetSettings,
  onSettingsChanged,
  ensureStoredSettings,
} from './storage';
export type { SettingsPatch } from './storage';
export {
  isActiveOnHost,
  inactiveReason,
  isSiteDisabled,
  hostMatchesSite,
  withSiteDisabled,
  withHostEnabled,
  withoutSite,
} from './site';
export type { InactiveReason } from './site';

/**
 * Settings for every context. The content script imports from here; site-key.ts (which carries
 * the public-suffix list) is imported separately by the popup, options and background only.
 */
export { HIGHLIGHT_STYLES, clampHoverDelay } from './schema';
export type { Settings, HighlightStyle } from './schema';
export {
  loadSettings,
  saveSettings,
  updateSettings,
  resetSettings,
  onSettingsChanged,
  ensureStoredSettings,
} from './storage';
export {
  inactiveReason,
  isSiteDisabled,
  withSiteDisabled,
  withHostEnabled,
  withoutSite,
} from './site';

/**
 * The settings schema: one JSON blob in storage.sync, validated field by field so that garbage in
 * storage never reaches the rest of the extension. Migrations from older versions live in
 * migrations.ts; this file knows only the current shape.
 */
import { CATEGORIES, type Category } from '../catalog/types';
import { CARD_OPEN_DELAY_MS, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, MAX_DISABLED_SITES } from '../constants';

export const SETTINGS_VERSION = 2;

export type HighlightStyle = 'underline' | 'background';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background'];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The global switch ("Highlight on all sites"). */
  enabled: boolean;
  /** Site keys (registrable domains; a hostname for IPs and single-label hosts) switched off. */
  disabledSites: string[];
  /** Categories highlighted; a category switched off is neither highlighted nor counted. */
  categories: Record<Category, boolean>;
  highlightStyle: HighlightStyle;
  /** Dwell before a hover opens a card; always within [HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS]. */
  hoverDelayMs: number;
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    enabled: true,
    disabledSites: [],
    categories: allCategories(true),
    highlightStyle: 'background',
    hoverDelayMs: CARD_OPEN_DELAY_MS,
  };
}

export function allCategories(on: boolean): Record<Category, boolean> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, on])) as Record<Category, boolean>;
}

/**
 * Reads the current shape leniently: each field that is missing or malformed takes its default,
 * so one bad field never costs the user the rest of their settings. Never throws.
 */
export function validateSettings(raw: unknown): Settings {
  const defaults = defaultSettings();
  if (!isRecord(raw)) return defaults;
  return {
    version: SETTINGS_VERSION,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : defaults.enabled,
    disabledSites: validateSites(raw.disabledSites),
    categories: validateCategories(raw.categories),
    highlightStyle: HIGHLIGHT_STYLES.find((style) => style === raw.highlightStyle) ?? defaults.highlightStyle,
    hoverDelayMs: clampHoverDelay(raw.hoverDelayMs),
  };
}

export function clampHoverDelay(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return CARD_OPEN_DELAY_MS;
  return Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, Math.round(value)));
}

function validateCategories(raw: unknown): Record<Category, boolean> {
  const categories = allCategories(true);
  if (!isRecord(raw)) return categories;
  for (const category of CATEGORIES) {
    const value = raw[category];
    if (typeof value === 'boolean') categories[category] = value;
  }
  return categories;
}

function validateSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const sites = new Set<string>();
  for (const entry of raw) {
    const site = normalizeSiteKey(entry);
    if (site) sites.add(site);
    if (sites.size >= MAX_DISABLED_SITES) break;
  }
  return [...sites];
}

/** Host-like text: letters, digits, hyphens and dots (punycode for IDNs), or an IPv6 literal in brackets. */
const SITE_KEY = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/** Lower-cases and trims a stored site key; null when it cannot be a hostname. */
export function normalizeSiteKey(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const site = raw.trim().toLowerCase().replace(/\.$/, '');
  if (site.length === 0 || site.length > 253 || !SITE_KEY.test(site)) return null;
  return site;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

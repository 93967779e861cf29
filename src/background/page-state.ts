/**
 * The toolbar button mirrors each tab: the badge counts the distinct entities highlighted there,
 * and the icon greys out where Backstory is off. Both are per-tab state the browser keeps, so the
 * background holds none of its own and survives being stopped.
 */
import browser from '../shared/browser';
import type { PageEntities } from '../shared/messages';

/** Badge colour: the highlight hue darkened until white text on it passes WCAG AA. */
export const BADGE_COLOR = '#7a4b00';

const ON_ICONS = { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png' };
const OFF_ICONS = { 16: '/icons/icon-off-16.png', 32: '/icons/icon-off-32.png' };

export function badgeText(report: PageEntities): string {
  if (!report.active) return '';
  const distinct = Object.values(report.counts).filter((count) => count > 0).length;
  return distinct === 0 ? '' : String(distinct);
}

export async function showPageState(tabId: number, report: PageEntities): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(report) }),
    browser.action.setIcon({ tabId, path: report.active ? ON_ICONS : OFF_ICONS }),
  ]);
}

/** A tab starting a new page has nothing highlighted until its content script reports. */
export async function clearPageState(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setIcon({ tabId, path: ON_ICONS }),
  ]);
}

export async function styleBadge(): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
}

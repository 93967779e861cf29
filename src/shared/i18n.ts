/**
 * User-facing strings for every context (card, popup, options), from
 * _locales/<lang>/messages.json. A missing key shows the key itself, which tests catch.
 */
import browser from './browser';

export function t(key: string, ...substitutions: Array<string | number>): string {
  const message = browser.i18n.getMessage(key, substitutions.map(String));
  return message || key;
}

/**
 * User-facing strings for the extension's own pages (the popup, and the options page, which
 * imports this file too), all from _locales/<lang>/messages.json. Markup carries
 * `data-i18n="<key>"`; `localize` sets each such element's text (as text, never markup). A
 * missing key shows the key, which tests catch.
 */
import type { Category } from '../shared/catalog/types';
import { t } from '../shared/i18n';

export { t };

export function localize(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n;
    if (key) element.textContent = t(key);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const key = element.dataset.i18nTitle;
    if (key) element.title = t(key);
  }
}

const CATEGORY_MESSAGES: Record<Category, string> = {
  campaign: 'categoryCampaign',
  agency: 'categoryAgency',
  technology: 'categoryTechnology',
  company: 'categoryCompany',
  person: 'categoryPerson',
  organisation: 'categoryOrganisation',
  policy: 'categoryPolicy',
  place: 'categoryPlace',
};

/** A category's plural display name ("People"), as the popup groups and the options toggles show it. */
export function categoryName(category: Category): string {
  return t(CATEGORY_MESSAGES[category]);
}

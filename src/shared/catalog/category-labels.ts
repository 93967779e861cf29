import type { Category } from './types';

/** Message keys naming one thing of each category, in the singular ("Person", not the popup's "People"). */
export const CATEGORY_LABEL_KEYS: Readonly<Record<Category, string>> = {
  campaign: 'cardCategoryCampaign',
  agency: 'cardCategoryAgency',
  technology: 'cardCategoryTechnology',
  company: 'cardCategoryCompany',
  person: 'cardCategoryPerson',
  organisation: 'cardCategoryOrganisation',
  policy: 'cardCategoryPolicy',
  place: 'cardCategoryPlace',
};

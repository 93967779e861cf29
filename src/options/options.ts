/**
 * The options page. Every control writes to storage as soon as it changes, so open tabs follow at
 * once; every change made elsewhere (popup, shortcut, another device) shows here just as fast.
 */
import { CATEGORIES, type Category } from '../shared/catalog/types';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS } from '../shared/constants';
import {
  HIGHLIGHT_STYLES,
  clampHoverDelay,
  loadSettings,
  onSettingsChanged,
  resetSettings,
  saveSettings,
  updateSettings,
  withSiteDisabled,
  withoutSite,
  type HighlightStyle,
  type Settings,
} from '../shared/settings';
import { siteKeyForInput } from '../shared/settings/site-key';
import { categoryName, localize, t } from '../popup/i18n';

interface Elements {
  enabled: HTMLInputElement;
  categories: HTMLFieldSetElement;
  styles: HTMLInputElement[];
  delay: HTMLInputElement;
  delayHint: HTMLElement;
  sites: HTMLUListElement;
  sitesEmpty: HTMLElement;
  addSite: HTMLFormElement;
  siteInput: HTMLInputElement;
  reset: HTMLButtonElement;
  status: HTMLElement;
}

function elements(doc: Document): Elements {
  const get = <T extends HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`options.html lacks #${id}`);
    return element as T;
  };
  return {
    enabled: get('enabled'),
    categories: get('categories'),
    styles: [...doc.querySelectorAll<HTMLInputElement>('input[name="highlightStyle"]')],
    delay: get('hover-delay'),
    delayHint: get('hover-delay-hint'),
    sites: get('sites'),
    sitesEmpty: get('sites-empty'),
    addSite: get('add-site'),
    siteInput: get('site-input'),
    reset: get('reset'),
    status: get('status'),
  };
}

/** Starts the options page in `doc`; resolves to the function that stops following storage. */
export async function startOptions(doc: Document): Promise<() => void> {
  localize(doc);
  const ui = elements(doc);
  const categoryBoxes = buildCategoryBoxes(doc, ui.categories);
  ui.delay.min = String(HOVER_DELAY_MIN_MS);
  ui.delay.max = String(HOVER_DELAY_MAX_MS);
  ui.delayHint.textContent = t('optionsDelayHint', HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS);

  const say = (message: string) => {
    ui.status.textContent = message;
  };
  /** Runs a change and says how it went; the page itself re-renders from the storage event. */
  const apply = (change: Promise<unknown>, done = t('optionsSaved')) =>
    change.then(
      () => say(done),
      (error: unknown) => say(t('optionsSaveFailed', error instanceof Error ? error.message : String(error))),
    );

  function render(settings: Settings) {
    for (const control of doc.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')) control.disabled = false;
    ui.enabled.checked = settings.enabled;
    for (const [category, box] of categoryBoxes) box.checked = settings.categories[category];
    for (const radio of ui.styles) radio.checked = radio.value === settings.highlightStyle;
    // Never rewrite the field under the user's fingers; it is written back on change.
    if (doc.activeElement !== ui.delay) ui.delay.value = String(settings.hoverDelayMs);
    renderSites(settings.disabledSites);
  }

  function renderSites(sites: readonly string[]) {
    const hadFocus = ui.sites.contains(doc.activeElement);
    ui.sites.replaceChildren(...sites.map((site) => siteItem(doc, site, removeSite)));
    ui.sitesEmpty.hidden = sites.length > 0;
    // A removed row took the focus with it: keep the keyboard user in the list, or at the field.
    if (hadFocus && !ui.sites.contains(doc.activeElement)) {
      (ui.sites.querySelector<HTMLButtonElement>('button') ?? ui.siteInput).focus();
    }
  }

  function removeSite(site: string) {
    void apply(
      updateSettings((current) => withoutSite(current, site)),
      t('optionsSiteRemoved', site),
    );
  }

  ui.enabled.addEventListener('change', () => void apply(saveSettings({ enabled: ui.enabled.checked })));
  for (const [category, box] of categoryBoxes) {
    box.addEventListener('change', () => {
      const on = box.checked;
      void apply(updateSettings((current) => ({ ...current, categories: { ...current.categories, [category]: on } })));
    });
  }
  for (const radio of ui.styles) {
    radio.addEventListener('change', () => {
      const style = HIGHLIGHT_STYLES.find((known) => known === radio.value);
      if (radio.checked && style) void apply(saveSettings({ highlightStyle: style satisfies HighlightStyle }));
    });
  }
  ui.delay.addEventListener('change', () => {
    const delay = ui.delay.value.trim() === '' ? Number.NaN : Number(ui.delay.value);
    const hoverDelayMs = clampHoverDelay(delay);
    ui.delay.value = String(hoverDelayMs);
    void apply(saveSettings({ hoverDelayMs }));
  });
  ui.addSite.addEventListener('submit', (event) => {
    event.preventDefault();
    const site = siteKeyForInput(ui.siteInput.value);
    if (!site) {
      ui.siteInput.setAttribute('aria-invalid', 'true');
      say(t('optionsSiteInvalid'));
      return;
    }
    ui.siteInput.removeAttribute('aria-invalid');
    ui.siteInput.value = '';
    void apply(
      updateSettings((current) => withSiteDisabled(current, site)),
      t('optionsSiteAdded', site),
    );
  });
  ui.reset.addEventListener('click', () => void apply(resetSettings(), t('optionsResetDone')));

  const stop = onSettingsChanged(render);
  render(await loadSettings());
  return stop;
}

function buildCategoryBoxes(doc: Document, fieldset: HTMLFieldSetElement): Map<Category, HTMLInputElement> {
  const boxes = new Map<Category, HTMLInputElement>();
  for (const category of CATEGORIES) {
    const row = doc.createElement('div');
    row.className = 'row';
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.id = `category-${category}`;
    box.disabled = true;
    const label = doc.createElement('label');
    label.htmlFor = box.id;
    label.textContent = categoryName(category);
    row.append(box, label);
    fieldset.append(row);
    boxes.set(category, box);
  }
  return boxes;
}

function siteItem(doc: Document, site: string, remove: (site: string) => void): HTMLLIElement {
  const item = doc.createElement('li');
  const name = doc.createElement('span');
  name.textContent = site;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('optionsSiteRemove');
  button.setAttribute('aria-label', t('optionsSiteRemoveLabel', site));
  button.addEventListener('click', () => remove(site));
  item.append(name, button);
  return item;
}

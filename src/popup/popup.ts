/**
 * The popup: two switches (all sites, this site), a plain word on why it cannot run where it
 * cannot, and the entities the page found. It paints from settings at once, shows the last report
 * the tab's page sent (kept by the background), and follows both live through storage.
 */
import browser from '../shared/browser';
import { POPUP_PAGE_REPORT_TIMEOUT_MS } from '../shared/constants';
import { loadPageReport, onPageReportChanged } from '../shared/page-reports';
import {
  loadSettings,
  onSettingsChanged,
  isSiteDisabled,
  saveSettings,
  updateSettings,
  withHostEnabled,
  withSiteDisabled,
  type Settings,
} from '../shared/settings';
import { siteKeyForHostname } from '../shared/settings/site-key';
import { sendFromExtensionPage, sendToTab, type EntityLabel, type PageEntities } from '../shared/messages';
import { classifyPage, type CannotRunReason, type PageKind } from './page-kind';
import { groupEntities, renderEntityList } from './entity-list';
import { localize, t } from './i18n';
import { startLibraryActions } from './library-actions';

export interface PopupOptions {
  /** The tab to show; null means the active tab of the current window. */
  tabId: number | null;
  /** Close after handing the user elsewhere (a revealed mention, the options page), as a toolbar popup should. */
  closeWhenDone: boolean;
}

type PageContact = 'waiting' | 'answered' | 'no-answer';

const CANNOT_RUN_MESSAGES: Record<CannotRunReason, string> = {
  'browser-page': 'popupCannotRunBrowserPage',
  'web-store': 'popupCannotRunWebStore',
  'file': 'popupCannotRunFile',
  'pdf': 'popupCannotRunPdf',
  'other': 'popupCannotRunOther',
};

interface Elements {
  switchAll: HTMLInputElement;
  switchSite: HTMLInputElement;
  siteName: HTMLElement;
  status: HTMLElement;
  entities: HTMLElement;
  list: HTMLElement;
  options: HTMLButtonElement;
}

function elements(doc: Document): Elements {
  const get = <T extends HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`popup.html lacks #${id}`);
    return element as T;
  };
  return {
    switchAll: get('switch-all'),
    switchSite: get('switch-site'),
    siteName: get('site-name'),
    status: get('status'),
    entities: get<HTMLElement>('entity-list').closest('section') ?? get('entity-list'),
    list: get('entity-list'),
    options: get('open-options'),
  };
}

/** Starts the popup in `doc`; resolves to the function that stops its listeners. */
export async function startPopup(doc: Document, options: PopupOptions): Promise<() => void> {
  localize(doc);
  const ui = elements(doc);
  const view = doc.defaultView;

  let tabId: number | null = null;
  let settings: Settings | null = null;
  let page: PageKind = { kind: 'unknown' };
  let hostname: string | null = null;
  let contact: PageContact = 'waiting';
  let report: PageEntities | null = null;
  const labels: Record<string, EntityLabel> = {};
  let error: string | null = null;

  // The markup's placeholder list, shown again while a tab that started a new page has not reported.
  const skeleton = ui.list.firstElementChild?.cloneNode(true);

  const siteKey = () => (hostname ? siteKeyForHostname(hostname) : null);

  function render() {
    const key = siteKey();
    ui.switchAll.disabled = settings === null;
    ui.switchAll.checked = settings?.enabled ?? false;
    ui.switchSite.disabled = settings === null || key === null;
    ui.switchSite.checked = settings !== null && hostname !== null && !isSiteDisabled(settings, hostname);
    ui.siteName.textContent = key ? t('popupSiteName', key) : '';
    ui.status.textContent = statusMessage();
    renderList();
  }

  function statusMessage(): string {
    if (error) return t('popupSaveFailed', error);
    if (page.kind === 'cannot-run') return t(CANNOT_RUN_MESSAGES[page.reason]);
    if (contact === 'waiting') return t('popupLoading');
    if (contact === 'no-answer') {
      if (isPdf()) return t(CANNOT_RUN_MESSAGES.pdf);
      return page.kind === 'unknown' ? t(CANNOT_RUN_MESSAGES['browser-page']) : t('popupNotReady');
    }
    if (isEmptyPdf()) return t(CANNOT_RUN_MESSAGES.pdf);
    if (settings && !settings.enabled) return t('popupOffGlobally');
    if (settings && hostname && isSiteDisabled(settings, hostname)) return t('popupOffOnSite');
    return '';
  }

  const isPdf = () => page.kind === 'web' && page.pdf;
  /** A PDF address whose page found nothing: the viewer's wrapper answered, the document is out of reach. */
  const isEmptyPdf = () => isPdf() && report !== null && Object.keys(report.counts).length === 0;

  function renderList() {
    const unreachable = page.kind === 'cannot-run' || contact === 'no-answer' || isEmptyPdf();
    const offAndEmpty = report !== null && !report.active && Object.keys(report.counts).length === 0;
    ui.entities.hidden = unreachable || (contact === 'answered' && offAndEmpty);
    ui.list.setAttribute('aria-busy', String(contact === 'waiting' && !unreachable));
    if (ui.entities.hidden || contact !== 'answered' || !report) return;
    renderEntityList(ui.list, groupEntities(report.counts, labels), reveal);
  }

  async function reveal(id: string) {
    if (tabId === null) return;
    try {
      const revealed = await sendToTab(tabId, { type: 'reveal-entity', id });
      if (revealed && options.closeWhenDone) view?.close();
    } catch {
      contact = 'no-answer';
      render();
    }
  }

  async function showReport(next: PageEntities) {
    contact = 'answered';
    report = next;
    if (next.hostname && !hostname) hostname = next.hostname;
    render();
    const missing = Object.keys(next.counts).filter((id) => !(id in labels));
    if (missing.length === 0) return;
    try {
      Object.assign(labels, await sendFromExtensionPage({ type: 'describe-entities', ids: missing }));
    } catch {
      return; // The list keeps showing ids: less friendly, still true.
    }
    if (report === next) render();
  }

  function saving(change: Promise<unknown>) {
    change.then(
      () => {
        if (error === null) return;
        error = null;
        render();
      },
      (reason: unknown) => {
        error = reason instanceof Error ? reason.message : String(reason);
        render();
      },
    );
  }

  ui.switchAll.addEventListener('change', () => saving(saveSettings({ enabled: ui.switchAll.checked })));
  ui.switchSite.addEventListener('change', () => {
    const host = hostname;
    const key = siteKey();
    if (!host || !key) return;
    const on = ui.switchSite.checked;
    saving(updateSettings((current) => (on ? withHostEnabled(current, host) : withSiteDisabled(current, key))));
  });
  ui.options.addEventListener('click', () => {
    void browser.runtime.openOptionsPage();
    if (options.closeWhenDone) view?.close();
  });

  const stopSettings = onSettingsChanged((next) => {
    settings = next;
    render();
  });
  let stopReports = () => {};
  let noReportTimer: ReturnType<typeof setTimeout> | undefined;
  /** No report yet: the page may still be starting. After a while, say it cannot be reached. */
  const awaitReport = () => {
    clearTimeout(noReportTimer);
    noReportTimer = setTimeout(() => {
      if (contact !== 'waiting') return;
      contact = 'no-answer';
      render();
    }, POPUP_PAGE_REPORT_TIMEOUT_MS);
  };
  const followReport = (next: PageEntities | null) => {
    clearTimeout(noReportTimer);
    if (next) return void showReport(next);
    // The tab started a new page: its report is on its way.
    contact = 'waiting';
    report = null;
    ui.list.replaceChildren(...(skeleton ? [skeleton.cloneNode(true)] : []));
    render();
    awaitReport();
  };

  render();
  const [tab, loaded] = await Promise.all([targetTab(options.tabId), loadSettings()]);
  settings = loaded;
  tabId = tab?.id ?? null;
  page = classifyPage(tab?.url);
  if (page.kind === 'web') hostname = page.hostname;
  render();
  void startLibraryActions(doc, { tabId, url: tab?.url, page }, options.closeWhenDone);

  if (tabId !== null && page.kind !== 'cannot-run') {
    stopReports = onPageReportChanged(tabId, followReport);
    const stored = await loadPageReport(tabId).catch(() => null);
    // A report that came while we read is newer than the stored one; keep it.
    const alreadyAnswered = (contact as PageContact) === 'answered';
    if (stored && !alreadyAnswered) await showReport(stored);
    if (!stored && !alreadyAnswered) awaitReport();
  }

  return () => {
    stopSettings();
    stopReports();
    clearTimeout(noReportTimer);
  };
}

async function targetTab(tabId: number | null): Promise<browser.Tabs.Tab | undefined> {
  try {
    if (tabId !== null) return await browser.tabs.get(tabId);
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active;
  } catch {
    return undefined;
  }
}

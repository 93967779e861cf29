/**
 * Decides whether Backstory runs on this page, and follows the settings live: the global switch,
 * the per-site rule, categories, highlight style and hover delay. While active, a PageSession owns
 * the highlights and the card; switching off tears it down, which restores the page exactly.
 */
import { CATALOG, catalogById } from '../shared/catalog/entities';
import type { ReaderCatalog } from '../shared/catalog/reader-catalog';
import { loadReaderCatalog, onReaderCatalogChanged } from '../shared/catalog/reader-catalog-storage';
import PRECOMPILED_MATCHER from '../generated/matcher.json';
import { matcherFromPrecompiled, type CompiledMatcher, type PrecompiledCatalog } from '../shared/matcher';
import { notifyBackground, onTabRequest, type PageEntities } from '../shared/messages';
import { inactiveReason, loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import { PAGE_REPORT_DEBOUNCE_MS } from '../shared/constants';
import { canPaint } from './highlighter';
import { startPageSession, type PageSession } from './page-session';
import { pageSettled } from './page-settled';
import { watchNavigations } from './navigations';

export async function runContentScript(): Promise<void> {
  // Only HTML documents (including XHTML) hold prose to highlight; skip XML and SVG files. A browser
  // without the CSS Custom Highlight API gets nothing rather than a page written into.
  if (!(document.documentElement instanceof HTMLElement) || !canPaint()) return;

  // Compiled on first use: a page where Backstory is off never pays for it. The reader's catalog
  // (their kept names) comes precompiled by the background; without one, the bundled catalog
  // stands, precompiled by scripts/build.ts from this very catalog.
  let readerCatalog: ReaderCatalog | null = null;
  let matcher: CompiledMatcher | undefined;
  const compiledMatcher = () =>
    (matcher ??= readerCatalog
      ? matcherFromPrecompiled(readerCatalog.entries, readerCatalog.precompiled)
      : matcherFromPrecompiled(CATALOG, PRECOMPILED_MATCHER as PrecompiledCatalog));
  const entities = () => (readerCatalog ? new Map(readerCatalog.entries.map((entry) => [entry.id, entry])) : catalogById);
  let session: PageSession | null = null;
  // Settings changes and catalog changes apply one after another, so two quick toggles never start two sessions.
  let applying = Promise.resolve();
  // Kept, renamed or deleted names reach every open tab at once: a new matcher, the page read again.
  // Listened for before the page has settled, so a change made meanwhile is not missed.
  let catalogChanged = false;
  onReaderCatalogChanged((next) => {
    catalogChanged = true;
    readerCatalog = next;
    matcher = undefined;
    applying = applying.then(() => session?.useCatalog(compiledMatcher(), entities())).catch(() => {});
  });
  const [initialSettings, storedCatalog] = await Promise.all([loadSettings(), loadReaderCatalog(), pageSettled()]);
  if (!catalogChanged) readerCatalog = storedCatalog;
  let settings: Settings = initialSettings;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const pageState = (): PageEntities => {
    const reason = inactiveReason(settings, location.hostname);
    return {
      counts: session ? Object.fromEntries(session.counts()) : {},
      active: reason === null,
      ...(reason ? { reason } : {}),
      hostname: location.hostname,
    };
  };

  const report = () => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      notifyBackground({ type: 'page-entities', ...pageState() }).catch(() => {
        // The background may be restarting (service workers sleep); the next change reports again.
      });
    }, PAGE_REPORT_DEBOUNCE_MS);
  };

  const apply = async (next: Settings) => {
    const previous = settings;
    settings = next;
    const shouldRun = inactiveReason(next, location.hostname) === null;
    if (!shouldRun) {
      session?.stop();
      session = null;
      report();
      return;
    }
    if (!session) {
      session = startPageSession({ matcher: compiledMatcher(), entities: entities(), settings: next, onChange: report });
      report();
      await session.ready;
      return;
    }
    await session.update(previous, next);
  };

  const applyInOrder = (next: Settings) => {
    applying = applying.then(() => apply(next)).catch(() => {});
    return applying;
  };

  onSettingsChanged((next) => void applyInOrder(next));
  // The tab's report is forgotten whenever it starts loading, which a same-document navigation and
  // a return from the back-forward cache do too: the page reports again, for the badge and popup.
  watchNavigations(() => {
    report();
    void session?.newPage();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) report();
  });
  onTabRequest({
    'reveal-entity': ({ id }) => session?.reveal(id) ?? false,
    command: ({ name }) => {
      session?.command(name);
      return null;
    },
    // The library changed: cards must ask again, so a removed article's quotes leave them at once.
    'library-changed': () => {
      session?.forgetKnowledge();
      return null;
    },
  });

  await applyInOrder(settings);
}

/**
 * Decides whether Backstory runs on this page, and follows the settings live: the global switch,
 * the per-site rule, categories, highlight style and hover delay. While active, a PageSession owns
 * the highlights and the card; switching off tears it down, which restores the page exactly.
 */
import { CATALOG } from '../shared/catalog/entities';
import PRECOMPILED_MATCHER from '../generated/matcher.json';
import { compileMatcher, type CompiledMatcher, type PrecompiledCatalog } from '../shared/matcher';
import { onTabRequest, sendToBackground, type PageEntities } from '../shared/messages';
import { inactiveReason, loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import { PAGE_REPORT_DEBOUNCE_MS } from '../shared/constants';
import { startPageSession, type PageSession } from './page-session';
import { pageSettled } from './page-settled';

export async function runContentScript(): Promise<void> {
  // Only HTML documents (including XHTML) have text we can wrap in <mark>; skip XML and SVG files.
  if (!(document.documentElement instanceof HTMLElement)) return;

  // Compiled on first use: a page where Backstory is off never pays for it.
  let matcher: CompiledMatcher | undefined;
  // scripts/build.ts writes the precompiled matcher from this very catalog before bundling both.
  const compiledMatcher = () => (matcher ??= compileMatcher(CATALOG, PRECOMPILED_MATCHER as PrecompiledCatalog, true));
  const [initialSettings] = await Promise.all([loadSettings(), pageSettled()]);
  let settings: Settings = initialSettings;
  let session: PageSession | null = null;
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
      sendToBackground({ type: 'page-entities', ...pageState() }).catch(() => {
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
      session = startPageSession({ matcher: compiledMatcher(), settings: next, onChange: report });
      report();
      await session.ready;
      return;
    }
    await session.update(previous, next);
  };

  // Settings changes apply one after another, so two quick toggles never start two sessions.
  let applying = Promise.resolve();
  const applyInOrder = (next: Settings) => {
    applying = applying.then(() => apply(next)).catch(() => {});
    return applying;
  };

  onSettingsChanged((next) => void applyInOrder(next));
  onTabRequest({
    'list-entities': () => pageState(),
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

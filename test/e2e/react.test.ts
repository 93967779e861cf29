/**
 * A live React 19 production page with Backstory on, in Chromium and Firefox ESR: a ticker and
 * a counter re-rendering about ten times a second, a name split across an inline element whose
 * first half React keeps rewriting, a text node with names React removes and inserts again, a
 * keyed list reordering, paragraphs mounting
 * and unmounting, controlled fields being typed into. For half a minute the DOM must show
 * exactly what React rendered, highlights must follow the text (never one for a name no longer
 * shown; every shown name highlighted once the page holds still), the fields must stay untouched
 * and React must report no error. Switching Backstory off mid-stream takes every highlight away and
 * React carries on. A server-rendered copy that hydrates after highlighting records today's
 * known issue: a recoverable hydration error, after which the page recovers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/shared/catalog/entities';
import { REACT_COMPLETENESS_CHECK_EVERY_MS, REACT_LIVE_WATCH_MS, REACT_MARKS_SETTLE_TIMEOUT_MS, REACT_SAMPLE_GAP_MS } from './timing';
import { compileMatcher } from '../../src/shared/matcher';
import { buildHydrationFixture, buildReactFixture, REACT_PAGE_PATH, REACT_SCRIPT_PATH } from '../fixtures/react/build';
import { HYDRATE_EVENT } from '../fixtures/react/app';
import {
  CONDITIONAL_TEXT,
  COUNTER_PREFIX,
  LIST_ITEMS,
  SPLIT_NAME,
  TICKER_SENTENCES,
  TRANSIENT_PARAGRAPHS,
} from '../fixtures/react/content';
import { SWITCHED_OFF, storeSettings } from './extension-settings';
import { describeBrowsers, pageLog, waitForMarks } from './harness';
import {
  sampleReactPage,
  setPaused,
  typeInField,
  waitForEveryRenderedNameMarked,
  waitForNoMarks,
  waitForTicks,
  type ReactSample,
} from './react-page';

const [fixture, hydration] = await Promise.all([buildReactFixture(), buildHydrationFixture()]);
const HYDRATION_PAGE_PATH = '/react/hydrate.html';

/** A full cycle of the app's schedule (every subset of transient paragraphs) is 56 ticks; ask for more. */
const TICKS_FOR_EVERY_STATE = 60;
/** Ticks React must keep rendering after Backstory is switched off. */
const TICKS_AFTER_SWITCH_OFF = 30;
/** Ticks the hydrated page must render before it is checked: well past its first client render. */
const TICKS_AFTER_HYDRATION = 30;
/** Samples taken between two typing rounds. */
const SAMPLES_PER_TYPING_ROUND = 10;
/** Enough problems to diagnose; past this the watch stops early. */
const MAX_PROBLEMS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the React fixture', () => {
  it('declares exactly the entities the matcher finds in each text it renders', () => {
    const matcher = compileMatcher(CATALOG);
    const texts = [
      ...TICKER_SENTENCES.map((sentence) => ({ ...sentence, text: `Breaking: ${sentence.text} (update 123)` })),
      { ...COUNTER_PREFIX, text: `${COUNTER_PREFIX.text}123` },
      { text: `Update 123: ${SPLIT_NAME.before}${SPLIT_NAME.inside}${SPLIT_NAME.after}`, entities: SPLIT_NAME.entities },
      { text: `${CONDITIONAL_TEXT.before}${CONDITIONAL_TEXT.shown.text}${CONDITIONAL_TEXT.after}`, entities: CONDITIONAL_TEXT.shown.entities },
      { text: `${CONDITIONAL_TEXT.before}${CONDITIONAL_TEXT.after}`, entities: [] },
      ...LIST_ITEMS,
      ...TRANSIENT_PARAGRAPHS,
    ];
    for (const { text, entities } of texts) {
      const found = [...new Set(matcher.newPage().scanBlock(text).map((mention) => mention.entityId))];
      expect(found.sort(), text).toEqual([...entities].sort());
    }
  });
});

describeBrowsers((b) => {
  beforeEach(async () => {
    b.server.route(REACT_SCRIPT_PATH, fixture.script, 'text/javascript; charset=utf-8');
    b.server.page(fixture.html, REACT_PAGE_PATH);
    b.server.page(hydration.html, HYDRATION_PAGE_PATH);
    await storeSettings(b.handle, null);
  });

  async function openReactPage(): Promise<void> {
    await b.page.bringToFront();
    await b.page.goto(b.server.url(REACT_PAGE_PATH));
    await waitForEveryRenderedNameMarked(b.page, REACT_MARKS_SETTLE_TIMEOUT_MS);
  }

  function recordProblems(into: string[], sample: ReactSample, startedAt: number): void {
    const at = `t+${Math.round((Date.now() - startedAt) / 100) / 10}s tick ${sample.ticks}`;
    for (const problem of sample.problems) into.push(`${at}: ${problem}`);
  }

  it(
    'for 30 s the DOM shows exactly what React rendered, marks follow the text, fields stay untouched, React reports nothing',
    async () => {
      await openReactPage();
      const startedAt = Date.now();
      const problems: string[] = [];
      let samples = 0;
      let samplesWithMarks = 0;
      let stillChecks = 0;
      let typingRounds = 0;
      let nextStillCheck = startedAt + REACT_COMPLETENESS_CHECK_EVERY_MS;
      let last: ReactSample | undefined;

      while (Date.now() - startedAt < REACT_LIVE_WATCH_MS && problems.length < MAX_PROBLEMS) {
        last = await sampleReactPage(b.page);
        recordProblems(problems, last, startedAt);
        samples++;
        if (last.markCount > 0) samplesWithMarks++;

        if (samples % SAMPLES_PER_TYPING_ROUND === 0) {
          // Alternate fields and caret positions: inside "Salt Typhoon", at the start, at the end.
          const field = typingRounds % 2 === 0 ? '#search' : '#notes';
          const position = [5, 0, Number.MAX_SAFE_INTEGER][typingRounds % 3]!;
          await typeInField(b.page, field, position, 'ok ');
          typingRounds++;
        }

        if (Date.now() >= nextStillCheck) {
          // Held still, every name React shows must get its mark (and only those).
          await setPaused(b.page, true);
          await waitForEveryRenderedNameMarked(b.page, REACT_MARKS_SETTLE_TIMEOUT_MS);
          recordProblems(problems, await sampleReactPage(b.page), startedAt);
          await setPaused(b.page, false);
          stillChecks++;
          nextStillCheck = Date.now() + REACT_COMPLETENESS_CHECK_EVERY_MS;
        }
        await sleep(REACT_SAMPLE_GAP_MS);
      }

      expect(problems).toEqual([]);
      expect(last?.errors).toEqual([]);
      expect(pageLog(b.page).pageErrors).toEqual([]);
      expect(pageLog(b.page).consoleErrors).toEqual([]);
      // The watch really saw the page live and highlighted, through every state of the app.
      expect(last?.ticks).toBeGreaterThanOrEqual(TICKS_FOR_EVERY_STATE);
      expect(samplesWithMarks).toBe(samples);
      expect(stillChecks).toBeGreaterThanOrEqual(2);
      expect(typingRounds).toBeGreaterThanOrEqual(2);
    },
    REACT_LIVE_WATCH_MS + 60_000,
  );

  it('switching off mid-stream removes every mark, and React keeps rendering what it means to without errors', async () => {
    await openReactPage();
    await typeInField(b.page, '#search', 4, 'x');

    await storeSettings(b.handle, SWITCHED_OFF, b.page);
    await waitForNoMarks(b.page);
    const problems: string[] = [];
    const startedAt = Date.now();
    let sample = await sampleReactPage(b.page);
    const ticksAtSwitchOff = sample.ticks;
    while (sample.ticks < ticksAtSwitchOff + TICKS_AFTER_SWITCH_OFF && problems.length < MAX_PROBLEMS) {
      recordProblems(problems, sample, startedAt);
      expect(sample.markCount).toBe(0);
      await sleep(REACT_SAMPLE_GAP_MS);
      sample = await sampleReactPage(b.page);
    }
    await typeInField(b.page, '#search', 2, 'y');
    await typeInField(b.page, '#notes', 0, 'z');
    recordProblems(problems, await sampleReactPage(b.page), startedAt);

    // And back on: the live page is highlighted again.
    await storeSettings(b.handle, null, b.page);
    await setPaused(b.page, true);
    await waitForEveryRenderedNameMarked(b.page, REACT_MARKS_SETTLE_TIMEOUT_MS);
    await setPaused(b.page, false);
    await waitForTicks(b.page, sample.ticks + 10);
    const after = await sampleReactPage(b.page);
    recordProblems(problems, after, startedAt);

    expect(problems).toEqual([]);
    expect(after.errors).toEqual([]);
    expect(pageLog(b.page).pageErrors).toEqual([]);
    expect(pageLog(b.page).consoleErrors).toEqual([]);
  });

  /**
   * A server-rendered React page that hydrates after Backstory has highlighted it finds its server
   * text exactly as it sent it: highlights are painted, not written, so React reports no hydration
   * mismatch (when marks were written into the page, this cost error #418 and a client re-render).
   */
  it('hydrating after highlighting: React finds its own DOM and reports no error', async () => {
    await b.page.bringToFront();
    await b.page.goto(b.server.url(HYDRATION_PAGE_PATH));
    await waitForMarks(b.page, 8);
    await b.page.evaluate((name: string) => window.dispatchEvent(new Event(name)), HYDRATE_EVENT);
    await waitForTicks(b.page, TICKS_AFTER_HYDRATION);
    await setPaused(b.page, true);
    await waitForEveryRenderedNameMarked(b.page, REACT_MARKS_SETTLE_TIMEOUT_MS);
    const sample = await sampleReactPage(b.page);

    expect(sample.problems).toEqual([]);
    expect(sample.errors).toEqual([]);
    expect(pageLog(b.page).pageErrors).toEqual([]);
  });
});

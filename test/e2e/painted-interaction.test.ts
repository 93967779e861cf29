/**
 * Hover, selection and the keyboard over painted highlights on hostile pages (issue #10), in
 * Chromium and Firefox ESR, each page a fixture in test/fixtures/hostile/ with its self-check:
 * a document replaced by document.open()/write() after load, a drag selection that starts on a
 * name, mentions a reader cannot see (skipped by next/previous), and a page that removes our
 * host element.
 */
import { expect, it } from 'vitest';
import { CARD_CLOSE_DELAY_MS, CARD_OPEN_DELAY_MS } from '../../src/shared/constants';
import { CATALOG } from '../../src/shared/catalog/entities';
import { cardState, describeBrowsers, mentionPoint, waitForCard, waitForCardClosed } from './harness';
import {
  fixtureCheck,
  hoverMark,
  ourHighlightNames,
  setEnabled,
  waitForCardNamed,
  waitForNoMarks,
  waitForSettledMarks,
} from './hostile-pages-helpers';
import { hostileVisits, sendCommand } from './hostile-visits';

const NAME_OF = new Map(CATALOG.map((entry) => [entry.id, entry.name]));
function nameOf(id: string): string {
  const name = NAME_OF.get(id);
  if (!name) throw new Error(`no catalog entry ${id}`);
  return name;
}

/** Long enough for a hover to have opened a card, had one been going to (the dwell and the grace). */
const DWELL_AND_GRACE_MS = CARD_OPEN_DELAY_MS + CARD_CLOSE_DELAY_MS;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describeBrowsers((b) => {
  const h = hostileVisits(b);

  async function switchOff(): Promise<void> {
    await setEnabled(b.handle, false);
    await b.page.bringToFront();
    await waitForNoMarks(b.page);
    expect(await ourHighlightNames(b.page)).toEqual([]);
  }

  async function cardVisible(): Promise<boolean> {
    return (await cardState(b.page))?.visible ?? false;
  }

  it('document.open()/write() after load: the new document is painted, hover opens the card, Escape closes it, the commands work', async () => {
    await h.visit('/document-write.html', 1);
    type Rewritten = { rewrites: number; title: string; fresh: string | null; before: boolean; painted: string[]; hosts: number };
    expect((await fixtureCheck<Rewritten>(b.page)).painted).toEqual(['nvidia:Nvidia']);
    await b.page.evaluate(() => (window as unknown as { rewriteDocument(): void }).rewriteDocument());
    await waitForSettledMarks(b.page, 2);
    expect(await fixtureCheck<Rewritten>(b.page)).toEqual({
      rewrites: 1,
      title: 'Rewritten',
      fresh: 'After the rewrite: Salt Typhoon and the Ministry of State Security.',
      before: false,
      painted: ['salt-typhoon:Salt Typhoon', 'mss:Ministry of State Security'],
      hosts: 0,
    });
    await hoverMark(b.page, 'salt-typhoon', '#fresh');
    await waitForCardNamed(b.page, nameOf('salt-typhoon'));
    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);

    // The keyboard commands reach the new document too, and Escape gives focus back.
    await b.page.mouse.move(0, 0);
    await b.page.focus('#focus-me');
    expect(await sendCommand(b.handle, b.page, 'next-mention')).toBe(1);
    await waitForCard(b.page, nameOf('salt-typhoon'));
    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('focus-me');
    h.expectNoErrors();

    await switchOff();
    expect(await fixtureCheck<Rewritten>(b.page)).toMatchObject({ painted: [], hosts: 0, fresh: 'After the rewrite: Salt Typhoon and the Ministry of State Security.' });
  });

  /**
   * Drags from the middle of the painted "Salt Typhoon" to the word "while", checking for a card
   * after the moves, while held at the end, and after the release; returns what was selected.
   */
  async function dragFromName(start: { x: number; y: number }): Promise<{ selected: string; cards: boolean[] }> {
    await b.page.evaluate(() => getSelection()?.removeAllRanges());
    const end = await b.page.evaluate(() => (window as unknown as { wordPoint(word: string): { x: number; y: number } }).wordPoint('while'));
    await b.page.mouse.move(start.x, start.y);
    await b.page.mouse.down();
    await b.page.mouse.move(end.x, end.y, { steps: 12 });
    const cards = [await cardVisible()];
    await pause(DWELL_AND_GRACE_MS);
    cards.push(await cardVisible());
    await b.page.mouse.up();
    await pause(DWELL_AND_GRACE_MS);
    cards.push(await cardVisible());
    const { selected } = await fixtureCheck<{ selected: string }>(b.page);
    return { selected, cards };
  }

  it('a drag selection starting on a painted name: no card during the drag, the same selection as with the extension off', async () => {
    await b.page.setViewport({ width: 1280, height: 800 });
    await h.visit('/drag.html', 1);
    const start = await mentionPoint(b.page, 'salt-typhoon', '#drag');
    const on = await dragFromName(start);
    expect(on.cards).toEqual([false, false, false]);
    // From inside the name to inside "while".
    expect(on.selected).toContain(', and after it the sentence runs on for a w');
    expect(on.selected).not.toContain('Before');
    expect(on.selected).not.toContain('to its end');
    await h.expectExactUndo();
    // Painted highlights move nothing: the same points land on the same text with the extension off.
    const off = await dragFromName(start);
    expect(off.selected).toBe(on.selected);
  });

  it('pressing and holding a mouse button on a painted name opens no card', async () => {
    await b.page.setViewport({ width: 1280, height: 800 });
    await h.visit('/drag.html', 1);
    const start = await mentionPoint(b.page, 'salt-typhoon', '#drag');
    await b.page.mouse.move(start.x, start.y);
    await b.page.mouse.down();
    await pause(DWELL_AND_GRACE_MS);
    const whileHeld = await cardVisible();
    await b.page.mouse.up();
    expect(whileHeld).toBe(false);
  });

  it('next/previous skip mentions a reader cannot see (display:none, closed <details> and <dialog>, zero-size), and Escape returns focus', async () => {
    await h.visit('/invisible.html', 7);
    type Invisible = { focused: string | null; detailsOpen: boolean; dialogOpen: boolean; painted: string[] };
    // The hidden mentions are painted (a reader who opens the details sees them highlighted).
    expect((await fixtureCheck<Invisible>(b.page)).painted).toEqual([
      'salt-typhoon:Salt Typhoon',
      'nvidia:Nvidia',
      'nvidia:Nvidia',
      'nvidia:Nvidia',
      'nvidia:Nvidia',
      'scott-bessent:Scott Bessent',
      'mss:Ministry of State Security',
    ]);
    await b.page.click('#start');
    const visits: Array<['next-mention' | 'previous-mention', string]> = [
      ['next-mention', 'salt-typhoon'],
      ['next-mention', 'scott-bessent'],
      ['next-mention', 'mss'],
      ['next-mention', 'salt-typhoon'], // wraps past the end
      ['previous-mention', 'mss'], // and back
      ['previous-mention', 'scott-bessent'],
      ['previous-mention', 'salt-typhoon'],
    ];
    for (const [command, entity] of visits) {
      expect(await sendCommand(b.handle, b.page, command)).toBe(1);
      await waitForCard(b.page, nameOf(entity));
      // The card's dialog has focus (the document names its host).
      expect((await fixtureCheck<Invisible>(b.page)).focused).toBe('backstory-ui');
    }
    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);
    expect(await fixtureCheck<Invisible>(b.page)).toMatchObject({ focused: 'start', detailsOpen: false, dialogOpen: false });
    await h.expectExactUndo();
  });

  it('a page that removes our host element: the next hover attaches it again and the card opens', async () => {
    await h.visit('/host-removal.html', 2);
    type Removal = { removals: number; hosts: number; texts: string[] };
    await hoverMark(b.page, 'salt-typhoon');
    await waitForCardNamed(b.page, nameOf('salt-typhoon'));
    // The page sweeps the root of elements it did not make, the open card's host among them.
    expect(await b.page.evaluate(() => (window as unknown as { removeForeign(): number }).removeForeign())).toBe(1);
    expect(await cardState(b.page)).toBeNull();
    await b.page.mouse.move(0, 0);
    await hoverMark(b.page, 'nvidia');
    await waitForCardNamed(b.page, nameOf('nvidia'));
    expect(await fixtureCheck<Removal>(b.page)).toMatchObject({ removals: 1, hosts: 1 });

    // Again, and back to the first name.
    expect(await b.page.evaluate(() => (window as unknown as { removeForeign(): number }).removeForeign())).toBe(1);
    await b.page.mouse.move(0, 0);
    await hoverMark(b.page, 'salt-typhoon');
    await waitForCardNamed(b.page, nameOf('salt-typhoon'));
    await b.page.mouse.move(0, 0);
    await h.expectExactUndo();
    expect(await fixtureCheck<Removal>(b.page)).toEqual({ removals: 2, hosts: 0, texts: ['First: Salt Typhoon.', 'Second: Nvidia.'] });
  });
});

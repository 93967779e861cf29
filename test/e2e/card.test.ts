/**
 * The card in Chromium and Firefox ESR, with the built extension on the demo article: a hover
 * opens it with the entity's name and verbatim quotes and Escape closes it; the next/previous
 * mention commands walk the page and give focus back; a tap opens it, a tap elsewhere closes it,
 * and the first tap on a mention inside a link opens the card instead of following the link.
 * On a hostile page the card keeps its own look, sits above everything, stays in the viewport,
 * shifts nothing, and follows a dark page into its dark palette. Switching Backstory off takes
 * the card's host away with the highlights.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { KnowledgeBase } from '../../src/shared/knowledge/types';
import { contrastRatio } from '../../src/content/card/contrast';
import { CARD_VIEWPORT_PADDING_PX } from '../../src/shared/constants';
import { SWITCHED_OFF, storeSettings } from './extension-settings';
import { sendCommand } from './hostile-visits';
import { activeMentionIndex, activeMentionIndexExpression, describeBrowsers, hoverMention, marks, mentionPoint, pageLog, waitForCard, waitForCardClosed, waitForEntities, waitForMarksIn } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTICLE = '/demo/article.html';
const NAME_OF = new Map(CATALOG.map((entry) => [entry.id, entry.name]));

/** The knowledge base the build bundled (global-setup builds before any test runs). */
function knowledgeBase(): KnowledgeBase {
  return JSON.parse(readFileSync(path.join(root, 'src', 'generated', 'knowledge.json'), 'utf8')) as KnowledgeBase;
}

/** What the reader sees in the card: its quotes and their source lines. */
function cardQuotes(page: Page): Promise<Array<{ text: string; source: string }>> {
  return page.evaluate(() => {
    const shadow = document.querySelector('backstory-ui')?.shadowRoot;
    return Array.from(shadow?.querySelectorAll('figure') ?? [], (figure) => ({
      text: figure.querySelector('blockquote')?.textContent ?? '',
      source: figure.querySelector('figcaption')?.textContent ?? '',
    }));
  });
}

/** The focused element's id or tag name (the card's host when focus is in the card). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.id ? `#${active.id}` : (active?.tagName.toLowerCase() ?? 'none');
  });
}

/** Styles a careless or hostile page might carry: they must not reach the card or hide it. */
const HOSTILE_CSS = `
  html, body { font: italic 700 30px/3 "Comic Sans MS", cursive !important; color: #f0f !important;
    letter-spacing: 6px !important; text-transform: uppercase !important; direction: rtl; visibility: visible; }
  * { box-sizing: content-box !important; }
  div, p, h2, button, blockquote, figure, ul, li { color: lime !important; font-size: 40px !important; margin: 30px !important; }
  backstory-ui { display: none !important; opacity: 0 !important; }
  #cover { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.05); pointer-events: none; }
`;

/** The card's computed look, its box, and what the page shows at the card's centre. */
function cardLook(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-ui');
    const card = host?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!host || !card) return null;
    const style = getComputedStyle(card);
    const heading = getComputedStyle(card.querySelector('h2')!);
    const box = card.getBoundingClientRect();
    return {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      fontStyle: style.fontStyle,
      letterSpacing: style.letterSpacing,
      textTransform: style.textTransform,
      direction: style.direction,
      color: style.color,
      background: style.backgroundColor,
      headingColor: heading.color,
      headingMargin: heading.marginTop,
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      topmostAtCentre: document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2)?.tagName.toLowerCase(),
    };
  });
}

/** Where the page's own content sits: any shift in it would be a layout shift we caused. */
function pageLayout(page: Page) {
  return page.evaluate(() => {
    const rects = Array.from(document.querySelectorAll('.story__body p, h1'), (element) => {
      const rect = element.getBoundingClientRect();
      return [rect.left, rect.top + window.scrollY, rect.width, rect.height].map(Math.round).join(',');
    });
    return { rects, height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth };
  });
}

describeBrowsers((b) => {
  async function openArticle(): Promise<void> {
    await b.page.setViewport({ width: 1280, height: 800 });
    await b.page.goto(b.server.url(ARTICLE));
    await waitForEntities(b.page, ['salt-typhoon', 'mss', 'nvidia']);
  }

  /**
   * Sends a next/previous command to the article's tab, the way the background relays the
   * keyboard shortcut. Chromium hides tab addresses without the tabs permission, so the message
   * goes to every tab: only the article's has a content script to answer.
   */
  async function command(name: 'next-mention' | 'previous-mention'): Promise<void> {
    expect(await sendCommand(b.handle, b.page, name)).toBe(1);
  }


  it('opens on hover with the name and verbatim quotes with their source, and Escape closes it', async () => {
    await openArticle();
    await hoverMention(b.page, 'mss', '.story__body');
    const card = await waitForCard(b.page, NAME_OF.get('mss'));
    expect(card.role).toBe('dialog');
    expect(card.ariaModal).not.toBe('true');

    const kb = knowledgeBase();
    const paragraphs = kb.articles.flatMap((article) => article.paragraphs.map((text) => ({ text, publisher: article.publisher })));
    const quotes = await cardQuotes(b.page);
    expect(quotes.length).toBeGreaterThanOrEqual(2); // the summary and at least one quote
    expect(quotes[0]!.text).toBe(kb.entities.mss!.summary.text);
    for (const quote of quotes) {
      const home = paragraphs.find((paragraph) => paragraph.text.includes(quote.text));
      expect(home, `"${quote.text}" is verbatim in a reference article`).toBeDefined();
      expect(quote.source).toContain(home!.publisher);
    }

    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);
    expect(pageLog(b.page).pageErrors).toEqual([]);
  });

  it('stays open while the pointer crosses into it, and "Read in" opens the reader at that quote', async () => {
    await openArticle();
    await hoverMention(b.page, 'salt-typhoon', '.story__body');
    await waitForCard(b.page, NAME_OF.get('salt-typhoon'));
    const target = await b.page.evaluate(() => {
      const button = document.querySelector('backstory-ui')!.shadowRoot!.querySelector('.quotes button.read')!;
      const box = button.getBoundingClientRect();
      return { x: box.left + 4, y: box.top + box.height / 2 };
    });
    await b.page.mouse.move(target.x, target.y, { steps: 12 });
    const pagesBefore = new Set(b.handle.browser.targets());
    await b.page.mouse.click(target.x, target.y);

    // Firefox reports a new tab's address as about:blank to the driver; the page itself knows it.
    const tab = await b.handle.browser.waitForTarget((candidate) => candidate.type() === 'page' && !pagesBefore.has(candidate));
    const reader = (await tab.page())!;
    await reader.waitForFunction(() => location.pathname.endsWith('/reader/reader.html'));
    const query = new URL(await reader.evaluate(() => location.href)).searchParams;
    await reader.close();
    const entity = knowledgeBase().entities['salt-typhoon']!;
    // The first quote is the whole sentence the summary excerpt comes from, when the summary is only part of one.
    const { summary } = entity;
    const home = entity.quotes.find(
      (candidate) =>
        candidate.articleId === summary.articleId &&
        candidate.paragraph === summary.paragraph &&
        candidate.start! <= summary.start! &&
        summary.end! <= candidate.end!,
    );
    const quote = home && home.text !== summary.text ? home : entity.quotes.filter((candidate) => candidate !== home)[0]!;
    expect(query.get('article')).toBe(quote.articleId);
    expect(query.get('p')).toBe(String(quote.paragraph));
  });

  it('the next/previous commands walk the mentions, open each card, and Escape gives focus back', async () => {
    await openArticle();
    // Highlighted pieces in document order (a name split across elements is several pieces).
    const order = (await marks(b.page)).map((mark) => mark.entity);
    await b.page.focus('.masthead__title');

    await command('next-mention');
    await waitForCard(b.page, NAME_OF.get(order[0]!));
    expect(await activeMentionIndex(b.page)).toBe(0);
    // The card is a dialog that takes focus, so a screen reader announces it.
    expect(await focused(b.page)).toBe('backstory-ui');

    await command('next-mention');
    await b.page.waitForFunction(`${activeMentionIndexExpression()} > 0`);
    const second = await activeMentionIndex(b.page);
    await waitForCard(b.page, NAME_OF.get(order[second]!));

    await command('previous-mention');
    await b.page.waitForFunction(`${activeMentionIndexExpression()} === 0`);
    await waitForCard(b.page, NAME_OF.get(order[0]!));

    await b.page.keyboard.press('Escape');
    await waitForCardClosed(b.page);
    expect(await b.page.evaluate(() => document.activeElement?.className)).toBe('masthead__title');
  });

  it('a tap opens the card, a tap elsewhere closes it; in a link the first tap opens the card, the second follows it', async () => {
    await openArticle();
    const tap = async (point: { x: number; y: number }) => b.page.touchscreen.tap(point.x, point.y);

    await tap(await mentionPoint(b.page, 'salt-typhoon', '.story__body'));
    await waitForCard(b.page, NAME_OF.get('salt-typhoon'));
    await b.page.$eval('.story__body h1, .story h1, h1', (element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const heading = await (await b.page.$('.story__body h1, .story h1, h1'))?.boundingBox();
    if (!heading) throw new Error('no heading to tap');
    await tap({ x: heading.x + heading.width / 2, y: heading.y + heading.height / 2 });
    await waitForCardClosed(b.page);

    const linked = await mentionPoint(b.page, 'nvidia', '.story__body a');
    await tap(linked);
    await waitForCard(b.page, NAME_OF.get('nvidia'));
    expect(await b.page.evaluate(() => location.hash)).toBe('');
    await tap(linked);
    await b.page.waitForFunction(() => location.hash === '#top');
  });

  it('keeps its own look on a hostile page, above a fixed overlay, inside the viewport, shifting nothing', async () => {
    await openArticle();
    await b.page.addStyleTag({ content: HOSTILE_CSS });
    await b.page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      document.body.append(cover);
    });
    const before = await pageLayout(b.page);
    // The last mention in the story body, scrolled near the bottom edge: the card must flip or shift to fit.
    const point = await mentionPoint(b.page, 'us-treasury', '.story__body', 0, 'end');
    await b.page.mouse.move(point.x, point.y, { steps: 4 });
    await waitForCard(b.page, NAME_OF.get('us-treasury'));
    const look = (await cardLook(b.page))!;

    expect(look.fontFamily).not.toMatch(/comic/i);
    expect(look.fontSize).toBe('14px');
    expect(look.fontStyle).toBe('normal');
    expect(look.letterSpacing).toBe('normal');
    expect(look.textTransform).toBe('none');
    expect(look.direction).toBe('ltr');
    expect(look.headingColor).toBe(look.color);
    expect(look.headingMargin).toBe('0px');
    expect(contrastRatio(look.color, look.background)).toBeGreaterThanOrEqual(4.5);

    expect(look.topmostAtCentre).toBe('backstory-ui'); // above the page's maximum z-index overlay
    expect(look.box.left).toBeGreaterThanOrEqual(0);
    expect(look.box.top).toBeGreaterThanOrEqual(0);
    expect(look.box.right).toBeLessThanOrEqual(look.viewport.width);
    expect(look.box.bottom).toBeLessThanOrEqual(look.viewport.height);

    await b.page.evaluate(() => window.scrollTo(0, 0));
    expect(await pageLayout(b.page)).toEqual(before);
  });

  it('in a small window it takes the room beside its mention, no more, and scrolls within it', async () => {
    await openArticle();
    const viewport = { width: 320, height: 260 };
    await b.page.setViewport(viewport);
    const point = await hoverMention(b.page, 'mss', '.story__body');
    await waitForCard(b.page, NAME_OF.get('mss'));
    const fit = await b.page.evaluate(() => {
      const card = document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      if (!card) return null;
      const box = card.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, scrolls: card.scrollHeight > card.clientHeight };
    });
    expect(fit).not.toBeNull();
    // Within the window's padding on every side, beside the mention rather than over it.
    expect(fit!.left).toBeGreaterThanOrEqual(CARD_VIEWPORT_PADDING_PX - 0.5);
    expect(fit!.right).toBeLessThanOrEqual(viewport.width - CARD_VIEWPORT_PADDING_PX + 0.5);
    expect(fit!.top).toBeGreaterThanOrEqual(CARD_VIEWPORT_PADDING_PX - 0.5);
    expect(fit!.bottom).toBeLessThanOrEqual(viewport.height - CARD_VIEWPORT_PADDING_PX + 0.5);
    expect(fit!.top > point.y || fit!.bottom < point.y).toBe(true);
    // Its quotes are longer than the room: they scroll inside the card instead of spilling out.
    expect(fit!.scrolls).toBe(true);
  });

  it('follows a dark page into its dark palette, with readable contrast', async () => {
    await openArticle();
    await b.page.addStyleTag({ content: 'body { background: #121212 !important; color: #ddd !important; }' });
    await hoverMention(b.page, 'salt-typhoon', '.story__body');
    await waitForCard(b.page, NAME_OF.get('salt-typhoon'));
    const look = (await cardLook(b.page))!;
    expect(contrastRatio(look.background, 'rgb(0, 0, 0)')).toBeLessThan(3); // a dark card
    expect(contrastRatio(look.color, look.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('a card for a mention inside a modal dialog lives in that dialog, so it is usable, not inert', async () => {
    await openArticle();
    await b.page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.id = 'lightbox';
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Officials in Washington blame China’s Ministry of State Security for the hacking.';
      dialog.append(paragraph);
      document.body.append(dialog);
      dialog.showModal();
    });
    await waitForMarksIn(b.page, '#lightbox');
    await hoverMention(b.page, 'mss', '#lightbox');
    await waitForCard(b.page, NAME_OF.get('mss'));
    expect(await b.page.evaluate(() => document.querySelector('backstory-ui')?.parentElement?.id)).toBe('lightbox');

    const close = await b.page.evaluate(() => {
      const button = document.querySelector('backstory-ui')!.shadowRoot!.querySelector('button.close')!;
      const box = button.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await b.page.mouse.move(close.x, close.y, { steps: 5 });
    await b.page.mouse.click(close.x, close.y);
    await waitForCardClosed(b.page);
  });

  it.runIf(b.name === 'chromium')('is exposed to assistive technology as a non-modal dialog named by the entity', async () => {
    await openArticle();
    await hoverMention(b.page, 'mss', '.story__body');
    await waitForCard(b.page, NAME_OF.get('mss'));
    type AxNode = { role: string; name?: string; modal?: boolean; children?: AxNode[] };
    const find = (node: AxNode | null): AxNode | undefined =>
      node?.role === 'dialog' ? node : (node?.children ?? []).map(find).find(Boolean);
    const dialog = find((await b.page.accessibility.snapshot({ interestingOnly: false })) as AxNode | null);
    expect(dialog?.name).toBe(NAME_OF.get('mss'));
    expect(dialog?.modal ?? false).toBe(false);
  });

  it.runIf(b.name === 'chromium')('does not animate when the reader asks for reduced motion', async () => {
    await b.page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await openArticle();
    await hoverMention(b.page, 'mss', '.story__body');
    await waitForCard(b.page, NAME_OF.get('mss'));
    const animation = await b.page.evaluate(() => {
      const card = document.querySelector('backstory-ui')!.shadowRoot!.querySelector('[role="dialog"]')!;
      return getComputedStyle(card).animationName;
    });
    expect(animation).toBe('none');
  });

  it('hides while its mention is scrolled out of a scrolling box, and comes back with it', async () => {
    const filler = '<p>Filler text about the weather and the markets.</p>'.repeat(30);
    const url = b.server.page(
      `<!doctype html><meta charset="utf-8"><title>Scroller</title>
      <div id="box" style="height:200px;overflow:auto;border:1px solid">
        <p>China’s Ministry of State Security ran the campaign known as Salt Typhoon.</p>${filler}
      </div>`,
      '/scroller.html',
    );
    await b.page.goto(url);
    await waitForEntities(b.page, ['salt-typhoon']);
    // Opened from the keyboard, the card stays when the pointer is elsewhere.
    await command('next-mention');
    await waitForCard(b.page, NAME_OF.get('mss'));
    await b.page.evaluate(() => document.getElementById('box')!.scrollTo(0, 2000));
    await waitForCardClosed(b.page);
    await b.page.evaluate(() => document.getElementById('box')!.scrollTo(0, 0));
    await waitForCard(b.page, NAME_OF.get('mss'));
  });

  it('switching Backstory off takes the card and its host away with the highlights', async () => {
    await openArticle();
    await hoverMention(b.page, 'mss', '.story__body');
    await waitForCard(b.page, NAME_OF.get('mss'));
    try {
      await storeSettings(b.handle, SWITCHED_OFF, b.page);
      await b.page.waitForFunction(() => {
        let painted = false;
        CSS.highlights.forEach((_highlight, name) => {
          if (name.startsWith('backstory-')) painted = true;
        });
        return !painted && !document.querySelector('backstory-ui');
      });
    } finally {
      await storeSettings(b.handle, null, b.page);
    }
  });
});

/**
 * The bundled demo page, end to end: every entity it names is highlighted, in the forms real
 * pages use, and none of the look-alikes in its sidebar is. The screenshot in the README comes
 * from here: `UPDATE_SCREENSHOTS=1 npm run test:e2e` rewrites docs/screenshots/demo-chromium.png.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { KnowledgeBase } from '../../src/shared/knowledge/types';
import { describeBrowsers, hoverMention, isolatedWorld, waitForCardClosed, marks, marksIn, pageLog, screenshot, waitForCard, waitForEntities, waitForMarksIn, type MarkInfo } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const README_SCREENSHOT = path.join(root, 'docs', 'screenshots', 'demo-chromium.png');

/** Every entity demo/article.html names, each at least once. */
const DEMO_ENTITIES = [
  'salt-typhoon',
  'mss',
  'h200',
  'blackwell',
  'nvidia',
  'alibaba',
  'xi-jinping',
  'donald-trump',
  'scott-bessent',
  'stephen-miller',
  'jake-sullivan',
  'zack-cooper',
  'michael-sobolik',
  'joe-biden',
  'rare-earths',
  'export-controls',
  'busan-truce',
  'fentanyl-precursors',
  'hudson-institute',
  'american-enterprise-institute',
  'financial-times',
  'us-treasury',
  'white-house',
  'national-guard',
  'chinese-communist-party',
];

/** Sidebar boxes whose names only look like ours: Volt Typhoon, a weather typhoon, TCP's MSS, a bookshop, another Miller. */
const TRAP_BOXES = ['#explainer-volt-typhoon', '#weather', '#tech-tip', '#ad-blackwells', '#letters'];

/** The last box on the page names entities; once it is highlighted, the traps before it have been scanned. */
const LAST_BOX = '#most-read';

async function openDemo(page: Page, url: string): Promise<MarkInfo[]> {
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(url);
  await waitForMarksIn(page, LAST_BOX);
  return waitForEntities(page, DEMO_ENTITIES);
}

describeBrowsers((b) => {
  it('highlights every entity the demo names, without errors or requests beyond loopback', async () => {
    const found = await openDemo(b.page, b.server.url('/demo/article.html'));
    expect(new Set(found.map((mark) => mark.entity))).toEqual(new Set(DEMO_ENTITIES));
    expect(pageLog(b.page)).toEqual({ blockedRequests: [], pageErrors: [], consoleErrors: [] });
  });

  it('leaves every look-alike in the sidebar alone', async () => {
    await openDemo(b.page, b.server.url('/demo/article.html'));
    for (const box of TRAP_BOXES) expect(await marksIn(b.page, box), box).toEqual([]);
  });

  it('highlights a name split across inline elements, a linked name, and short forms after the full name', async () => {
    await openDemo(b.page, b.server.url('/demo/article.html'));
    const dek = await marksIn(b.page, '.story__dek');
    const saltTyphoon = dek.filter((mark) => mark.entity === 'salt-typhoon').map((mark) => mark.text);
    expect(saltTyphoon.join('').replace(/\s+/g, ' ').trim()).toBe('Salt Typhoon');
    expect(saltTyphoon.length).toBeGreaterThan(1);

    const linked = await marksIn(b.page, '.story__body a');
    expect(linked.some((mark) => mark.entity === 'nvidia')).toBe(true);

    const all = await marks(b.page);
    const texts = (entity: string) => all.filter((mark) => mark.entity === entity).map((mark) => mark.text);
    expect(texts('xi-jinping')).toContain('Xi');
    expect(texts('donald-trump')).toContain('Trump');
    expect(texts('stephen-miller')).toContain('Miller');
  });

  it('opens the card on hover over a mention (and takes the README screenshot)', async () => {
    await openDemo(b.page, b.server.url('/demo/article.html'));
    await hoverMention(b.page, 'salt-typhoon', '.story__body');
    const card = await waitForCard(b.page);
    expect(card.name).toMatch(/salt typhoon/i);
    expect(card.ariaModal).not.toBe('true');
    const file = await screenshot(b.page, `demo-${b.name}`);
    if (b.name === 'chromium' && process.env.UPDATE_SCREENSHOTS === '1') {
      await mkdir(path.dirname(README_SCREENSHOT), { recursive: true });
      await copyFile(file, README_SCREENSHOT);
    }
  });

  it('every entity\'s card holds a whole verbatim sentence of a reference article, with its publisher', async () => {
    await openDemo(b.page, b.server.url('/demo/article.html'));
    const kb = JSON.parse(await readFile(path.join(root, 'src', 'generated', 'knowledge.json'), 'utf8')) as KnowledgeBase;
    // Quotes and whitespace normalised, as a reader would compare them.
    const normalise = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
    const paragraphs = kb.articles.flatMap((article) => article.paragraphs.map((text) => ({ text: normalise(text), publisher: article.publisher })));
    const names = new Map(CATALOG.map((entry) => [entry.id, entry.name]));
    for (const entity of DEMO_ENTITIES) {
      await hoverMention(b.page, entity);
      await waitForCard(b.page, names.get(entity));
      const figures = await isolatedWorld(b.page).evaluate(() =>
        Array.from(document.querySelector('backstory-ui')?.shadowRoot?.querySelectorAll('figure') ?? [], (figure) => ({
          text: figure.querySelector('blockquote')?.textContent ?? '',
          source: figure.querySelector('figcaption')?.textContent ?? '',
        })),
      );
      const sentence = figures.find(({ text, source }) => {
        const quoted = normalise(text);
        return quoted.length >= 40 && paragraphs.some((paragraph) => paragraph.text.includes(quoted) && source.includes(paragraph.publisher));
      });
      expect(sentence, `${entity}: ${JSON.stringify(figures)}`).toBeDefined();
      await b.page.mouse.move(1, 1, { steps: 2 });
      await waitForCardClosed(b.page);
    }
  });
});

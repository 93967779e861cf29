// @vitest-environment happy-dom
/**
 * Markup in the knowledge base is text, never HTML: a hostile summary, quote, publisher, name or
 * related name shows literally in the card, and no element of its making (img, script) appears,
 * whether rendered on its own or through the whole card opened on a mention.
 */
import '../support/highlight-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardController, type CardController } from '../../../src/content/card';
import { renderKnowledge, type CardSlots } from '../../../src/content/card/render';
import type { EntityKnowledge } from '../../../src/shared/knowledge/types';
import { buildPage, cardHost, fakeDeps } from './support/page';

// The card's strings come from the real _locales through the fake browser's i18n.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../shared/settings/fake-browser')).createFakeBrowser() }));

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

const HOSTILE: EntityKnowledge = {
  id: 'mss',
  name: `MSS ${SCRIPT}`,
  category: 'agency',
  summary: { text: `Summary ${IMG} and ${SCRIPT}`, articleId: 'ft', publisher: `FT ${IMG}`, paragraph: 0 },
  quotes: [
    { text: `Summary ${IMG} and ${SCRIPT}`, articleId: 'ft', publisher: `FT ${IMG}`, paragraph: 0 },
    { text: `Quote ${SCRIPT} then ${IMG}`, articleId: 'cnews', publisher: `CNews ${SCRIPT}`, paragraph: 1 },
  ],
  related: [],
};

/** Elements a string parsed as HTML would have made. */
const MADE_BY_MARKUP = 'img, script';

let controller: CardController | undefined;

afterEach(() => {
  controller?.destroy();
  controller = undefined;
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('hostile knowledge', () => {
  it('renderKnowledge shows <img onerror> and <script> markup as literal text', () => {
    const slots: CardSlots = {
      category: document.createElement('p'),
      name: document.createElement('h2'),
      body: document.createElement('div'),
    };
    renderKnowledge(slots, HOSTILE, { mentionCount: 2, relatedNames: [IMG, SCRIPT], openReader: vi.fn() });

    for (const part of Object.values(slots)) expect(part.querySelector(MADE_BY_MARKUP)).toBeNull();
    expect(slots.name.textContent).toBe(`MSS ${SCRIPT}`);
    const figures = [...slots.body.querySelectorAll('figure')].map((figure) => [
      figure.querySelector('blockquote')?.textContent,
      figure.querySelector('cite')?.textContent,
    ]);
    expect(figures).toEqual([
      [`Summary ${IMG} and ${SCRIPT}`, `FT ${IMG}`],
      [`Quote ${SCRIPT} then ${IMG}`, `CNews ${SCRIPT}`],
    ]);
    expect([...slots.body.querySelectorAll('.related-item')].map((item) => item.textContent)).toEqual([IMG, SCRIPT]);
  });

  it('the whole card, opened on a mention, holds the markup as text and no element made from it', async () => {
    const page = buildPage();
    controller = createCardController(
      fakeDeps(page.painting, {
        loadEntity: vi.fn(async () => HOSTILE),
        entityName: vi.fn(() => `MSS ${SCRIPT}`),
      }),
    );
    await controller.reveal(page.mss1);

    const shadow = cardHost()?.shadowRoot;
    expect(shadow).toBeTruthy();
    const dialog = shadow!.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain(`Summary ${IMG} and ${SCRIPT}`);
    expect(dialog?.textContent).toContain(`Quote ${SCRIPT} then ${IMG}`);
    expect(shadow!.querySelector(MADE_BY_MARKUP)).toBeNull();
    expect(document.querySelector(MADE_BY_MARKUP)).toBeNull();
  });
});

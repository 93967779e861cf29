// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { mentionCountText, renderKnowledge, renderLoading, renderMissing, type CardSlots } from '../../../src/content/card/render';
import { CARD_MAX_QUOTES, CARD_MAX_RELATED } from '../../../src/shared/constants';
import type { EntityKnowledge } from '../../../src/shared/knowledge/types';
import { CNEWS, FT, KNOWLEDGE, quote } from './support/page';

// The card's strings come from the real _locales through the fake browser's i18n.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../shared/settings/fake-browser')).createFakeBrowser() }));

function slots(): CardSlots {
  return {
    category: document.createElement('p'),
    name: document.createElement('h2'),
    body: document.createElement('div'),
  };
}

const INJECTION = '<img src=x onerror=alert(1)>';

describe('renderKnowledge', () => {
  it('shows name, category, summary with its publisher, quotes with theirs, count and related names', () => {
    const s = slots();
    renderKnowledge(s, KNOWLEDGE.mss!, { mentionCount: 3, relatedNames: ['Salt Typhoon', 'US Treasury'], openReader: vi.fn() });
    expect(s.name.textContent).toBe('Ministry of State Security');
    expect(s.category.textContent).toBe('Agency');
    const summary = s.body.querySelector('.summary')!;
    expect(summary.querySelector('blockquote')!.textContent).toBe(KNOWLEDGE.mss!.summary.text);
    expect(summary.querySelector('.read')!.textContent).toBe(`Read in ${FT}`);
    const quotes = [...s.body.querySelectorAll('.quotes figure')].map((figure) => [
      figure.querySelector('blockquote')!.textContent,
      figure.querySelector('cite')!.textContent,
    ]);
    // The summary is not repeated among the quotes; the rest follow in relevance order.
    expect(quotes).toEqual([
      ['Officials said sanctions on the MSS were shelved.', CNEWS],
      ['The Treasury had prepared the measures.', FT],
      ['A fourth sentence, shown since the summary is not repeated.', FT],
    ]);
    expect(s.body.textContent).not.toContain('should not be shown');
    expect(s.body.querySelector('.count')!.textContent).toBe('Mentioned 3 times on this page');
    expect([...s.body.querySelectorAll('.related-item')].map((li) => li.textContent)).toEqual(['Salt Typhoon', 'US Treasury']);
  });

  it(`shows at most ${CARD_MAX_QUOTES} quotes and ${CARD_MAX_RELATED} related names`, () => {
    const s = slots();
    const many: EntityKnowledge = {
      ...KNOWLEDGE.mss!,
      summary: quote('Summary.', 0),
      quotes: Array.from({ length: 10 }, (_, i) => quote(`Sentence ${i}.`, i + 1)),
    };
    const names = Array.from({ length: 10 }, (_, i) => `Name ${i}`);
    renderKnowledge(s, many, { mentionCount: 1, relatedNames: names, openReader: vi.fn() });
    expect(s.body.querySelectorAll('.quotes figure')).toHaveLength(CARD_MAX_QUOTES);
    expect(s.body.querySelector('.quotes blockquote')!.textContent).toBe('Sentence 0.');
    expect(s.body.querySelectorAll('.related-item')).toHaveLength(CARD_MAX_RELATED);
  });

  it('follows a summary excerpt with the whole sentence it comes from, then quotes from elsewhere', () => {
    const s = slots();
    const paragraph = 'Officials said the MSS, China’s spy agency, was behind it. Nothing else.';
    const summaryText = 'China’s spy agency';
    const summaryStart = paragraph.indexOf(summaryText);
    const wrapping = paragraph.slice(0, paragraph.indexOf('it.') + 3);
    const knowledge: EntityKnowledge = {
      ...KNOWLEDGE.mss!,
      summary: { ...quote(summaryText, 4), start: summaryStart, end: summaryStart + summaryText.length },
      quotes: [
        { ...quote(wrapping, 4), start: 0, end: wrapping.length },
        { ...quote('Officials said the MSS, elsewhere.', 5), start: 0, end: 34 },
      ],
    };
    renderKnowledge(s, knowledge, { mentionCount: 1, relatedNames: [], openReader: vi.fn() });
    expect([...s.body.querySelectorAll('.quotes blockquote')].map((b) => b.textContent)).toEqual([
      wrapping,
      'Officials said the MSS, elsewhere.',
    ]);
  });

  it('does not repeat a summary that is a whole sentence already', () => {
    const s = slots();
    const sentence = { ...quote('The MSS is China’s main intelligence agency.', 1), start: 0, end: 44 };
    const knowledge: EntityKnowledge = { ...KNOWLEDGE.mss!, summary: sentence, quotes: [sentence, quote('Another sentence.', 2)] };
    renderKnowledge(s, knowledge, { mentionCount: 1, relatedNames: [], openReader: vi.fn() });
    expect([...s.body.querySelectorAll('.quotes blockquote')].map((b) => b.textContent)).toEqual(['Another sentence.']);
  });

  it('leaves out the quotes and related sections when there are none', () => {
    const s = slots();
    renderKnowledge(s, KNOWLEDGE['salt-typhoon']!, { mentionCount: 1, relatedNames: [], openReader: vi.fn() });
    expect(s.body.querySelector('.quotes')).toBeNull();
    expect(s.body.querySelector('.related')).toBeNull();
    expect(s.body.querySelector('.count')!.textContent).toBe('Mentioned once on this page');
  });

  it('inserts every string as text, never as HTML', () => {
    const s = slots();
    const hostile: EntityKnowledge = {
      id: 'x',
      name: INJECTION,
      category: 'agency',
      summary: { text: INJECTION, articleId: 'a', publisher: INJECTION, paragraph: 0 },
      quotes: [{ text: `<b>${INJECTION}</b>`, articleId: 'a', publisher: '<i>P</i>', paragraph: 1 }],
      related: [],
    };
    renderKnowledge(s, hostile, { mentionCount: 1, relatedNames: [INJECTION], openReader: vi.fn() });
    for (const root of [s.name, s.body]) {
      expect(root.querySelector('img, b, i')).toBeNull();
    }
    expect(s.name.textContent).toBe(INJECTION);
    expect(s.body.textContent).toContain(INJECTION);
    expect(s.body.textContent).toContain(`<b>${INJECTION}</b>`);
    expect(s.body.textContent).toContain('Read in <i>P</i>');
  });

  it('each "Read in" button opens the reader at its own quote', () => {
    const s = slots();
    const openReader = vi.fn();
    renderKnowledge(s, KNOWLEDGE.mss!, { mentionCount: 1, relatedNames: [], openReader });
    const buttons = [...s.body.querySelectorAll<HTMLButtonElement>('button.read')];
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    buttons[0]!.click();
    buttons[2]!.click();
    expect(openReader.mock.calls).toEqual([[KNOWLEDGE.mss!.summary], [KNOWLEDGE.mss!.quotes[2]]]);
  });
});

describe('saved articles on the card', () => {
  const SAVED = {
    text: 'Investigators said the MSS campaign reached regional carriers.',
    articleId: 'saved-1',
    publisher: 'The Harbour Ledger',
    paragraph: 2,
    start: 0,
    end: 62,
    headline: 'Telecom breach inquiry widens',
    published: '2025-11-21T07:30:00.000Z',
    url: 'https://harbour-ledger.example/tech/telecom',
  };

  it('quotes saved articles first, with site, headline, date and a link to the original, then the summary and bundled quotes', () => {
    const s = slots();
    const knowledge: EntityKnowledge = { ...KNOWLEDGE.mss!, quotes: [SAVED, ...KNOWLEDGE.mss!.quotes] };
    renderKnowledge(s, knowledge, { mentionCount: 1, relatedNames: [], openReader: vi.fn() });
    const figures = [...s.body.querySelectorAll('figure')];
    expect(figures[0]!.querySelector('blockquote')!.textContent).toBe(SAVED.text);
    expect(figures[0]!.querySelector('.read')!.textContent).toBe('Read in The Harbour Ledger');
    expect(figures[0]!.querySelector('.source-detail')!.textContent).toMatch(/^\u201CTelecom breach inquiry widens\u201D \u00B7 .*2025/);
    expect(figures[0]!.querySelector<HTMLAnchorElement>('a.original')!.href).toBe(SAVED.url);
    expect(figures[1]!.classList.contains('summary')).toBe(true);
    expect(s.body.querySelectorAll('.saved-quotes figure, .quotes figure')).toHaveLength(CARD_MAX_QUOTES);
  });

  it('shows a saved headline holding markup and direction overrides as isolated text', () => {
    const s = slots();
    const hostile = { ...SAVED, headline: `${INJECTION}\u202Eevil` };
    renderKnowledge(s, { ...KNOWLEDGE.mss!, quotes: [hostile] }, { mentionCount: 1, relatedNames: [], openReader: vi.fn() });
    const detail = s.body.querySelector('.source-detail')!;
    expect(detail.textContent).toContain(INJECTION);
    expect(detail.getAttribute('dir')).toBe('auto');
    expect(s.body.querySelector('img')).toBeNull();
  });
});

describe('loading and missing', () => {
  it('loading keeps the name, hides the empty category and marks the body busy', () => {
    const s = slots();
    renderLoading(s, INJECTION);
    expect(s.name.textContent).toBe(INJECTION);
    expect(s.category.hidden).toBe(true);
    expect(s.body.getAttribute('aria-busy')).toBe('true');
    expect(s.body.textContent).toMatch(/Loading/);
  });

  it('missing says so and is no longer busy', () => {
    const s = slots();
    renderLoading(s, 'Salt Typhoon');
    renderMissing(s, 'Salt Typhoon');
    expect(s.body.hasAttribute('aria-busy')).toBe(false);
    expect(s.body.textContent).toBe('No background is available for this name.');
  });
});

describe('mentionCountText', () => {
  it('reads naturally for none, one and many', () => {
    expect(mentionCountText(0)).toBe('Not mentioned on this page');
    expect(mentionCountText(1)).toBe('Mentioned once on this page');
    expect(mentionCountText(7)).toBe('Mentioned 7 times on this page');
  });
});

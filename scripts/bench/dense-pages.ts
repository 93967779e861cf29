/**
 * The two page shapes where a content script spends most (issue #12), seeded like ./pages.ts:
 * - dense: every paragraph carries context words the catalog's ambiguous forms listen for, and
 *   about a quarter of them name something (full names, short forms after their full name,
 *   ambiguous forms beside their context), a few split across inline elements;
 * - quiet: about 1 MB, little prose and none of our names in it, and big inline
 *   `<script type="application/json">` blocks (a framework's page data) that do name them.
 */
import type { CatalogEntry } from '../../src/shared/catalog/types';
import { documentAround, escapeHtml, generateParagraphs, renderMention, type GeneratedPage } from './pages';
import { createRandom, type Random } from './random';
import { FILLER_WORDS } from './vocabulary';

export const DENSE_PAGE = {
  seed: 20261205,
  paragraphs: 2000,
  minWords: 60,
  maxWords: 92,
  /** Share of paragraphs that name something. */
  namingShare: 0.25,
  mentions: 694,
  /** Mentions written across inline elements (`Salt <em>Typhoon</em>`). */
  split: 50,
  contextWordsPerParagraph: 2,
} as const;

/** What the dense page plants: the forms by kind, and every context word of the catalog. */
export interface DenseVocabulary {
  fullForms: readonly string[];
  /** Short forms with a full form of theirs (planted once their full name is on the page). */
  shortForms: readonly string[];
  /** Ambiguous forms with their own context words (one goes into the paragraph beside them). */
  ambiguous: readonly { form: string; context: readonly string[] }[];
  contextWords: readonly string[];
}

export function denseVocabulary(catalog: readonly CatalogEntry[]): DenseVocabulary {
  const ambiguous = catalog.flatMap((entry) => (entry.ambiguousForms ?? []).map((form) => ({ form: form.form, context: form.contextAnyOf })));
  return {
    fullForms: catalog.flatMap((entry) => entry.forms.slice(0, 2)),
    shortForms: catalog.flatMap((entry) => entry.shortForms ?? []),
    ambiguous,
    contextWords: [...new Set(ambiguous.flatMap((form) => form.context))],
  };
}

function insertAt(random: Random, words: string[], item: string): void {
  words.splice(random.int(1, words.length), 0, item);
}

function fillerSentence(random: Random, count: number): string[] {
  const words = Array.from({ length: count }, () => random.pick(FILLER_WORDS) as string);
  words[0] = (words[0] ?? '').charAt(0).toUpperCase() + (words[0] ?? '').slice(1);
  return words;
}

export function generateDensePage(catalog: readonly CatalogEntry[], title = 'Generated dense page (1 MB)'): GeneratedPage {
  const options = DENSE_PAGE;
  const random = createRandom(options.seed);
  const vocabulary = denseVocabulary(catalog);
  const naming = Math.round(options.paragraphs * options.namingShare);
  // Naming paragraphs spread evenly; mentions dealt round-robin so each gets one or two.
  const namingIndexes = new Set(Array.from({ length: naming }, (_, i) => Math.floor((i * options.paragraphs) / naming)));
  const namingList = [...namingIndexes];
  const mentionsFor = new Map<number, number>();
  for (let i = 0; i < options.mentions; i++) {
    const index = namingList[i % namingList.length] as number;
    mentionsFor.set(index, (mentionsFor.get(index) ?? 0) + 1);
  }
  const paragraphs: string[] = [];
  let words = 0;
  let planted = 0;
  let split = 0;
  for (let index = 0; index < options.paragraphs; index++) {
    const slots = fillerSentence(random, random.int(options.minWords, options.maxWords)).map(escapeHtml);
    for (let i = 0; i < options.contextWordsPerParagraph; i++) insertAt(random, slots, escapeHtml(random.pick(vocabulary.contextWords)));
    // The first paragraphs name every full form once, so short forms later have their full name.
    const count = mentionsFor.get(index) ?? 0;
    for (let i = 0; i < count; i++) {
      const roll = random.next();
      let mention: string;
      if (planted < vocabulary.fullForms.length) mention = escapeHtml(vocabulary.fullForms[planted] as string);
      else if (roll < 0.5) mention = escapeHtml(random.pick(vocabulary.fullForms));
      else if (roll < 0.75) mention = escapeHtml(random.pick(vocabulary.shortForms));
      else {
        const ambiguous = random.pick(vocabulary.ambiguous);
        insertAt(random, slots, escapeHtml(random.pick(ambiguous.context)));
        mention = escapeHtml(ambiguous.form);
      }
      if (split < options.split && mention.includes(' ') && random.next() < 0.3) {
        mention = renderMention(mention, random.next() < 0.5 ? 'split-emphasis' : 'split-strong', `p${index}`);
        split++;
      }
      insertAt(random, slots, mention);
      planted++;
    }
    words += slots.length;
    paragraphs.push(`<p id="p${index}">${slots.join(' ')}.</p>`);
  }
  const html = documentAround(title, `<article><h1>${escapeHtml(title)}</h1>\n${paragraphs.join('\n')}\n</article>`);
  return { html, bytes: Buffer.byteLength(html, 'utf8'), words, paragraphs: options.paragraphs, plantedMentions: planted };
}

export const QUIET_JSON_PAGE = {
  seed: 20261206,
  paragraphs: 40,
  /** Inline JSON blocks and their size: a framework's hydration data, which names everything. */
  jsonBlocks: 6,
  jsonBlockBytes: 150_000,
} as const;

/** About 1 MB: forty paragraphs without our names, and 900 kB of inline JSON full of them. */
export function generateQuietJsonPage(catalog: readonly CatalogEntry[]): GeneratedPage {
  const options = QUIET_JSON_PAGE;
  const prose = generateParagraphs({ seed: options.seed, title: '', paragraphs: options.paragraphs, minWords: 60, maxWords: 92, names: [], mentions: 0 });
  const random = createRandom(options.seed + 1);
  const names = catalog.flatMap((entry) => entry.forms);
  const blocks: string[] = [];
  for (let block = 0; block < options.jsonBlocks; block++) {
    const items: { id: string; headline: string; body: string }[] = [];
    let size = 0;
    while (size < options.jsonBlockBytes) {
      const body = `${fillerSentence(random, 40).join(' ')} ${random.pick(names)} ${fillerSentence(random, 20).join(' ')}.`;
      const item = { id: `story-${block}-${items.length}`, headline: `${random.pick(names)} ${fillerSentence(random, 6).join(' ')}`, body };
      items.push(item);
      size += body.length + item.headline.length + 40;
    }
    // `<` escaped as JSON allows, as frameworks do, so no item can close the script.
    blocks.push(`<script type="application/json" id="data-${block}">${JSON.stringify({ items }).replace(/</g, '\\u003c')}</script>`);
  }
  const title = 'Generated quiet page: prose without names, 900 kB of inline JSON';
  const body = [`<article><h1>${escapeHtml(title)}</h1>`, prose.paragraphs.join('\n'), '</article>', ...blocks].join('\n');
  const html = documentAround(title, body);
  return { html, bytes: Buffer.byteLength(html, 'utf8'), words: prose.words, paragraphs: options.paragraphs, plantedMentions: 0 };
}

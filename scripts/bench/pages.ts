/**
 * Seeded page generators. The same seed gives the same bytes, so a figure from today compares
 * with one from last week. Mentions are planted the way news sites write them: plain, with a
 * typographic possessive, split across inline elements (`Salt <em>Typhoon</em>`) and inside
 * links (`<a>Nvidia</a>’s`), so the extension meets the markup it meets on the web.
 */
import { createRandom, type Random } from './random';
import { FILLER_WORDS } from './vocabulary';

export interface ArticlePageOptions {
  seed: number;
  title: string;
  paragraphs: number;
  /** Words per paragraph are drawn uniformly from this range. */
  minWords: number;
  maxWords: number;
  /** The phrases to plant (real catalog forms, so the real extension highlights them). */
  names: readonly string[];
  /** How many mentions to plant across the page; ignored when `names` is empty. */
  mentions: number;
}

export interface GeneratedPage {
  html: string;
  /** UTF-8 size of `html`. */
  bytes: number;
  words: number;
  paragraphs: number;
  /** Mentions planted; a highlighter that finds them all makes at least this many marks. */
  plantedMentions: number;
}

/** The baseline page of the issue: about 1 MB, 152,000 words, 2,000 paragraphs, 733 mentions of 40 names. */
export const ONE_MEGABYTE_PAGE = {
  seed: 20251122,
  paragraphs: 2000,
  minWords: 60,
  maxWords: 92,
  mentions: 733,
  maxNames: 40,
} as const;

export type MentionStyle = 'plain' | 'possessive' | 'split-emphasis' | 'linked' | 'linked-possessive' | 'split-strong';
const MENTION_STYLES: readonly MentionStyle[] = ['plain', 'possessive', 'split-emphasis', 'linked', 'linked-possessive', 'split-strong'];

const TYPOGRAPHIC_APOSTROPHE = '\u2019';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One mention as markup. Split styles need two words; a one-word name falls back to a linked possessive. */
export function renderMention(name: string, style: MentionStyle, anchor: string): string {
  const words = name.split(' ');
  const head = escapeHtml(words.slice(0, -1).join(' '));
  const tail = escapeHtml(words[words.length - 1] ?? '');
  const whole = escapeHtml(name);
  const multiWord = words.length > 1;
  switch (style) {
    case 'plain':
      return whole;
    case 'possessive':
      return `${whole}${TYPOGRAPHIC_APOSTROPHE}s`;
    case 'linked':
      return `<a href="#${anchor}">${whole}</a>`;
    case 'split-emphasis':
      return multiWord ? `${head} <em>${tail}</em>` : renderMention(name, 'linked-possessive', anchor);
    case 'split-strong':
      return multiWord ? `<strong>${head}</strong> ${tail}` : renderMention(name, 'linked-possessive', anchor);
    case 'linked-possessive':
      return `<a href="#${anchor}">${whole}</a>${TYPOGRAPHIC_APOSTROPHE}s`;
  }
}

/** Spreads `total` mentions over `paragraphs` paragraphs at random; returns the count for each. */
function mentionsPerParagraph(random: Random, paragraphs: number, total: number): number[] {
  const counts = Array.from({ length: paragraphs }, () => 0);
  if (paragraphs === 0) return counts;
  for (let i = 0; i < total; i++) {
    const index = random.int(0, paragraphs - 1);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

interface ParagraphText {
  html: string;
  words: number;
}

/**
 * One paragraph: sentences of filler with inline links and emphasis around a few filler words
 * (so text nodes are split the way real articles split them) and the given mentions at random
 * word positions.
 */
export function renderParagraph(random: Random, wordCount: number, mentions: readonly string[], index: number): ParagraphText {
  const slots: string[] = [];
  let sentenceStart = true;
  for (let i = 0; i < wordCount; i++) {
    let word = random.pick(FILLER_WORDS);
    if (sentenceStart) word = word.charAt(0).toUpperCase() + word.slice(1);
    sentenceStart = false;
    const roll = random.next();
    if (roll < 0.03) word = `<a href="#p${random.int(0, index + 1)}">${word}</a>`;
    else if (roll < 0.05) word = `<em>${word}</em>`;
    else if (roll < 0.06) word = `<strong>${word}</strong>`;
    if (i === wordCount - 1 || random.next() < 0.07) {
      word += '.';
      sentenceStart = true;
    } else if (random.next() < 0.05) {
      word += ',';
    }
    slots.push(word);
  }
  let words = wordCount;
  for (const name of mentions) {
    const at = random.int(0, slots.length);
    slots.splice(at, 0, renderMention(name, random.pick(MENTION_STYLES), `p${index}`));
    words += name.split(' ').length;
  }
  return { html: `<p id="p${index}">${slots.join(' ')}</p>`, words };
}

export interface ParagraphsResult {
  paragraphs: string[];
  words: number;
  planted: number;
}

/** The paragraphs of an article page, without the document around them. */
export function generateParagraphs(options: ArticlePageOptions, firstIndex = 0): ParagraphsResult {
  const random = createRandom(options.seed);
  const plantNames = options.names.length > 0;
  const counts = mentionsPerParagraph(random, options.paragraphs, plantNames ? options.mentions : 0);
  const paragraphs: string[] = [];
  let words = 0;
  let planted = 0;
  for (let i = 0; i < options.paragraphs; i++) {
    const mentions = Array.from({ length: counts[i] ?? 0 }, () => random.pick(options.names));
    const paragraph = renderParagraph(random, random.int(options.minWords, options.maxWords), mentions, firstIndex + i);
    paragraphs.push(paragraph.html);
    words += paragraph.words;
    planted += mentions.length;
  }
  return { paragraphs, words, planted };
}

export function documentAround(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:17px/1.55 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}</style>',
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
}

export function generateArticlePage(options: ArticlePageOptions): GeneratedPage {
  const { paragraphs, words, planted } = generateParagraphs(options);
  const html = documentAround(options.title, `<article><h1>${escapeHtml(options.title)}</h1>\n${paragraphs.join('\n')}\n</article>`);
  return { html, bytes: Buffer.byteLength(html, 'utf8'), words, paragraphs: options.paragraphs, plantedMentions: planted };
}

export interface StreamingPageOptions extends ArticlePageOptions {
  /** Paragraphs appended after the bench starts the stream. */
  appended: number;
  intervalMs: number;
}

/**
 * A live page: the initial paragraphs, plus `appended` more held in an inert <template> (its
 * content is not in the document, so nobody highlights it early). `window.__benchStartStream()`
 * starts appending one every `intervalMs`; each append leaves a `bench-append` performance mark,
 * which shows up in the trace, and `window.__benchStream` tells when the stream is done.
 */
export function generateStreamingPage(options: StreamingPageOptions): GeneratedPage {
  const initial = generateParagraphs(options);
  const appendedShare = Math.round((options.mentions * options.appended) / Math.max(1, options.paragraphs));
  const later = generateParagraphs(
    { ...options, seed: options.seed + 1, paragraphs: options.appended, mentions: appendedShare },
    options.paragraphs,
  );
  const script = `
(() => {
  const stream = (window.__benchStream = { appended: 0, total: ${options.appended}, done: false });
  window.__benchStartStream = () => {
    const items = Array.from(document.getElementById('bench-stream').content.children);
    const article = document.querySelector('article');
    const timer = setInterval(() => {
      const next = items[stream.appended];
      if (!next) { clearInterval(timer); stream.done = true; return; }
      article.append(document.importNode(next, true));
      stream.appended += 1;
      performance.mark('bench-append');
    }, ${options.intervalMs});
  };
})();`;
  const body = [
    `<article><h1>${escapeHtml(options.title)}</h1>`,
    initial.paragraphs.join('\n'),
    '</article>',
    `<template id="bench-stream">${later.paragraphs.join('\n')}</template>`,
    `<script>${script}</script>`,
  ].join('\n');
  const html = documentAround(options.title, body);
  return {
    html,
    bytes: Buffer.byteLength(html, 'utf8'),
    words: initial.words + later.words,
    paragraphs: options.paragraphs + options.appended,
    plantedMentions: initial.planted + later.planted,
  };
}

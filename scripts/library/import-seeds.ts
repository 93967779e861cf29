/**
 * `npx tsx scripts/library/import-seeds.ts`: turns the seeds in ../shared/seeds/ into the
 * committed reference library, src/shared/library/articles.json. The library is committed
 * because a user's clone has no ../shared/; this script is how it is (re)made.
 *
 * Paragraph text is kept exactly as received, character for character; only whole boilerplate
 * lines and repeated headlines are dropped, and each step fails loudly if the seed is not shaped
 * as its spec says.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/shared/knowledge/types';
import { SEEDS, type SeedSpec } from './seeds';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SEEDS_DIR = path.resolve(root, '..', 'shared', 'seeds');
export const LIBRARY_PATH = path.join(root, 'src', 'shared', 'library', 'articles.json');

/** Non-empty lines of a seed. A line break ends a paragraph; "\r" belongs to the break, not the text. */
function contentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

export function articleFromSeed(text: string, spec: SeedSpec): Article {
  let lines = contentLines(text);
  for (const boilerplate of spec.boilerplate) {
    if (!lines.includes(boilerplate)) {
      throw new Error(`${spec.file}: boilerplate line not found (has the seed changed?): ${JSON.stringify(boilerplate)}`);
    }
    lines = lines.filter((line) => line !== boilerplate);
  }

  let headline: string | null = null;
  if (spec.headline === 'first-line') {
    headline = lines[0] ?? null;
    if (headline === null) throw new Error(`${spec.file}: expected a headline line, found no text`);
    // The headline is kept once, as the headline; its leading repeats are not body text.
    while (lines[0] === headline) lines.shift();
  }

  if (lines.length === 0) throw new Error(`${spec.file}: no paragraphs left after removing boilerplate`);
  return { id: spec.id, publisher: spec.publisher, headline, paragraphs: lines };
}

export async function importSeeds(seedsDir: string = DEFAULT_SEEDS_DIR, specs: readonly SeedSpec[] = SEEDS): Promise<Article[]> {
  const articles: Article[] = [];
  for (const spec of specs) {
    const text = await readFile(path.join(seedsDir, spec.file), 'utf8');
    articles.push(articleFromSeed(text, spec));
  }
  const ids = new Set(articles.map((article) => article.id));
  if (ids.size !== articles.length) throw new Error('seed specs: article ids must be unique');
  return articles;
}

/** The library file's exact text: pretty JSON with a final newline, so re-imports diff cleanly. */
export function serializeLibrary(articles: readonly Article[]): string {
  return JSON.stringify(articles, null, 2) + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seedsDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_SEEDS_DIR;
  const articles = await importSeeds(seedsDir);
  await writeFile(LIBRARY_PATH, serializeLibrary(articles));
  const summary = articles.map((article) => `${article.id} (${article.paragraphs.length} paragraphs)`).join(', ');
  process.stdout.write(`wrote ${path.relative(root, LIBRARY_PATH)}: ${summary}\n`);
}

/**
 * The pages every run visits, registered on the loopback server: a one-paragraph page (start-up
 * cost), the demo article, the generated 1 MB page with our names and the same without any, the
 * dense page and the quiet page with inline JSON (./dense-pages.ts), and the real news pages in
 * ../shared/realworld-pages/ (served under /realworld/) when that folder exists.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../src/shared/catalog/entities';
import type { FixtureServer } from '../harness/server';
import { generateDensePage, generateQuietJsonPage } from './dense-pages';
import { plantableNames } from './names';
import { generateArticlePage, ONE_MEGABYTE_PAGE, type GeneratedPage } from './pages';

const DEMO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo/article.html');

/** One page the bench visits. */
export interface BenchPage {
  id: string;
  label: string;
  url: string;
  bytes: number;
  /** Mentions the generator planted; null for pages we did not write. */
  plantedMentions: number | null;
}

/** Page ids with a role in the targets or the card. */
export const PAGE_IDS = { startup: 'startup', demo: 'demo', oneMegabyte: 'one-mb', noNames: 'no-names', dense: 'dense', quietJson: 'quiet-json' } as const;

/** The pages in visiting order; `realWorldDir` null leaves the real pages out. What is missing is noted in `skipped`. */
export async function registerBenchPages(server: FixtureServer, realWorldDir: string | null, skipped: string[]): Promise<BenchPage[]> {
  const generated = (id: string, label: string, page: GeneratedPage): BenchPage => ({ id, label, url: server.page(page.html, `/bench/${id}.html`), bytes: page.bytes, plantedMentions: page.plantedMentions });
  const names = plantableNames(CATALOG, ONE_MEGABYTE_PAGE.maxNames);
  const pages = [generated(PAGE_IDS.startup, 'start-up: 1 paragraph, no names', generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 1, title: 'One paragraph, no names', names: [] }))];
  if (existsSync(DEMO_FILE)) pages.push({ id: PAGE_IDS.demo, label: 'demo article', url: server.url('/demo/article.html'), bytes: (await stat(DEMO_FILE)).size, plantedMentions: null });
  else skipped.push(`demo page (${DEMO_FILE} is missing)`);
  pages.push(
    generated(PAGE_IDS.oneMegabyte, `1 MB generated, ${names.length} names`, generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'Generated news page (1 MB)', names })),
    generated(PAGE_IDS.noNames, '1 MB generated, no names', generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'Generated page with none of our names (1 MB)', names: [] })),
    generated(PAGE_IDS.dense, '1 MB dense: context everywhere', generateDensePage(CATALOG)),
    generated(PAGE_IDS.quietJson, '1 MB quiet: inline JSON', generateQuietJsonPage(CATALOG)),
  );
  if (realWorldDir === null) return pages;
  if (!existsSync(realWorldDir)) {
    skipped.push(`real-world pages (${realWorldDir} is absent)`);
    return pages;
  }
  for (const file of (await readdir(realWorldDir)).filter((name) => name.endsWith('.html')).sort()) {
    pages.push({ id: `realworld/${file}`, label: file.replace(/\.html$/, ''), url: server.url(`/realworld/${file}`), bytes: (await stat(path.join(realWorldDir, file))).size, plantedMentions: null });
  }
  return pages;
}

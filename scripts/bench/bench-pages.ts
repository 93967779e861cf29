/**
 * The pages every run visits, registered on the loopback server: a one-paragraph page (start-up
 * cost), the demo article, the generated 1 MB page with our names and the same without any, the
 * dense page and the quiet page with inline JSON (./dense-pages.ts), and
 * the real news pages in ../shared/realworld-pages/ when that folder exists.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '../../src/shared/catalog/types';
import type { FixtureServer } from '../harness/server';
import type { BenchPage } from './context';
import { plantableNames } from './names';
import { generateDensePage, generateQuietJsonPage } from './dense-pages';
import { generateArticlePage, ONE_MEGABYTE_PAGE } from './pages';
import { PAGE_IDS } from './targets';

export interface PageSources {
  demoFile: string;
  realWorldDir: string;
  includeRealWorld: boolean;
}

export async function registerBenchPages(server: FixtureServer, catalog: readonly CatalogEntry[], sources: PageSources, skipped: string[]): Promise<BenchPage[]> {
  const names = plantableNames(catalog, ONE_MEGABYTE_PAGE.maxNames);
  const oneMb = generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'Generated news page (1 MB)', names });
  const noNames = generateArticlePage({ ...ONE_MEGABYTE_PAGE, title: 'Generated page with none of our names (1 MB)', names: [] });
  const dense = generateDensePage(catalog);
  const quietJson = generateQuietJsonPage(catalog);
  const startup = generateArticlePage({ ...ONE_MEGABYTE_PAGE, paragraphs: 1, title: 'One paragraph, no names', names: [] });

  const pages: BenchPage[] = [
    { id: PAGE_IDS.startup, label: 'start-up: 1 paragraph, no names', url: server.page(startup.html, '/bench/startup.html'), bytes: startup.bytes, plantedMentions: 0 },
  ];
  if (existsSync(sources.demoFile)) {
    pages.push({ id: 'demo', label: 'demo article', url: server.url('/demo/article.html'), bytes: (await stat(sources.demoFile)).size, plantedMentions: null });
  } else {
    skipped.push(`demo page (${sources.demoFile} is missing)`);
  }
  pages.push(
    { id: PAGE_IDS.oneMegabyte, label: `1 MB generated, ${names.length} names`, url: server.page(oneMb.html, '/bench/one-mb.html'), bytes: oneMb.bytes, plantedMentions: oneMb.plantedMentions },
    { id: PAGE_IDS.noNames, label: '1 MB generated, no names', url: server.page(noNames.html, '/bench/no-names.html'), bytes: noNames.bytes, plantedMentions: 0 },
    { id: PAGE_IDS.dense, label: '1 MB dense: context everywhere', url: server.page(dense.html, '/bench/dense.html'), bytes: dense.bytes, plantedMentions: dense.plantedMentions },
    { id: PAGE_IDS.quietJson, label: '1 MB quiet: inline JSON', url: server.page(quietJson.html, '/bench/quiet-json.html'), bytes: quietJson.bytes, plantedMentions: 0 },
  );

  if (!sources.includeRealWorld) return pages;
  if (!existsSync(sources.realWorldDir)) {
    skipped.push(`real-world pages (${sources.realWorldDir} is absent)`);
    return pages;
  }
  const files = (await readdir(sources.realWorldDir)).filter((name) => name.endsWith('.html')).sort();
  for (const file of files) {
    pages.push({
      id: `realworld/${file}`,
      label: file.replace(/\.html$/, ''),
      url: server.url(`/realworld/${file}`),
      bytes: (await stat(path.join(sources.realWorldDir, file))).size,
      plantedMentions: null,
    });
  }
  return pages;
}

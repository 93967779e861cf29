/**
 * `npm run eval`: name discovery against hand labels (eval/labels.ts) on real articles: the two
 * bundled seeds, six mozilla/readability test-page excerpts (eval/excerpts.json), and the six
 * realworld pages in ../shared/realworld-pages when that folder exists (skipped otherwise).
 *
 * Per article and overall: precision over the top 10 offered (offered names that are labelled
 * names or other real names), recall of the labelled names (over everything offered), and recall
 * of the "Full Name (ACR)" pairs. Discovery runs with nothing known, so the seeds' names, which
 * the catalog holds, are measured too; `--catalog` runs it with the catalog as known names.
 *
 * Then, as a separate section, the entity-highlighting eval (scripts/eval-entities.ts): the
 * matcher's highlights against hand labels on real pages, local-only and whole-page side by side.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../src/shared/catalog/entities';
import { type Candidate, discoverNames, knownFromCatalog } from '../src/shared/discovery';
import { indexKnown } from '../src/shared/discovery/known-names';
import { ARTICLES } from '../src/shared/library';
import { extractArticle } from '../eval/extract';
import { type ArticleLabels, LABELS } from '../eval/labels';
import { evalEntities } from './eval-entities';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REALWORLD = process.env.REALWORLD_DIR ?? join(root, '..', 'shared', 'realworld-pages');
const TOP = 10;

interface EvalArticle {
  id: string;
  title: string;
  paragraphs: string[];
  lang?: string | null;
}

function articles(): EvalArticle[] {
  const out: EvalArticle[] = ARTICLES.map((article) => ({ id: article.id, title: article.headline ?? '', paragraphs: [...article.paragraphs] }));
  const excerpts = JSON.parse(readFileSync(join(root, 'eval', 'excerpts.json'), 'utf8')) as EvalArticle[];
  out.push(...excerpts);
  if (existsSync(REALWORLD)) {
    for (const file of readdirSync(REALWORLD).filter((name) => name.endsWith('.html')).sort()) {
      const extracted = extractArticle(readFileSync(join(REALWORLD, file), 'utf8'));
      if (extracted) out.push({ id: file.replace(/\.html$/u, ''), ...extracted });
    }
  } else {
    console.log(`(${REALWORLD} is absent: its six pages are skipped)`);
  }
  return out;
}

const fold = (text: string): string =>
  text.normalize('NFC').replace(/[\u2019\u02BC]/gu, "'").replace(/\s+/gu, ' ').replace(/^the /iu, '').trim().toLowerCase();

/** Every folded way of writing a labelled name, mapped to the label's own name. */
function labelIndex(labels: ArticleLabels): { wanted: Map<string, string>; real: Set<string> } {
  const wanted = new Map<string, string>();
  for (const entry of labels.names) {
    const name = typeof entry === 'string' ? entry : entry.name;
    const aliases = typeof entry === 'string' ? [] : (entry.aliases ?? []);
    for (const form of [name, ...aliases]) wanted.set(fold(form), name);
  }
  const real = new Set([...wanted.keys(), ...labels.alsoReal.map(fold)]);
  return { wanted, real };
}

/** A candidate is right when its name, or failing that its forms or acronym, is a labelled way of writing a real name. */
function candidateForms(candidate: Candidate): string[] {
  return [candidate.name, ...candidate.forms, ...(candidate.acronym ? [candidate.acronym] : [])].map(fold);
}

function pct(n: number, d: number): string {
  return d === 0 ? '   –' : `${((100 * n) / d).toFixed(0).padStart(3)}%`;
}

const useCatalog = process.argv.includes('--catalog');
const verbose = process.argv.includes('--verbose');
const known = useCatalog ? knownFromCatalog(CATALOG) : [];
const knownIndex = indexKnown(known);
/** With the catalog as known names, what the catalog already holds is not expected to be offered. */
const isKnown = (name: string): boolean => useCatalog && (knownIndex.find([name]) !== undefined || knownIndex.findWithin(name) !== undefined);
/** Sums for the held-out articles alone (labelled after tuning, see eval/labels.ts). */
const held = { top: 0, topRight: 0, wanted: 0, found: 0, pairs: 0, pairsFound: 0, all: 0, allRight: 0 };
let totalAll = 0;
let totalAllRight = 0;
let totalTop = 0;
let totalTopRight = 0;
let totalWanted = 0;
let totalFound = 0;
let totalPairs = 0;
let totalPairsFound = 0;
const rows: string[] = [];
const missing: string[] = [];
for (const article of articles()) {
  const labels = LABELS.find((entry) => entry.id === article.id);
  if (!labels) {
    console.log(`no labels for ${article.id}; skipped`);
    continue;
  }
  const { wanted, real } = labelIndex(labels);
  const offered = discoverNames(article, { known });
  const top = offered.slice(0, TOP);
  const isReal = (candidate: Candidate): boolean => candidateForms(candidate).some((form) => real.has(form));
  const wrong = top.filter((candidate) => !isReal(candidate));
  const allRight = offered.filter(isReal).length;
  totalAll += offered.length;
  totalAllRight += allRight;
  const foundNames = new Set<string>();
  for (const candidate of offered) for (const form of candidateForms(candidate)) if (wanted.has(form)) foundNames.add(wanted.get(form)!);
  // With the catalog as known names, a labelled name the catalog holds is not expected to be offered.
  const expected = new Set(labels.names.map((entry) => (typeof entry === 'string' ? entry : entry.name)).filter((name) => !isKnown(name)));
  const expectedPairs = labels.pairs.filter((pair) => !isKnown(pair.long));
  const found = [...expected].filter((name) => foundNames.has(name));
  const pairsFound = expectedPairs.filter((pair) =>
    offered.some((candidate) => fold(candidate.name) === fold(pair.long) && candidate.acronym !== undefined && fold(candidate.acronym) === fold(pair.short)),
  );
  if (labels.heldOut) {
    held.top += top.length;
    held.topRight += top.length - wrong.length;
    held.wanted += expected.size;
    held.found += found.length;
    held.pairs += expectedPairs.length;
    held.pairsFound += pairsFound.length;
    held.all += offered.length;
    held.allRight += allRight;
  }
  totalTop += top.length;
  totalTopRight += top.length - wrong.length;
  totalWanted += expected.size;
  totalFound += found.length;
  totalPairs += expectedPairs.length;
  totalPairsFound += pairsFound.length;
  rows.push(
    `${`${labels.heldOut ? '*' : ''}${article.id}`.padEnd(34)} ${String(offered.length).padStart(7)} ${`${top.length - wrong.length}/${top.length}`.padStart(6)} ${pct(top.length - wrong.length, top.length)}   ${`${found.length}/${expected.size}`.padStart(6)} ${pct(found.length, expected.size)}   ${`${pairsFound.length}/${expectedPairs.length}`.padStart(5)}   ${pct(allRight, offered.length)}`,
  );
  if (wrong.length > 0) missing.push(`  ${article.id}: wrong in top ${TOP}: ${wrong.map((c) => `"${c.name}"`).join(', ')}`);
  const missed = [...expected].filter((name) => !foundNames.has(name));
  if (missed.length > 0) missing.push(`  ${article.id}: labelled names not offered: ${missed.join(', ')}`);
  if (verbose) {
    missing.push(`  ${article.id}: offered: ${offered.map((c) => `${c.name} [${c.category} ${c.count}${c.acronym ? ` ${c.acronym}` : ''}${c.shortForms.length ? ` ~${c.shortForms.join('/')}` : ''}]`).join('; ')}`);
  }
}
console.log(`Name discovery eval${useCatalog ? ' (catalog names known)' : ''}: precision over the top ${TOP} offered, recall of labelled names, acronym pairs found`);
console.log(`${'article'.padEnd(34)} offered  top10  prec.   names  recall  pairs   prec. (all offered)`);
for (const row of rows) console.log(row);
console.log(
  `${'OVERALL'.padEnd(34)} ${''.padStart(7)} ${`${totalTopRight}/${totalTop}`.padStart(6)} ${pct(totalTopRight, totalTop)}   ${`${totalFound}/${totalWanted}`.padStart(6)} ${pct(totalFound, totalWanted)}   ${`${totalPairsFound}/${totalPairs}`.padStart(5)}   ${pct(totalAllRight, totalAll)}`,
);
if (held.top > 0) {
  console.log(
    `${'HELD OUT (*)'.padEnd(34)} ${''.padStart(7)} ${`${held.topRight}/${held.top}`.padStart(6)} ${pct(held.topRight, held.top)}   ${`${held.found}/${held.wanted}`.padStart(6)} ${pct(held.found, held.wanted)}   ${`${held.pairsFound}/${held.pairs}`.padStart(5)}   ${pct(held.allRight, held.all)}`,
  );
}
if (missing.length > 0) {
  console.log('\nDetails:');
  for (const line of missing) console.log(line);
}

evalEntities();

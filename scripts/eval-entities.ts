/**
 * Entity-highlighting eval (issue #11 part 2): the real matcher, as the extension drives it, on
 * hand-labelled real pages (eval/entities/labels.ts). Printed by `npm run eval` after the
 * discovery eval; `tsx scripts/eval-entities.ts` prints it alone.
 *
 * Each page is a list of blocks in document order (the text runs the extension scans): the two
 * reference articles (../shared/seeds, one block per line), the six complete news DOMs of
 * ../shared/realworld-pages cut into runs by eval/entities/blocks.ts, and committed excerpts
 * (mozilla/readability test pages, public web pages; sources named in the JSON). Folders that
 * are absent are skipped with a note.
 *
 * Two modes, side by side:
 * - local-only: one pass, `page.scanBlock(block)` per block, no `settle()`;
 * - whole-page: the same pass, then `if (page.settle())` every block again on the same page,
 *   which is what the extension does.
 * A highlight is right when it overlaps a labelled mention of the same entity in the same block.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../src/shared/catalog/entities';
import { compileMatcher } from '../src/shared/matcher';
import { blocksOfHtml } from '../eval/entities/blocks';
import { LABELS } from '../eval/entities/labels';
import type { PageLabels } from '../eval/entities/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REALWORLD = process.env.REALWORLD_DIR ?? join(root, '..', 'shared', 'realworld-pages');
const SEEDS = process.env.SEEDS_DIR ?? join(root, '..', 'shared', 'seeds');
/** Seed files by their id prefix. */
const SEED_PAGES: Record<string, string> = { '000': 'seed-000-ft', '003': 'seed-003-cnews' };

interface Page {
  id: string;
  group: 'seeds' | 'realworld' | 'readability' | 'web';
  blocks: string[];
}

function loadPages(notes: string[]): Page[] {
  const pages: Page[] = [];
  if (existsSync(SEEDS)) {
    for (const file of readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort()) {
      const id = SEED_PAGES[file.slice(0, 3)];
      if (!id) continue;
      const blocks = readFileSync(join(SEEDS, file), 'utf8').split('\n').filter((line) => line.trim());
      pages.push({ id, group: 'seeds', blocks });
    }
  } else {
    notes.push(`(${SEEDS} is absent: the two seed articles are skipped)`);
  }
  if (existsSync(REALWORLD)) {
    for (const file of readdirSync(REALWORLD).filter((name) => name.endsWith('.html')).sort()) {
      pages.push({ id: file.replace(/\.html$/u, ''), group: 'realworld', blocks: blocksOfHtml(readFileSync(join(REALWORLD, file), 'utf8')) });
    }
  } else {
    notes.push(`(${REALWORLD} is absent: its six pages are skipped)`);
  }
  for (const [file, group] of [
    ['readability-excerpts.json', 'readability'],
    ['web-excerpts.json', 'web'],
  ] as const) {
    const excerpts = JSON.parse(readFileSync(join(root, 'eval', 'entities', file), 'utf8')) as Array<{ id: string; blocks: string[] }>;
    for (const excerpt of excerpts) pages.push({ id: excerpt.id, group, blocks: excerpt.blocks });
  }
  return pages;
}

interface Span {
  block: number;
  start: number;
  end: number;
}
interface Labelled extends Span {
  id: string;
}
interface Negative extends Span {
  why: string;
}

const WORD = /[\p{L}\p{N}]/u;

/** Whole-word, case-sensitive occurrences of `text` in the blocks (those containing `inText` when given). */
function occurrences(blocks: readonly string[], text: string, inText?: string, nth?: number): Span[] {
  const found: Span[] = [];
  blocks.forEach((block, index) => {
    if (inText !== undefined && !block.includes(inText)) return;
    for (let at = block.indexOf(text); at >= 0; at = block.indexOf(text, at + 1)) {
      const before = at > 0 ? block[at - 1]! : ' ';
      const after = block[at + text.length] ?? ' ';
      if (WORD.test(before) || WORD.test(after)) continue;
      found.push({ block: index, start: at, end: at + text.length });
    }
  });
  return nth === undefined ? found : found.slice(nth, nth + 1);
}

const overlaps = (a: Span, b: Span): boolean => a.block === b.block && a.start < b.end && b.start < a.end;

function resolveLabels(page: Page, labels: PageLabels): { truth: Labelled[]; negatives: Negative[]; unsure: Span[] } {
  const negatives = labels.negatives.flatMap((rule) => occurrences(page.blocks, rule.text, rule.in, rule.nth).map((span) => ({ ...span, why: rule.why })));
  const unsure = (labels.unsure ?? []).flatMap((rule) => occurrences(page.blocks, rule.text, rule.in, rule.nth));
  const all = labels.mentions
    .flatMap((rule) => occurrences(page.blocks, rule.text, rule.in, rule.nth).map((span) => ({ ...span, id: rule.id })))
    .filter((span) => !negatives.some((negative) => overlaps(span, negative)) && !unsure.some((other) => overlaps(span, other)));
  // "Trump" inside a labelled "Donald Trump" is the same mention: keep the longest.
  const truth = all.filter(
    (span, index) =>
      !all.some(
        (other, otherIndex) =>
          other.id === span.id &&
          other.block === span.block &&
          other.start <= span.start &&
          other.end >= span.end &&
          (other.end - other.start > span.end - span.start || otherIndex < index),
      ),
  );
  return { truth, negatives, unsure };
}

interface Found extends Labelled {
  text: string;
}

const matcher = compileMatcher(CATALOG);

function scan(blocks: readonly string[], wholePage: boolean): Found[] {
  const page = matcher.newPage();
  const pass = () =>
    blocks.flatMap((block, index) => page.scanBlock(block).map((m) => ({ block: index, start: m.start, end: m.end, id: m.entityId, text: block.slice(m.start, m.end) })));
  const first = pass();
  return wholePage && page.settle() ? pass() : first;
}

interface EvalError {
  page: string;
  kind: 'FP' | 'FN';
  id: string;
  block: string;
  span: Span;
  why?: string;
}

interface Score {
  tp: Map<string, number>;
  fp: Map<string, number>;
  fn: Map<string, number>;
  errors: EvalError[];
  negativesHeld: number;
  negatives: number;
  byGroup: Map<string, { tp: number; fp: number; fn: number }>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function excerpt(block: string, span: Span): string {
  const flat = (text: string) => text.replace(/\s+/gu, ' ');
  const before = flat(block.slice(Math.max(0, span.start - 45), span.start)).trimStart();
  const after = flat(block.slice(span.end, span.end + 45)).trimEnd();
  return `${span.start > 45 ? '…' : ''}${before}[${flat(block.slice(span.start, span.end))}]${after}${span.end + 45 < block.length ? '…' : ''}`;
}

function score(pages: readonly Page[], wholePage: boolean): Score {
  const result: Score = { tp: new Map(), fp: new Map(), fn: new Map(), errors: [], negativesHeld: 0, negatives: 0, byGroup: new Map() };
  for (const page of pages) {
    const labels = LABELS.find((entry) => entry.page === page.id);
    if (!labels) continue;
    const { truth, negatives, unsure } = resolveLabels(page, labels);
    const found = scan(page.blocks, wholePage);
    const group = result.byGroup.get(page.group) ?? { tp: 0, fp: 0, fn: 0 };
    result.byGroup.set(page.group, group);
    const used = new Set<Labelled>();
    for (const mention of found) {
      const hit = truth.find((label) => !used.has(label) && label.id === mention.id && overlaps(label, mention));
      if (hit) {
        used.add(hit);
        bump(result.tp, mention.id);
        group.tp++;
        continue;
      }
      if (unsure.some((span) => overlaps(span, mention))) continue;
      bump(result.fp, mention.id);
      group.fp++;
      const negative = negatives.find((span) => overlaps(span, mention));
      result.errors.push({ page: page.id, kind: 'FP', id: mention.id, block: page.blocks[mention.block]!, span: mention, why: negative ? `hard negative: ${negative.why}` : undefined });
    }
    for (const label of truth) {
      if (used.has(label)) continue;
      bump(result.fn, label.id);
      group.fn++;
      result.errors.push({ page: page.id, kind: 'FN', id: label.id, block: page.blocks[label.block]!, span: label });
    }
    result.negatives += negatives.length;
    result.negativesHeld += negatives.filter((negative) => !found.some((mention) => overlaps(mention, negative))).length;
  }
  return result;
}

const ratio = (n: number, d: number): string => (d === 0 ? '    –' : (n / d).toFixed(3));
const sum = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
const errorKey = (error: EvalError): string => `${error.kind} ${error.page} ${error.id} ${error.span.block}:${error.span.start}`;

export function evalEntities(): void {
  const notes: string[] = [];
  const pages = loadPages(notes);
  const labelled = pages.filter((page) => LABELS.some((entry) => entry.page === page.id));
  for (const page of pages) if (!labelled.includes(page)) notes.push(`(no labels for ${page.id}: skipped)`);
  const local = score(labelled, false);
  const whole = score(labelled, true);
  const truthCount = labelled.reduce((n, page) => n + resolveLabels(page, LABELS.find((entry) => entry.page === page.id)!).truth.length, 0);

  console.log('\nEntity highlighting eval (issue #11): the real matcher on hand-labelled real pages');
  for (const note of notes) console.log(note);
  console.log(`${labelled.length} pages, ${labelled.reduce((n, page) => n + page.blocks.length, 0)} blocks, ${truthCount} true mentions, ${whole.negatives} hard negatives`);
  console.log(`${''.padEnd(30)} ${'local-only (one pass)'.padEnd(31)}| whole-page (pass, settle, pass)`);
  const header = `${'TP'.padStart(4)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  ${'prec.'.padStart(5)} ${'recall'.padStart(6)}    `;
  console.log(`${'entity'.padEnd(30)} ${header}| ${header}`);
  const ids = CATALOG.map((entry) => entry.id).filter((id) => [local, whole].some((s) => s.tp.has(id) || s.fp.has(id) || s.fn.has(id)));
  const cells = (s: Score, id: string | null): string => {
    const tp = id ? (s.tp.get(id) ?? 0) : sum(s.tp);
    const fp = id ? (s.fp.get(id) ?? 0) : sum(s.fp);
    const fn = id ? (s.fn.get(id) ?? 0) : sum(s.fn);
    return `${String(tp).padStart(4)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}  ${ratio(tp, tp + fp).padStart(5)} ${ratio(tp, tp + fn).padStart(6)}    `;
  };
  for (const id of ids) console.log(`${id.padEnd(30)} ${cells(local, id)}| ${cells(whole, id)}`);
  console.log(`${'OVERALL (micro)'.padEnd(30)} ${cells(local, null)}| ${cells(whole, null)}`);
  for (const group of ['seeds', 'realworld', 'readability', 'web']) {
    const l = local.byGroup.get(group);
    const w = whole.byGroup.get(group);
    if (!l || !w) continue;
    const c = (g: { tp: number; fp: number; fn: number }) =>
      `${String(g.tp).padStart(4)} ${String(g.fp).padStart(3)} ${String(g.fn).padStart(3)}  ${ratio(g.tp, g.tp + g.fp).padStart(5)} ${ratio(g.tp, g.tp + g.fn).padStart(6)}    `;
    console.log(`${`  pages: ${group}`.padEnd(30)} ${c(l)}| ${c(w)}`);
  }
  console.log(`Hard negatives held: local-only ${local.negativesHeld}/${local.negatives}, whole-page ${whole.negativesHeld}/${whole.negatives}`);

  const print = (title: string, errors: EvalError[]) => {
    console.log(`\n${title} (${errors.length}):`);
    for (const error of errors) console.log(`  ${error.kind} ${error.id.padEnd(24)} ${error.page}: ${excerpt(error.block, error.span)}${error.why ? `  (${error.why})` : ''}`);
  };
  print('Whole-page false positives', whole.errors.filter((error) => error.kind === 'FP'));
  print('Whole-page false negatives', whole.errors.filter((error) => error.kind === 'FN'));
  const localKeys = new Set(local.errors.map(errorKey));
  const wholeKeys = new Set(whole.errors.map(errorKey));
  print('Fixed by whole-page resolution (local-only errors the second pass gets right)', local.errors.filter((error) => !wholeKeys.has(errorKey(error))));
  print('Introduced by whole-page resolution', whole.errors.filter((error) => !localKeys.has(errorKey(error))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) evalEntities();

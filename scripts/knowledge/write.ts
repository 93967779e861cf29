/**
 * Writes the knowledge base the extension bundles (src/generated/knowledge.json, made by
 * `npm run build`). Stable JSON: two builds from the same sources are byte-identical.
 * `npx tsx scripts/knowledge/write.ts [out.json]` writes it on its own, to inspect it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../src/shared/catalog/entities';
import { SUMMARIES } from '../../src/shared/catalog/summaries';
import type { KnowledgeBase } from '../../src/shared/knowledge/types';
import { ARTICLES } from '../../src/shared/library';
import { compileKnowledgeBase } from './compile';
import { stableStringify } from './stable-json';

/** The knowledge base for the bundled library, catalog and summaries. */
export function buildKnowledgeBase(): KnowledgeBase {
  return compileKnowledgeBase(ARTICLES, CATALOG, SUMMARIES);
}

/** The exact text written: sorted keys, two-space indent, final newline. */
export function serializeKnowledgeBase(knowledge: KnowledgeBase): string {
  return stableStringify(knowledge);
}

export async function writeKnowledgeBase(outPath: string): Promise<void> {
  const text = serializeKnowledgeBase(buildKnowledgeBase());
  await mkdir(path.dirname(outPath), { recursive: true });
  await writeFile(outPath, text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const outPath = path.resolve(process.argv[2] ?? path.join(root, 'src', 'generated', 'knowledge.json'));
  await writeKnowledgeBase(outPath);
  process.stdout.write(`wrote ${path.relative(root, outPath)}\n`);
}

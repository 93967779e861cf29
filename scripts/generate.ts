/**
 * Writes what the extension's sources import from src/generated/ (git-ignored): the knowledge
 * base and the bundled catalog's precompiled matcher. The build runs it first; so does the
 * typecheck, since a fresh clone has neither file.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../src/shared/catalog/entities';
import { precompiledCatalogJson } from '../src/shared/matcher';
import { writeKnowledgeBase } from './knowledge/write';

const generated = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated');

export async function writeGeneratedSources(): Promise<void> {
  await writeKnowledgeBase(path.join(generated, 'knowledge.json'));
  await writeFile(path.join(generated, 'matcher.json'), precompiledCatalogJson(CATALOG));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeGeneratedSources();
  process.stdout.write(`wrote ${path.relative(process.cwd(), generated)}/knowledge.json and matcher.json\n`);
}

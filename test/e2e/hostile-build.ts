/**
 * A test copy of the extension whose bundled knowledge base carries markup for one entity: its
 * summary and one of its quotes are replaced in the built background script, where the build
 * embeds the knowledge base as a literal. Used by injection.test.ts to prove, in real browsers,
 * that the card shows such strings as text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildExtension } from '../../scripts/build';
import { BROWSERS } from '../../scripts/manifest';
import { buildKnowledgeBase } from '../../scripts/knowledge/write';
import { CARD_MAX_QUOTES } from '../../src/shared/constants';

export const IMG_MARKUP = '<img src=x onerror=alert(1)>';
export const SCRIPT_MARKUP = '<script>alert(1)</script>';

/** The hostile strings: no quote characters or backslashes, so they drop into any JS string literal as they are. */
export const HOSTILE_SUMMARY = `${IMG_MARKUP} summary ${SCRIPT_MARKUP}`;
export const HOSTILE_QUOTE = `${SCRIPT_MARKUP} quote ${IMG_MARKUP}`;

export interface HostileBuild {
  outDir: string;
  entityId: string;
}

/**
 * Builds the extension into `outDir` and swaps `entityId`'s summary and the first quote its card
 * shows that no other entity shares for the hostile strings, in both browsers' builds. Fails loudly if
 * the knowledge base is no longer embedded as it was, rather than testing an unpatched build.
 */
export async function buildHostileExtension(outDir: string, entityId: string): Promise<HostileBuild> {
  await buildExtension({ outDir });
  const kb = buildKnowledgeBase();
  const entity = kb.entities[entityId];
  if (!entity) throw new Error(`no ${entityId} in the knowledge base`);
  for (const browser of BROWSERS) {
    const file = path.join(outDir, browser, 'background', 'background.js');
    let script = await readFile(file, 'utf8');
    const summaryLiteral = JSON.stringify(entity.summary.text);
    const quote = entity.quotes.slice(0, CARD_MAX_QUOTES).find((candidate) => candidate.text !== entity.summary.text && occurrences(script, JSON.stringify(candidate.text)) === 1);
    if (occurrences(script, summaryLiteral) !== 1 || !quote) {
      throw new Error(`${file}: ${entityId}'s summary or a quote of its own is not embedded once as a literal; update hostile-build.ts`);
    }
    script = script.replace(summaryLiteral, JSON.stringify(HOSTILE_SUMMARY));
    script = script.replace(JSON.stringify(quote.text), JSON.stringify(HOSTILE_QUOTE));
    await writeFile(file, script);
  }
  return { outDir, entityId };
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

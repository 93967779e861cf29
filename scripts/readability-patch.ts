/**
 * Mozilla's add-ons linter warns on every `innerHTML =` it finds, and Readability has two. Both
 * act on the detached clone the capture script parses, never on the page, but the linter cannot
 * know that and must stay at zero warnings. This esbuild plugin rewrites the two lines, and fails
 * the build when they are not found (a Readability update must be looked at again):
 * - the retry loop restores the body from a cloned copy instead of re-parsing its HTML;
 * - the noscript-image unwrapping is skipped: capture keeps no images, and in a document with
 *   scripting on (every tab) a <noscript> holds text, so that branch is not reached anyway.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

const REWRITES: ReadonlyArray<readonly [from: string, to: string]> = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCache = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);'],
  ['tmp.innerHTML = noscript.innerHTML;', 'return;'],
];

export const readabilityWithoutInnerHtml: Plugin = {
  name: 'readability-without-innerhtml',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const [from, to] of REWRITES) {
        if (!source.includes(from)) throw new Error(`${args.path}: "${from}" not found; check scripts/readability-patch.ts`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * The highlighter, the matcher and the catalog of a checkout as one page script that sets
 * `window.__h10`, for the profiling tools to run beside the floor or beside another checkout.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeModules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../node_modules');

export async function bundleHighlighter(checkout: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { createHighlighter } from './src/content/highlighter';
        import { compileMatcher } from './src/shared/matcher';
        import { CATALOG } from './src/shared/catalog/entities';
        window.__h10 = { createHighlighter, compileMatcher, CATALOG };`,
      resolveDir: checkout,
      loader: 'ts',
    },
    nodePaths: [nodeModules],
    bundle: true,
    format: 'iife',
    write: false,
    minifyWhitespace: true,
    minifySyntax: true,
    target: 'chrome120',
  });
  return result.outputFiles[0]?.text ?? '';
}

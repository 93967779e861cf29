/**
 * `npm run build`: bundles every extension context with esbuild and writes one unpacked
 * extension per browser into dist/<browser>/, each with a manifest derived from the root one.
 */
import { build, transform, type Plugin } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, deriveManifest, type Browser } from './manifest';
import { writeGeneratedSources } from './generate';
import { readabilityWithoutInnerHtml } from './readability-patch';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

/** One entry point per extension context: src/<context>/index.ts → <context>/<context>.js. */
const CONTEXTS = ['content', 'background', 'popup', 'options', 'reader', 'library', 'capture'] as const;

export interface BuildOptions {
  /** Test builds include test-only hooks; production builds never do. */
  testHooks?: boolean;
  /** Where to write; defaults to dist/. */
  outDir?: string;
  /** Keep names readable (for a profile: scripts/bench/tools/profile-content.ts); shipped builds are minified. */
  readableNames?: boolean;
}

export async function buildExtension(options: BuildOptions = {}): Promise<string> {
  const outDir = options.outDir ?? path.join(root, 'dist');
  await writeGeneratedSources();
  const rootManifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  for (const browser of BROWSERS) {
    const target = path.join(outDir, browser);
    await rm(target, { recursive: true, force: true });
    await bundleContexts(browser, target, options);
    await copyStatic(target);
    const manifest = deriveManifest(rootManifest, browser);
    await writeFile(path.join(target, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  return outDir;
}

async function bundleContexts(browser: Browser, target: string, options: BuildOptions) {
  await build({
    entryPoints: CONTEXTS.map((context) => ({
      in: path.join(src, context, 'index.ts'),
      out: `${context}/${context}`,
    })),
    outdir: target,
    bundle: true,
    format: 'iife',
    minify: true,
    ...(options.readableNames ? { minify: false } : {}),
    legalComments: 'none',
    target: browser === 'chrome' ? 'chrome120' : 'firefox140',
    define: {
      __TEST_HOOKS__: JSON.stringify(Boolean(options.testHooks)),
      __BROWSER__: JSON.stringify(browser),
    },
    plugins: [cssAsMinifiedText, readabilityWithoutInnerHtml],
    logLevel: 'warning',
  });
}

/**
 * Styles that live inside a shadow root are imported as text, minified first: every byte of the
 * content script is parsed on every page, and comments are the part gzip cannot shrink.
 */
const cssAsMinifiedText: Plugin = {
  name: 'css-as-minified-text',
  setup(builder) {
    builder.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true, sourcefile: args.path });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/** Copies each context's top-level .html and .css files (nested CSS is bundled as text), the icons and the locale messages. */
async function copyStatic(target: string) {
  for (const context of CONTEXTS) {
    const dir = path.join(src, context);
    for (const name of await readdir(dir)) {
      if (name.endsWith('.html') || name.endsWith('.css')) {
        await mkdir(path.join(target, context), { recursive: true });
        await cp(path.join(dir, name), path.join(target, context, name));
      }
    }
  }
  await mkdir(path.join(target, 'icons'), { recursive: true });
  for (const name of await readdir(path.join(root, 'icons'))) {
    if (name.endsWith('.png')) await cp(path.join(root, 'icons', name), path.join(target, 'icons', name));
  }
  await cp(path.join(root, '_locales'), path.join(target, '_locales'), { recursive: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const testHooks = process.argv.includes('--test-hooks');
  const out = await buildExtension({ testHooks });
  process.stdout.write(`built ${BROWSERS.map((b) => path.relative(root, path.join(out, b))).join(', ')}\n`);
}

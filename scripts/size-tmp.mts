import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: ['src/content/index.ts'], bundle: true, minify: true, write: false, metafile: true, format: 'iife', target: 'chrome120', define: { __TEST_HOOKS__: 'false', __BROWSER__: '"chrome"' }, loader: { '.css': 'text' }, logLevel: 'silent' });
const out = Object.values(r.metafile.outputs)[0]!;
const rows = Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput] as const).sort((a, b) => b[1] - a[1]);
console.log('gz', gzipSync(r.outputFiles[0]!.contents, { level: 9 }).length);
for (const [k, b] of rows.slice(0, 45)) console.log(String(b).padStart(7), k);

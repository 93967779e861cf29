/** Bundle sizes as shipped: each context's script in the built extension, as built (minified) and gzipped at level 9. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTEXTS = ['content', 'background', 'popup', 'options', 'reader'] as const;

export interface BundleSize {
  context: string;
  file: string;
  /** Bytes as built (the build minifies); null when the file is missing. */
  minifiedBytes: number | null;
  gzipBytes: number | null;
}

export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

export async function bundleSizes(extensionDir: string): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const context of CONTEXTS) {
    const file = path.join(context, `${context}.js`);
    const full = path.join(extensionDir, file);
    const exists = await stat(full).then((info) => info.isFile()).catch(() => false);
    if (!exists) {
      sizes.push({ context, file, minifiedBytes: null, gzipBytes: null });
      continue;
    }
    const content = await readFile(full);
    sizes.push({ context, file, minifiedBytes: content.length, gzipBytes: gzipSize(content) });
  }
  return sizes;
}

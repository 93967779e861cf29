/** Bundle sizes as shipped: each context's script in the built extension, as built (minified) and gzipped at level 9. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTEXTS = ['content', 'background', 'popup', 'options', 'reader'] as const;

export interface BundleSize {
  context: string;
  file: string;
  /** Bytes as built (the build minifies) and gzipped; null when the file is missing. */
  minifiedBytes: number | null;
  gzipBytes: number | null;
}

export async function bundleSizes(extensionDir: string): Promise<BundleSize[]> {
  return Promise.all(
    CONTEXTS.map(async (context) => {
      const file = path.join(context, `${context}.js`);
      const content = await readFile(path.join(extensionDir, file)).catch(() => null);
      return { context, file, minifiedBytes: content?.length ?? null, gzipBytes: content ? gzipSync(content, { level: 9 }).length : null };
    }),
  );
}

/**
 * Derives each browser's manifest from the one root manifest.json. The root carries Chrome's
 * shape plus Firefox's gecko settings; each browser gets only the keys it understands, so
 * neither warns about the other's.
 */
export type Browser = 'chrome' | 'firefox';
export const BROWSERS: readonly Browser[] = ['chrome', 'firefox'];

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: unknown;
};

export function deriveManifest(root: Manifest, browser: Browser): Manifest {
  const manifest: Manifest = structuredClone(root);
  const worker = root.background?.service_worker;
  if (!worker) throw new Error('manifest.json must declare background.service_worker');
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts: [worker] };
  }
  return manifest;
}

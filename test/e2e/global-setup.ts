/**
 * Runs once before the real-browser tests: they load dist/chrome and dist/firefox, so those
 * must exist and be no older than the sources they are built from. `npm test` builds right
 * before this, so there it costs one directory walk; a bare `vitest run --project e2e` after
 * an edit gets a fresh build instead of silently testing the old one.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything scripts/build.ts reads. */
const BUILD_INPUTS = ['src', 'scripts', 'manifest.json', '_locales', 'icons'];
const BUILT_MANIFESTS = ['dist/chrome/manifest.json', 'dist/firefox/manifest.json'];

async function newestModification(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of await readdir(entry)) {
    // The build writes src/generated/ itself; counting it would make every build look stale.
    if (entry === path.join(root, 'src') && name === 'generated') continue;
    newest = Math.max(newest, await newestModification(path.join(entry, name)));
  }
  return newest;
}

async function builtAt(): Promise<number | null> {
  const times = await Promise.all(
    BUILT_MANIFESTS.map(async (file) => (await stat(path.join(root, file)).catch(() => null))?.mtimeMs),
  );
  return times.every((time): time is number => time !== undefined) ? Math.min(...times) : null;
}

export default async function setup(): Promise<void> {
  const otherBuild = process.env.BACKSTORY_DIST_DIR;
  if (otherBuild) {
    // Testing a build made elsewhere (say, unzipped packages): use it as it is, never rebuild it.
    for (const browser of ['chrome', 'firefox']) {
      const manifest = path.resolve(root, otherBuild, browser, 'manifest.json');
      if (!(await stat(manifest).catch(() => null))) throw new Error(`BACKSTORY_DIST_DIR: no ${manifest}`);
    }
    return;
  }
  const built = await builtAt();
  const inputs = Math.max(...(await Promise.all(BUILD_INPUTS.map((entry) => newestModification(path.join(root, entry))))));
  if (built !== null && built >= inputs) return;
  // Imported here, not at the top: the build pulls in every context, and a fresh dist needs none of it.
  const { buildExtension } = await import('../../scripts/build');
  await buildExtension();
}

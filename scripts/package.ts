/**
 * `npm run package`: builds, then zips each unpacked extension into dist/:
 * backstory-chrome-<version>.zip (for the Chrome Web Store, or to unzip and load unpacked) and
 * backstory-firefox-<version>.zip (for addons.mozilla.org, or about:debugging).
 *
 * The zips are written here with Node's zlib rather than by `web-ext build`, whose zip library
 * stamps every entry with the current time and adds entries in whatever order the disk answers.
 * Here the same build always gives the same bytes: entries sorted (manifest.json first, at the
 * root), one fixed timestamp, fixed permissions.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { BROWSERS, type Browser } from './manifest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ZipEntry {
  /** Path inside the zip, with forward slashes. */
  name: string;
  data: Buffer;
}

/** Every file under `dir`, named relative to it; manifest.json first, then by name. */
export async function collectEntries(dir: string): Promise<ZipEntry[]> {
  const names: string[] = [];
  const walk = async (relative: string) => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) names.push(name);
    }
  };
  await walk('');
  names.sort((a, b) => (a === 'manifest.json' ? -1 : b === 'manifest.json' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(path.join(dir, name)) })));
}

/** MS-DOS date 1980-01-01, time 00:00: the zip format's epoch, so no build time leaks in. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;
const STORE = 0;
const DEFLATE = 8;
/** "Made by" Unix, zip 2.0, so the external attributes below read as Unix permissions. */
const MADE_BY_UNIX = (3 << 8) | 20;
const FILE_MODE_0644 = (0o100644 << 16) >>> 0;

/** A zip archive of `entries`, in the order given. Deterministic: same entries, same bytes. */
export function zipEntries(entries: readonly ZipEntry[]): Buffer {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : data;
    const checksum = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra field length, comment length, disk number, internal attributes: all 0
    central.writeUInt32LE(FILE_MODE_0644, 38);
    central.writeUInt32LE(offset, 42);

    localParts.push(local, nameBytes, body);
    centralParts.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}

export function packageFileName(browser: Browser, version: string): string {
  return `backstory-${browser}-${version}.zip`;
}

/** Zips dist/<browser>/ for each browser; returns the zip paths. Run a build first. */
export async function packageExtension(distDir = path.join(root, 'dist')): Promise<string[]> {
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const written: string[] = [];
  for (const browser of BROWSERS) {
    const source = path.join(distDir, browser);
    const manifest = JSON.parse(await readFile(path.join(source, 'manifest.json'), 'utf8')) as { version: string };
    if (manifest.version !== version) {
      throw new Error(`version mismatch: package.json says ${version}, ${browser}'s manifest says ${manifest.version}`);
    }
    const zipPath = path.join(distDir, packageFileName(browser, version));
    await writeFile(zipPath, zipEntries(await collectEntries(source)));
    written.push(zipPath);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { buildExtension } = await import('./build');
  const distDir = await buildExtension();
  for (const zip of await packageExtension(distDir)) {
    process.stdout.write(`wrote ${path.relative(root, zip)}\n`);
  }
}

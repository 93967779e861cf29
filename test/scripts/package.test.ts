import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { collectEntries, packageFileName, zipEntries, type ZipEntry } from '../../scripts/package';

/** Reads a zip back through its central directory, checking each entry's CRC as unzip would. */
function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(cursor)).toBe(0x02014b50);
    const method = zip.readUInt16LE(cursor + 10);
    const checksum = zip.readUInt32LE(cursor + 16);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const name = zip.toString('utf8', cursor + 46, cursor + 46 + nameLength);

    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    expect(zip.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength)).toBe(name);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const body = zip.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(crc32(data), name).toBe(checksum);
    entries.push({ name, data });
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('package zips', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('round-trips every file, manifest.json first at the root, the rest sorted, with nested paths', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'backstory-zip-'));
    await mkdir(path.join(dir, 'content'), { recursive: true });
    await mkdir(path.join(dir, 'icons'), { recursive: true });
    await writeFile(path.join(dir, 'manifest.json'), '{"manifest_version":3}\n');
    await writeFile(path.join(dir, 'content', 'content.js'), 'x'.repeat(5000));
    await writeFile(path.join(dir, 'icons', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    await writeFile(path.join(dir, 'about.txt'), 'naïve café ✓');

    const entries = await collectEntries(dir);
    expect(entries.map((entry) => entry.name)).toEqual(['manifest.json', 'about.txt', 'content/content.js', 'icons/icon-16.png']);
    const zip = zipEntries(entries);
    expect(readZip(zip)).toEqual(entries);
    // Compressible text is deflated, not stored.
    expect(zip.length).toBeLessThan(5000);
  });

  it('is deterministic: the same files give the same bytes', async () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{}') },
      { name: 'a/b.js', data: Buffer.from('let a = 1;'.repeat(50)) },
    ];
    expect(zipEntries(entries).equals(zipEntries(entries.map((entry) => ({ ...entry, data: Buffer.from(entry.data) }))))).toBe(true);
  });

  it('names packages by browser and version', () => {
    expect(packageFileName('chrome', '0.1.0')).toBe('backstory-chrome-0.1.0.zip');
    expect(packageFileName('firefox', '1.2.3')).toBe('backstory-firefox-1.2.3.zip');
  });
});

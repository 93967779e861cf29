/**
 * The locale file stays valid and sorted, and every message the extension asks for exists:
 * a missing one shows up in the browser as an empty string or a raw __MSG_x__ placeholder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const messagesText = readFileSync(path.join(root, '_locales', 'en', 'messages.json'), 'utf8');
const messages = JSON.parse(messagesText) as Record<string, { message?: unknown; description?: unknown }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.(ts|html)$/.test(entry.name) ? [full] : [];
  });
}

function captures(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** Message names the code asks for by literal name: in HTML data-i18n attributes and t('…') calls of files that import an i18n helper. */
function requestedBySource(): Map<string, string> {
  const requested = new Map<string, string>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const names = file.endsWith('.html')
      ? captures(text, /\bdata-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)
      : /from '[./]+(?:[a-z-]+\/)*i18n'/.test(text)
        ? captures(text, /\bt\(\s*'([A-Za-z0-9_]+)'/g)
        : [];
    for (const name of names) requested.set(name, path.relative(root, file));
  }
  return requested;
}

describe('_locales/en/messages.json', () => {
  it('keeps its keys sorted', () => {
    const keys = Object.keys(messages);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives every key a non-empty message and a description for translators', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(typeof entry.message === 'string' && entry.message.length > 0, `${key}.message`).toBe(true);
      expect(typeof entry.description === 'string' && entry.description.length > 0, `${key}.description`).toBe(true);
    }
  });

  it('has every message manifest.json names', () => {
    const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');
    const names = captures(manifest, /__MSG_([A-Za-z0-9_@]+)__/g);
    expect(names).toContain('extensionName');
    for (const name of names) expect(Object.keys(messages), `__MSG_${name}__`).toContain(name);
  });

  it('has every message the source asks for by name', () => {
    const requested = requestedBySource();
    // The popup and options pages ask for dozens; none found would mean this scan is broken.
    expect(requested.size).toBeGreaterThan(0);
    for (const [name, file] of requested) expect(Object.keys(messages), `${name} (used in ${file})`).toContain(name);
  });
});

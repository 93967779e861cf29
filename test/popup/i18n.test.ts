// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { localize, t } from '../../src/popup/i18n';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const root = path.resolve(import.meta.dirname, '../..');
const messages = JSON.parse(readFileSync(path.join(root, '_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** Every message key the popup, options and background name in their sources and markup. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const dir of ['src/popup', 'src/options', 'src/background']) {
    for (const name of readdirSync(path.join(root, dir))) {
      const text = readFileSync(path.join(root, dir, name), 'utf8');
      for (const match of text.matchAll(/data-i18n(?:-title)?="([A-Za-z0-9_]+)"/g)) keys.add(match[1]!);
      for (const match of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) keys.add(match[1]!);
      for (const match of text.matchAll(/'((?:popup|options|category|command|switch)[A-Z][A-Za-z0-9]*)'/g)) keys.add(match[1]!);
    }
  }
  const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');
  for (const match of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(match[1]!);
  return keys;
}

describe('locale messages', () => {
  it('has every key the extension uses', () => {
    const missing = [...usedKeys()].filter((key) => !(key in messages));
    expect(missing).toEqual([]);
  });

  it('declares every named placeholder it uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      for (const match of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(entry.placeholders?.[match[1]!.toLowerCase()], `${key}: $${match[1]}$`).toBeDefined();
      }
    }
  });

  it('keeps the switch names exactly as the tests outside rely on', () => {
    expect(messages.switchAllSites?.message).toBe('Highlight on all sites');
    expect(messages.switchThisSite?.message).toBe('Highlight on this site');
  });
});

describe('t and localize', () => {
  it('substitutes placeholders', () => {
    expect(t('popupMentionMany', 4)).toBe('4 mentions');
    expect(t('optionsDelayHint', 150, 2000)).toContain('From 150 to 2000 ms');
  });

  it('shows the key for a missing message, so the gap is visible', () => {
    expect(t('noSuchMessage')).toBe('noSuchMessage');
  });

  it('sets text and titles as text', () => {
    const root = document.createElement('div');
    const label = document.createElement('span');
    label.dataset.i18n = 'switchAllSites';
    label.dataset.i18nTitle = 'popupRevealTitle';
    root.append(label);
    localize(root);
    expect(label.textContent).toBe('Highlight on all sites');
    expect(label.title).toBe('Show the first mention on the page');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { badgeText } from '../../src/background/page-state';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

describe('badgeText', () => {
  it('counts distinct entities, not mentions', () => {
    expect(badgeText({ counts: { mss: 12, h200: 1, nvidia: 3 }, active: true })).toBe('3');
  });

  it('is empty with nothing found or when off', () => {
    expect(badgeText({ counts: {}, active: true })).toBe('');
    expect(badgeText({ counts: { mss: 0 }, active: true })).toBe('');
    expect(badgeText({ counts: { mss: 2 }, active: false, reason: 'disabled-globally' })).toBe('');
  });
});

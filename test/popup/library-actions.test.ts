import { describe, expect, it, vi } from 'vitest';
import { describeSave } from '../../src/popup/library-actions';

// The popup's strings come from the real _locales through the fake browser's i18n.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

describe('describeSave', () => {
  it('says the page is in the library, with its title and how many names it found', () => {
    expect(describeSave({ status: 'saved', id: 'saved-1', title: 'US halts sanctions', names: 4, newNames: [] })).toBe('Saved: in your library. “US halts sanctions”, 4 names found.');
    expect(describeSave({ status: 'saved', id: 'saved-1', title: 'T', names: 1, newNames: [] })).toBe('Saved: in your library. “T”, 1 name found.');
    expect(describeSave({ status: 'updated', id: 'saved-1', title: 'T', names: 0, newNames: [] })).toBe('Updated: in your library. “T”, 0 names found.');
  });

  it('lists the new names found, for the reader to keep or dismiss in the library', () => {
    expect(describeSave({ status: 'saved', id: 'saved-1', title: 'T', names: 2, newNames: ['Raja Krishnamoorthi', 'Beijing'] })).toBe(
      'Saved: in your library. “T”, 2 names found. New names to keep or dismiss in your library: Raja Krishnamoorthi, Beijing.',
    );
  });

  it('offers to update a page saved before, and explains every refusal', () => {
    expect(describeSave({ status: 'duplicate', id: 'saved-1', title: 'T', savedAt: 0 })).toMatch(/^This page is in your library \(saved .+\)\. Update it/);
    expect(describeSave({ status: 'no-article' })).toMatch(/^No article found on this page/);
    expect(describeSave({ status: 'too-big' })).toMatch(/too big to save/);
    expect(describeSave({ status: 'cannot-capture' })).toMatch(/couldn’t read this page/);
  });
});

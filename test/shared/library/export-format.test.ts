import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildLibraryExport, parseLibraryExport } from '../../../src/shared/library/export-format';
import { catalogDeriver } from '../../../src/shared/library/catalog-deriver';
import { libraryStore } from '../../../src/shared/library/store';
import type { SavedArticle } from '../../../src/shared/library/types';
import { capturedPage, freshDbName, idSequence } from './support';

const article: SavedArticle = { ...capturedPage(), id: 'saved-a', savedAt: 1000 };
const good = () => JSON.parse(JSON.stringify(buildLibraryExport([article], new Date(0)))) as Record<string, unknown>;

function error(value: unknown): string {
  const parsed = parseLibraryExport(typeof value === 'string' ? value : JSON.stringify(value));
  if (parsed.ok) throw new Error('accepted');
  return parsed.error;
}

describe('parseLibraryExport', () => {
  it('accepts its own export', () => {
    const parsed = parseLibraryExport(JSON.stringify(good()));
    expect(parsed.ok && parsed.value.articles).toEqual([article]);
  });

  it.each([
    ['not JSON', '{"format": "backstory-library", '],
    ['another format', { format: 'something-else', version: 1, articles: [] }],
    ['a settings blob', { settings: { version: 2 } }],
    ['a newer version', { ...good(), version: 99 }],
    ['no articles', { ...good(), articles: 'many' }],
    ['an article without paragraphs', { ...good(), articles: [{ ...article, paragraphs: [] }] }],
    ['a javascript: address', { ...good(), articles: [{ ...article, url: 'javascript:alert(1)' }] }],
    ['an id that is not ours', { ...good(), articles: [{ ...article, id: '__proto__' }] }],
    ['a non-text paragraph', { ...good(), articles: [{ ...article, paragraphs: [{ html: '<img onerror=x>' }] }] }],
    ['a bad date', { ...good(), articles: [{ ...article, published: 'yesterday' }] }],
    ['the same article twice', { ...good(), articles: [article, { ...article, id: 'saved-b' }] }],
    ['an oversized article', { ...good(), articles: [{ ...article, paragraphs: ['x'.repeat(3_000_001)] }] }],
  ])('refuses %s with a clear message that nothing changed', (_what, file) => {
    expect(error(file)).toMatch(/Nothing was changed\.$/);
  });

  it('drops fields it does not know instead of storing them', () => {
    const file = good();
    (file.articles as Array<Record<string, unknown>>)[0]!.html = '<script>alert(1)</script>';
    const parsed = parseLibraryExport(JSON.stringify(file));
    expect(parsed.ok && Object.keys(parsed.value.articles[0]!)).not.toContain('html');
  });

  it('a refused file changes nothing in the library', async () => {
    const library = libraryStore(catalogDeriver, freshDbName(), idSequence());
    await library.save(capturedPage(), { replace: false, now: 5 });
    const before = await library.exportAll(new Date(0));
    const hostile = { ...good(), articles: [{ ...article, url: 'https://x.example/' }, { ...article, id: 'saved-z', url: 'data:text/html,x' }] };
    expect(parseLibraryExport(JSON.stringify(hostile)).ok).toBe(false);
    expect(await library.exportAll(new Date(0))).toEqual(before);
  });
});

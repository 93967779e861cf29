import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { libraryStore } from '../../../src/shared/library/store';
import { catalogDeriver } from '../../../src/shared/library/catalog-deriver';
import { parseLibraryExport } from '../../../src/shared/library/export-format';
import { capturedPage, freshDbName, idSequence } from './support';

function store() {
  return libraryStore(catalogDeriver, freshDbName(), idSequence());
}

describe('library store', () => {
  it('saves a capture with its derived data and quotes, in one go', async () => {
    const library = store();
    const outcome = await library.save(capturedPage(), { replace: false, now: 1000 });
    expect(outcome.status).toBe('saved');
    if (outcome.status === 'duplicate') throw new Error('unexpected');
    expect(outcome.entityIds).toEqual(expect.arrayContaining(['salt-typhoon', 'h200', 'nvidia', 'us-treasury']));
    const [entry] = await library.list();
    expect(entry!.article.title).toBe('Treasury weighs new steps on Salt Typhoon');
    expect(entry!.derived!.wordCount).toBe(42);
    const quotes = await library.quotesFor('salt-typhoon');
    expect(quotes).toEqual([
      {
        text: 'Officials said the Salt Typhoon campaign reached deep into US telecom networks.',
        articleId: 'saved-test-1',
        publisher: 'Example Times',
        paragraph: 0,
        start: 0,
        end: 79,
        headline: 'Treasury weighs new steps on Salt Typhoon',
        published: '2025-11-20T08:00:00.000Z',
        url: 'https://news.example/treasury-salt-typhoon',
      },
    ]);
    const paragraph = capturedPage().paragraphs[0]!;
    expect(paragraph.slice(quotes[0]!.start, quotes[0]!.end)).toBe(quotes[0]!.text);
  });

  it('refuses the same canonical address twice unless asked to update, and updates in place', async () => {
    const library = store();
    await library.save(capturedPage(), { replace: false, now: 1000 });
    const again = await library.save(capturedPage({ title: 'Changed' }), { replace: false, now: 2000 });
    expect(again.status).toBe('duplicate');
    expect((await library.list()).map((entry) => entry.article.title)).toEqual(['Treasury weighs new steps on Salt Typhoon']);

    const updated = await library.save(
      capturedPage({ title: 'Changed', paragraphs: ['Xi Jinping met Donald Trump in Busan. They agreed a truce.'] }),
      { replace: true, now: 3000 },
    );
    expect(updated.status).toBe('updated');
    const entries = await library.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.article).toMatchObject({ id: 'saved-test-1', title: 'Changed', savedAt: 3000 });
    expect(await library.quotesFor('salt-typhoon')).toEqual([]);
    expect((await library.quotesFor('xi-jinping')).map((quote) => quote.text)).toEqual(['Xi Jinping met Donald Trump in Busan.']);
  });

  it('orders quotes newest saved first and removes an article with all its quotes', async () => {
    const library = store();
    await library.save(capturedPage(), { replace: false, now: 1000 });
    await library.save(capturedPage({ url: 'https://other.example/a', siteName: 'Other', title: 'Later' }), { replace: false, now: 5000 });
    expect((await library.quotesFor('salt-typhoon')).map((quote) => quote.publisher)).toEqual(['Other', 'Example Times']);
    expect((await library.list()).map((entry) => entry.article.title)).toEqual(['Later', 'Treasury weighs new steps on Salt Typhoon']);

    const removed = await library.remove('saved-test-2');
    expect(removed?.title).toBe('Later');
    expect((await library.quotesFor('salt-typhoon')).map((quote) => quote.publisher)).toEqual(['Example Times']);
    await library.restore(removed!);
    expect((await library.quotesFor('salt-typhoon')).map((quote) => quote.publisher)).toEqual(['Other', 'Example Times']);
  });

  it('exports and imports a library exactly, merging by canonical address', async () => {
    const source = store();
    await source.save(capturedPage(), { replace: false, now: 1000 });
    await source.save(capturedPage({ url: 'https://other.example/a', title: 'Second', lang: null, author: null, published: null }), {
      replace: false,
      now: 2000,
    });
    const exported = await source.exportAll(new Date('2026-01-01T00:00:00Z'));
    const text = JSON.stringify(exported);

    const target = store();
    await target.save(capturedPage({ title: 'Stale copy' }), { replace: false, now: 500 });
    const parsed = parseLibraryExport(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await target.importAll(parsed.value)).toEqual({ added: 1, replaced: 1 });
    const again = await target.exportAll(new Date('2026-01-01T00:00:00Z'));
    expect(again).toEqual(exported);
    expect((await target.quotesFor('salt-typhoon')).map((quote) => quote.articleId)).toEqual(['saved-test-2', 'saved-test-1']);
  });

  it('leaves the library untouched when an import fails part-way', async () => {
    const library = store();
    await library.save(capturedPage(), { replace: false, now: 1000 });
    const before = await library.exportAll(new Date(0));
    const good = capturedPage({ url: 'https://other.example/b' });
    // A hand-made file that passed no validation: the second article breaks the unique address index mid-transaction.
    const broken = {
      format: 'backstory-library' as const,
      version: 2 as const,
      exportedAt: '',
      names: [],
      articles: [
        { ...good, id: 'saved-x', savedAt: 1 },
        { ...good, id: 'saved-y', savedAt: 2, paragraphs: null as unknown as string[] },
      ],
    };
    await expect(library.importAll(broken)).rejects.toThrow();
    expect(await library.exportAll(new Date(0))).toEqual(before);
  });
});

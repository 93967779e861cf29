/** Captured pages for the library's unit tests: real catalog names, invented text. */
import type { CapturedPage } from '../../../src/shared/library/types';

export function capturedPage(overrides: Partial<CapturedPage> = {}): CapturedPage {
  return {
    title: 'Treasury weighs new steps on Salt Typhoon',
    siteName: 'Example Times',
    author: 'A. Reporter',
    published: '2025-11-20T08:00:00.000Z',
    lang: 'en',
    url: 'https://news.example/treasury-salt-typhoon',
    paragraphs: [
      'Officials said the Salt Typhoon campaign reached deep into US telecom networks. The Treasury declined to comment.',
      'Nvidia said on Monday that its H200 chips had not been approved for sale. Analysts expected a decision soon.',
      'Nothing in this paragraph names anyone.',
    ],
    ...overrides,
  };
}

let counter = 0;
/** A database name no other test uses: fake-indexeddb keeps every database for the whole file. */
export function freshDbName(): string {
  return `library-test-${++counter}-${Math.random().toString(36).slice(2)}`;
}

/** Deterministic ids for tests. */
export function idSequence(): () => string {
  let next = 0;
  return () => `saved-test-${++next}`;
}

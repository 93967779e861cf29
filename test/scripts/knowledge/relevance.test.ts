import { describe, expect, it } from 'vitest';
import { isFullForm } from '../../../scripts/knowledge/relevance';
import type { CatalogEntry } from '../../../src/shared/catalog/types';

const saltTyphoon: CatalogEntry = { id: 'salt-typhoon', name: 'Salt Typhoon', category: 'campaign', forms: ['Salt Typhoon'] };
const xi: CatalogEntry = { id: 'xi-jinping', name: 'Xi Jinping', category: 'person', forms: ['Xi Jinping'], shortForms: ['Xi'] };
const nvidia: CatalogEntry = { id: 'nvidia', name: 'Nvidia', category: 'company', forms: ['Nvidia'] };

describe('isFullForm', () => {
  it('recognises a full form however it is cased, spaced or hyphenated on the page', () => {
    expect(isFullForm('Salt Typhoon', saltTyphoon)).toBe(true);
    expect(isFullForm('SALT TYPHOON', saltTyphoon)).toBe(true);
    expect(isFullForm('Salt\n  Typhoon', saltTyphoon)).toBe(true);
    expect(isFullForm('Salt-Typhoon', saltTyphoon)).toBe(true);
    expect(isFullForm('Salt\u00A0Typhoon', saltTyphoon)).toBe(true);
  });

  it('recognises a full form inside a longer mention (a title or a possessive)', () => {
    expect(isFullForm('President Xi Jinping', xi)).toBe(true);
    expect(isFullForm('Nvidia\u2019s', nvidia)).toBe(true);
  });

  it('does not count a short form as full', () => {
    expect(isFullForm('Xi', xi)).toBe(false);
    expect(isFullForm('Typhoon', saltTyphoon)).toBe(false);
  });
});

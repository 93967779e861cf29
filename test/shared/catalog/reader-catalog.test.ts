import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { buildReaderCatalog, keptNameEntry, parseReaderCatalog, type KeptName } from '../../../src/shared/catalog/reader-catalog';
import { compileMatcher, matcherFromPrecompiled } from '../../../src/shared/matcher';


const KRISHNAMOORTHI: KeptName = {
  id: 'name-raja-krishnamoorthi',
  name: 'Raja Krishnamoorthi',
  category: 'person',
  forms: ['Raja Krishnamoorthi'],
  shortForms: ['Krishnamoorthi'],
  enabled: true,
};

const COMMITTEE: KeptName = {
  id: 'name-select-committee-on-the-ccp',
  name: 'Select Committee on the CCP',
  category: 'organisation',
  forms: ['Select Committee on the CCP'],
  shortForms: [],
  enabled: true,
};

describe('the reader catalog', () => {
  it('adds switched-on kept names to the bundled catalog, and its precompiled finder finds them', () => {
    const built = buildReaderCatalog([KRISHNAMOORTHI, { ...COMMITTEE, enabled: false }]);
    expect(built.entries).toHaveLength(CATALOG.length + 1);
    const matcher = matcherFromPrecompiled(built.entries, built.precompiled);
    const page = matcher.newPage();
    const found = page.scanBlock('Rep. Raja Krishnamoorthi met Xi Jinping; Krishnamoorthi said little.').map((m) => m.entityId);
    expect(found).toEqual(['name-raja-krishnamoorthi', 'xi-jinping', 'name-raja-krishnamoorthi']);
    expect(page.scanBlock('The Select Committee on the CCP met.')).toEqual([]);
  });

  it('counts a kept surname only where the full name is on the page', () => {
    const matcher = compileMatcher(buildReaderCatalog([KRISHNAMOORTHI]).entries);
    expect(matcher.newPage().scanBlock('Krishnamoorthi spoke.')).toEqual([]);
  });

  it('never lets a kept name take a catalog id', () => {
    const built = buildReaderCatalog([{ ...KRISHNAMOORTHI, id: 'mss' }]);
    expect(built.entries.filter((entry) => entry.id === 'mss')).toHaveLength(1);
  });

  it('turns a kept name into a catalog entry with its short forms', () => {
    expect(keptNameEntry(KRISHNAMOORTHI)).toEqual({
      id: 'name-raja-krishnamoorthi',
      name: 'Raja Krishnamoorthi',
      category: 'person',
      forms: ['Raja Krishnamoorthi'],
      shortForms: ['Krishnamoorthi'],
      caseRule: 'title-or-upper',
    });
  });

  it('reads back what it wrote, and ignores anything malformed whole', () => {
    const built = buildReaderCatalog([KRISHNAMOORTHI]);
    expect(parseReaderCatalog(JSON.parse(JSON.stringify(built)))).toEqual(built);
    expect(parseReaderCatalog(null)).toBeNull();
    expect(parseReaderCatalog({ ...built, version: 2 })).toBeNull();
    expect(parseReaderCatalog({ ...built, entries: [{ id: 'x', name: 'X', category: 'weather', forms: ['X'] }] })).toBeNull();
    expect(parseReaderCatalog({ ...built, precompiled: null })).toBeNull();
  });
});

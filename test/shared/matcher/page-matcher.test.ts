import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../src/shared/catalog/types';
import { compileMatcher } from '../../../src/shared/matcher';

/** Texts of the mentions in one block, scanned after the earlier blocks on the same page. */
function scan(catalog: CatalogEntry[], ...blocks: string[]): string[][] {
  const page = compileMatcher(catalog).newPage();
  return blocks.map((block) => page.scanBlock(block).map((m) => `${m.entityId}:${block.slice(m.start, m.end)}`));
}

const acme: CatalogEntry = {
  id: 'acme',
  name: 'Acme Rockets',
  category: 'company',
  forms: ['Acme Rockets'],
  shortForms: ['Acme'],
  titles: ['Chairman'],
  notFollowedBy: ['Anvils'],
  notPrecededBy: ['Looney'],
  allowPrecededBy: ['Wile'],
};

const widget: CatalogEntry = {
  id: 'widget',
  name: 'Widget X9',
  category: 'technology',
  forms: ['Widget X9'],
  plural: true,
  ambiguousForms: [{ form: 'X9', caseRule: 'exact', contextAnyOf: ['gadget', 'GPU'], contextNoneOf: ['boat'], notPossessive: true }],
};

describe('page matcher rules, on a made-up catalog', () => {
  it('applies notFollowedBy and notPrecededBy to every form', () => {
    expect(scan([acme], 'Acme Rockets Anvils; Looney Acme Rockets; Acme Rockets.')).toEqual([['acme:Acme Rockets']]);
  });

  it('lets allowPrecededBy words and titles stand before a short form, and no other capitalised word', () => {
    expect(scan([acme], 'Acme Rockets.', 'Wile Acme, Road Acme, Chairman Acme, and Acme')).toEqual([
      ['acme:Acme Rockets'],
      ['acme:Acme', 'acme:Acme', 'acme:Acme'],
    ]);
  });

  it('counts a titled short form as the full name', () => {
    expect(scan([acme], 'Chairman Acme spoke.', 'Acme left.')).toEqual([['acme:Acme'], ['acme:Acme']]);
  });

  it('requires context for an ambiguous form, matching acronyms only in capitals', () => {
    expect(scan([widget], 'The X9 is a gadget.', 'The X9 has a gpu.', 'The X9 has a GPU.', 'The X9 boat has a GPU.')).toEqual([
      ['widget:X9'],
      [],
      ['widget:X9'],
      [],
    ]);
  });

  it('refuses a possessive where the ambiguous form says so, and takes plurals where the entry does', () => {
    expect(scan([widget], 'The X9’s gadget.', 'Two X9s, a gadget, and Widget X9s.')).toEqual([[], ['widget:X9s', 'widget:Widget X9s']]);
  });

  it('terminates and finds nothing on a rejected form that starts outside the Basic Multilingual Plane', () => {
    const astral: CatalogEntry = { id: 'astral', name: '𝔘nit', category: 'technology', forms: ['𝔘nit Prime'], ambiguousForms: [{ form: '𝔘nit', contextAnyOf: ['nothing-here'] }] };
    expect(scan([astral], '𝔘nit 𝔘nit, 𝔘nit Prime')).toEqual([['astral:𝔘nit Prime']]);
  });

  it('returns nothing for an empty catalog', () => {
    expect(scan([], 'Acme Rockets')).toEqual([[]]);
  });
});

describe('blocks without mentions', () => {
  it('share one frozen empty result, so the common case allocates nothing', () => {
    const page = compileMatcher([acme]).newPage();
    const first = page.scanBlock('Nothing to see here.');
    expect(first).toEqual([]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(page.scanBlock('Acme Anvils? No: Acme alone, before the full name.')).toBe(first);
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { indexDismissed, indexKnown, knownFromCatalog } from '../../../src/shared/discovery/known-names';

describe('known names', () => {
  const known = indexKnown(knownFromCatalog(CATALOG));

  it('takes the catalog’s display names, forms, acronyms and ambiguous forms', () => {
    expect(known.find(['Ministry of State Security'])).toBe('mss');
    expect(known.find(['MSS'])).toBe('mss');
    expect(known.find(['the Financial Times'])).toBe('financial-times');
    expect(known.find(['Salt Typhoon'])).toBe('salt-typhoon');
  });

  it('never lets a catalog short form make a new full name known', () => {
    expect(known.find(['Jason Miller'])).toBeUndefined();
    expect(known.find(['Volt Typhoon'])).toBeUndefined();
    expect(known.findWithin('Jason Miller')).toBeUndefined();
  });

  it('recognises a longer variant holding a known full form', () => {
    expect(known.findWithin('U.S. Army National Guard')).toBe('national-guard');
    expect(known.findWithin('Xi Jinping Thought')).toBe('xi-jinping');
  });

  it('matches dismissed forms folded (case, apostrophes, "the")', () => {
    const dismissed = indexDismissed(['Sam’s Club', 'the Hudson Institute']);
    expect(dismissed(["SAM'S CLUB"])).toBe(true);
    expect(dismissed(['Hudson Institute'])).toBe(true);
    expect(dismissed(['Hudson'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { candidateId, containsForm, score } from '../../../src/shared/discovery/rank';

describe('candidateId', () => {
  it('is "name-" and the kebab-case name, diacritics and apostrophes folded', () => {
    expect(candidateId('Ministry of State Security')).toBe('name-ministry-of-state-security');
    expect(candidateId('Sam’s Club')).toBe('name-sams-club');
    expect(candidateId('Māori Council')).toBe('name-maori-council');
    expect(candidateId('AT&T')).toBe('name-at-and-t');
  });

  it('gives names without Latin letters a stable hashed id', () => {
    expect(candidateId('習近平')).toMatch(/^name-[0-9a-z]+$/u);
    expect(candidateId('習近平')).toBe(candidateId('習近平'));
    expect(candidateId('習近平')).not.toBe(candidateId('李強'));
  });

  it('never collides with a catalog id', () => {
    for (const entry of CATALOG) expect(entry.id.startsWith('name-')).toBe(false);
  });
});

describe('score', () => {
  it('weighs mentions, the headline and the lede', () => {
    const base = { count: 2, inTitle: false, inLede: false, pair: false, words: 2 };
    expect(score({ ...base, inTitle: true })).toBeGreaterThan(score({ ...base, count: 4 }));
    expect(score({ ...base, inLede: true })).toBeGreaterThan(score(base));
  });
});

describe('containsForm', () => {
  it('finds whole words only', () => {
    expect(containsForm('Apple’s Vision Pro hands-on', 'Apple')).toBe(true);
    expect(containsForm('Applebee’s menu', 'Apple')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { scanArticle } from '../../../src/shared/discovery/article-scan';
import { groupNames, isPersonShaped, nameKey } from '../../../src/shared/discovery/name-groups';
import { FT, excerpt } from './fixtures';

const groups = (paragraphs: string[]) => groupNames(scanArticle(paragraphs));
const byName = (paragraphs: string[]) =>
  Object.fromEntries(groups(paragraphs).map((group) => [group.words.join(' '), { count: group.mentions.length + group.shortMentions.length, short: [...group.shortForms] }]));

describe('groupNames', () => {
  it('links a surname to the full name given earlier (constructed, after the House select committee releases)', () => {
    const names = byName([
      'Ranking Member Raja Krishnamoorthi (D-IL) wrote to the department on Tuesday.',
      'Krishnamoorthi said the letter was sent. Later, Krishnamoorthi added that he expected an answer.',
    ]);
    expect(names['Raja Krishnamoorthi']).toEqual({ count: 3, short: ['Krishnamoorthi'] });
    expect(names.Krishnamoorthi).toBeUndefined();
  });

  it('links surnames and family-name-first short forms in the FT seed', () => {
    const names = byName([...FT.paragraphs]);
    expect(names['Stephen Miller']?.short).toEqual(['Miller']);
    expect(names['Xi Jinping']?.short).toEqual(['Xi']);
    expect(names['Donald Trump']?.short).toEqual(['Trump']);
    expect(names['Donald Trump']?.count).toBe(8);
  });

  it('links two-word surnames and prefixes before a generic tail (real text)', () => {
    const hotels = byName([
      'Zeev Sharon and Michael Forrest Jones both run hotel start-ups in the US. Forrest Jones runs the start-up Beechmont Hotels Corporation, a hotel operating company that consults with hotel owners on how they can improve their business.',
      'This is not common, but can happen, Forrest Jones said.',
    ]);
    expect(hotels['Michael Forrest Jones']?.short).toEqual(['Forrest Jones']);
    const seattle = byName(excerpt('seattletimes-whole-foods-halibut').paragraphs);
    expect(seattle['Whole Foods Market']?.short).toEqual(['Whole Foods']);
    expect(seattle['Tyler Besecker']?.short).toEqual(['Besecker']);
  });

  it('keeps a short form that could belong to two names apart (real LWN text)', () => {
    const arduino = byName(excerpt('lwn-arduino-trademark').paragraphs);
    expect(arduino.Arduino).toBeDefined();
    expect(arduino['Arduino LLC']).toBeDefined();
    expect(arduino['Arduino SRL']).toBeDefined();
    // "Italy" is a country, not short for "Wired Italy".
    expect(arduino['Wired Italy']?.short ?? []).not.toContain('Italy');
  });

  it('makes an acronym pair one name and counts "(MSS)" once', () => {
    const [mss] = groups(['The US halted sanctions on China’s Ministry of State Security (MSS) today.', 'The MSS denied it.']).filter(
      (group) => group.pair,
    );
    expect(mss!.words.join(' ')).toBe('Ministry of State Security');
    expect(mss!.mentions.map((mention) => mention.text)).toEqual(['Ministry of State Security', 'MSS']);
  });

  it('undoes an "of" join seen once and keeps one that recurs (real Engadget phrasing)', () => {
    const names = byName([
      'We tested Gears of War 4 and Killer Instinct on the new console this week.',
      'Then Gears of War 4 runs natively in 4K at 30 FPS on the machine.',
      'The lawmaker met Krishnamoorthi of Illinois in the capital last week.',
      'Later, Krishnamoorthi said the meeting went well, and upcoming titles like Call of Duty: WW2 were discussed.',
    ]);
    expect(names['Gears of War 4']?.count).toBe(2);
    expect(names.Illinois).toBeDefined();
    expect(names.Krishnamoorthi?.count).toBe(2);
    expect(names['Krishnamoorthi of Illinois']).toBeUndefined();
    // Neither half stands alone: one name.
    expect(names['Call of Duty']).toBeDefined();
  });

  it('joins a name with a possessive inside only when neither part stands alone (real Seattle Times text)', () => {
    const names = byName(excerpt('seattletimes-whole-foods-halibut').paragraphs);
    expect(names['Fisherman’s Terminal']).toBeDefined();
    const verizon = byName(['Verizon’s Yahoo will be run under AOL.', 'Verizon is paying for the Yahoo assets it is buying.']);
    expect(verizon.Verizon?.count).toBe(2);
    expect(verizon['Verizon’s Yahoo']).toBeUndefined();
  });

  it('folds keys: case, typographic apostrophes, a leading "the", a sentence stop after an initial', () => {
    expect(nameKey('The Financial  Times')).toBe('financial times');
    expect(nameKey('Sam’s Club')).toBe(nameKey("Sam's Club"));
    expect(nameKey('Xbox One S.')).toBe('xbox one s');
  });

  it('knows person-shaped names', () => {
    expect(isPersonShaped(['Richard', 'M.', 'Stallman'])).toBe(true);
    expect(isPersonShaped(['Luis', 'de', 'Miranda'])).toBe(true);
    expect(isPersonShaped(['Hudson', 'Institute'])).toBe(false);
    expect(isPersonShaped(['Trump'])).toBe(false);
  });
});

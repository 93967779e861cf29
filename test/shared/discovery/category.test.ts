import { describe, expect, it } from 'vitest';
import { discoverNames } from '../../../src/shared/discovery';
import { excerpt } from './fixtures';

const categories = (paragraphs: string[]) => Object.fromEntries(discoverNames({ paragraphs }).map((c) => [c.name, c.category]));

describe('guessCategory', () => {
  it('reads institution heads, corporate suffixes and titles (constructed)', () => {
    const found = categories([
      'Chairman John Moolenaar (R-MI) met officials of China’s Ministry of State Security (MSS) and the Hudson Institute.',
      'Beechmont Hotels Corporation, a hotel operating company, hired Zeev Sharon. Senator Maria Cantwell said the Seattle Port Authority agreed.',
      'The hacking campaign Volt Typhoon hit Guam; Microsoft tracks it. The PlayStation 4 Pro and the Xbox One X compete.',
    ]);
    expect(found).toMatchObject({
      'John Moolenaar': 'person',
      'Ministry of State Security': 'agency',
      'Hudson Institute': 'organisation',
      'Beechmont Hotels Corporation': 'company',
      'Maria Cantwell': 'person',
      'Seattle Port Authority': 'agency',
      'Volt Typhoon': 'campaign',
      'PlayStation 4 Pro': 'product',
    });
  });

  it('guesses real articles’ names sensibly', () => {
    const wapo = categories(excerpt('wapo-tunisia-museum-attack').paragraphs);
    expect(wapo).toMatchObject({ 'Habib Essid': 'person', 'Lotfi Azzouz': 'person', Tunisia: 'place', 'Bardo National Museum': 'organisation' });
    const lwn = categories(excerpt('lwn-arduino-trademark').paragraphs);
    expect(lwn).toMatchObject({ 'Arduino LLC': 'company', 'US Patent and Trademark Office': 'agency', 'Massimo Banzi': 'person' });
  });

  it('needs a cyber story for weak campaign heads (a panda in a zoo is not a campaign)', () => {
    expect(categories(['Visitors queued to see Giant Panda Bao Li at the National Zoo on Sunday morning.'])['Giant Panda Bao Li']).not.toBe('campaign');
    expect(categories(['Hackers known as Mustang Panda breached ministries, the cyber firm said.'])['Mustang Panda']).toBe('campaign');
  });
});

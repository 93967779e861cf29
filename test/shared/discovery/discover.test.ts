import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/entities';
import { discoverNames, findNames, knownFromCatalog } from '../../../src/shared/discovery';
import { CNEWS, EXCERPTS, FT, excerpt } from './fixtures';

const known = knownFromCatalog(CATALOG);
const names = (list: { name: string }[]) => list.map((candidate) => candidate.name);

describe('discoverNames on the seeds', () => {
  it('recognises the catalog’s names in the FT seed and offers only what the catalog lacks', () => {
    const { offered, recognised } = findNames({ title: FT.headline, paragraphs: FT.paragraphs }, { known });
    const ids = recognised.map((entry) => entry.id);
    for (const id of ['mss', 'salt-typhoon', 'donald-trump', 'xi-jinping', 'nvidia', 'h200', 'stephen-miller', 'hudson-institute']) {
      expect(ids).toContain(id);
    }
    expect(recognised.find((entry) => entry.id === 'donald-trump')!.count).toBe(8);
    // Busan is the city: the catalog holds only the truce struck there.
    expect(names(offered)).toEqual(['China', 'US', 'Busan', 'Beijing', 'Asia']);
  });

  it('finds the seeds’ cast with nothing known, best first', () => {
    const offered = discoverNames({ title: CNEWS.headline, paragraphs: CNEWS.paragraphs });
    const mss = offered.find((candidate) => candidate.name === 'Ministry of State Security')!;
    expect(mss).toMatchObject({ id: 'name-ministry-of-state-security', acronym: 'MSS', category: 'agency', count: 4 });
    expect(mss.firstSentence.text).toMatch(/^Washington: The United States has halted plans/u);
    const ft = names(discoverNames({ paragraphs: FT.paragraphs }));
    expect(ft.slice(0, 3)).toEqual(['China', 'US', 'Donald Trump']);
    for (const name of ['Zack Cooper', 'American Enterprise Institute', 'Scott Bessent', 'Michael Sobolik', 'Salt Typhoon']) expect(ft).toContain(name);
  });

  it('does not offer dismissed names again', () => {
    const offered = names(discoverNames({ paragraphs: FT.paragraphs }, { dismissed: ['china', 'Hudson Institute'] }));
    expect(offered).not.toContain('China');
    expect(offered).not.toContain('Hudson Institute');
    expect(offered).toContain('Zack Cooper');
  });

  it('does not offer a kept name again (a reader’s name, as forms)', () => {
    const offered = names(discoverNames({ paragraphs: FT.paragraphs }, { known: [{ id: 'name-zack-cooper', forms: ['Zack Cooper'] }] }));
    expect(offered).not.toContain('Zack Cooper');
  });
});

describe('discoverNames traps', () => {
  it('asks a name to recur in a language its word lists do not know (constructed Spanish)', () => {
    const paragraphs = [
      'Por Josh Max. El día que renuncié a los Beatles, la compañía Activision Blizzard habló con Microsoft.',
      'Activision Blizzard dijo que Microsoft pagará mucho dinero por la compra.',
    ];
    expect(names(discoverNames({ paragraphs, lang: 'es' })).sort()).toEqual(['Activision Blizzard', 'Microsoft']);
    expect(names(discoverNames({ paragraphs, lang: 'en-GB' }))).toContain('Beatles');
  });

  it('handles titles, party tags, datelines, days and an acronym inside a name (constructed)', () => {
    const offered = discoverNames({
      title: 'Select Committee presses Commerce on drones',
      paragraphs: [
        'WASHINGTON — Chairman John Moolenaar (R-MI) and Ranking Member Raja Krishnamoorthi (D-IL) of the Select Committee on the CCP wrote to Secretary of Commerce Gina Raimondo on Tuesday.',
        'Krishnamoorthi said the Chinese Communist Party (CCP) had used drones. The Chairman agreed in March.',
      ],
    });
    const byName = Object.fromEntries(offered.map((candidate) => [candidate.name, candidate]));
    expect(Object.keys(byName)).not.toContain('WASHINGTON');
    expect(Object.keys(byName)).not.toContain('Chairman');
    expect(Object.keys(byName)).not.toContain('Ranking Member');
    expect(Object.keys(byName)).not.toContain('Tuesday');
    expect(Object.keys(byName)).not.toContain('March');
    expect(byName['Raja Krishnamoorthi']).toMatchObject({ category: 'person', count: 2, shortForms: ['Krishnamoorthi'] });
    expect(byName['Select Committee on the CCP']!.forms).toContain('Select Committee on the Chinese Communist Party');
    expect(byName['Chinese Communist Party']).toMatchObject({ acronym: 'CCP' });
  });

  it('does not offer a people named after a place the article names (real Guardian and Post text)', () => {
    const guardian = names(discoverNames(excerpt('guardian-maori-whale-strandings')));
    expect(guardian).toContain('New Zealand');
    expect(guardian).not.toContain('New Zealanders');
    const wapo = names(discoverNames(excerpt('wapo-tunisia-museum-attack')));
    expect(wapo).toContain('Tunisia');
    expect(wapo).not.toContain('Tunisians');
  });

  it('does not offer page chrome or sentence-initial capitals (real Independent and Engadget lines)', () => {
    const offered = names(
      discoverNames({
        paragraphs: [
          'Play Video',
          'Current Time 0:00',
          'Fullscreen',
          'Bedbugs love wood. Even though a wooden luggage rack might look nicer and more expensive than a metal one, it’s a breeding ground for bugs.',
          'Gallery: Xbox One X | 14 Photos',
          'Still no VR support',
        ],
      }),
    );
    expect(offered).toEqual([]);
  });

  it('offers every labelled pair of the real excerpts with its acronym', () => {
    const pairs = EXCERPTS.flatMap((article) => discoverNames(article).filter((candidate) => candidate.acronym && candidate.acronym !== candidate.name));
    expect(pairs.map((candidate) => `${candidate.name} (${candidate.acronym})`).sort()).toEqual([
      'Free Software Foundation (FSF)',
      'Interaction Design Institute Ivrea (IDII)',
      'Marine Stewardship Council (MSC)',
      'Richard M. Stallman (RMS)',
      'US Patent and Trademark Office (USPTO)',
      // Not pairs in the text: "US" and "U.S." alone spell the initials of "United States" (LWN, CNN).
      'United States (U.S.)',
      'United States (US)',
    ]);
  });

  it('joins an acronym written alone to the one name it spells (seeds)', () => {
    const ft = discoverNames({ paragraphs: FT.paragraphs });
    expect(ft.find((candidate) => candidate.name === 'Ministry of State Security')).toMatchObject({ acronym: 'MSS', count: 4 });
    const cnews = discoverNames({ paragraphs: CNEWS.paragraphs });
    expect(cnews.find((candidate) => candidate.name === 'United States')).toMatchObject({ acronym: 'U.S.' });
  });

  it('drops the dateline of a wire story and keeps its cast (real AP text)', () => {
    const offered = names(discoverNames(excerpt('ap-progress-cargo-ship')));
    expect(offered).not.toContain('MOSCOW');
    for (const name of ['Roscosmos', 'NASA', 'International Space Station', 'SpaceX', 'Marcia Dunn', 'Vladimir Isachenkov']) expect(offered).toContain(name);
  });
});

const REALWORLD = fileURLToPath(new URL('../../../../shared/realworld-pages/', import.meta.url));

describe.skipIf(!existsSync(REALWORLD))('discoverNames on the realworld pages (read from ../shared when present)', () => {
  it('offers quotable first sentences on every page', async () => {
    const { extractArticle } = await import('../../../eval/extract');
    for (const file of readdirSync(REALWORLD).filter((name) => name.endsWith('.html'))) {
      const article = extractArticle(readFileSync(REALWORLD + file, 'utf8'));
      expect(article, file).not.toBeNull();
      for (const candidate of discoverNames(article!)) {
        expect(article!.paragraphs[candidate.firstSentence.paragraph]!.slice(candidate.firstSentence.start, candidate.firstSentence.end)).toBe(candidate.firstSentence.text);
      }
    }
  }, 30_000);
});

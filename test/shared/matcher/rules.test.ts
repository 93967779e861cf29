import { describe, expect, it } from 'vitest';
import { idsInLast, scanPage } from './scan';

describe('word boundaries', () => {
  it('never matches inside a longer token', () => {
    const blocks = ['H2000 and H200X', 'MSSQL and MSS2 near Chinese spies', 'Nvidiaish', 'xNvidia', '_Nvidia', 'Nvidia_', 'ÄNvidia', 'NvidiaÄ', 'Nvidia\u0301', '1Nvidia', 'Nvidia9'];
    for (const block of blocks) expect(scanPage(`Nvidia’s H200 chip. ${block}`).slice(2), block).toEqual([]);
  });

  it('matches next to punctuation, quotes and hyphens', () => {
    for (const block of ['(Nvidia)', '“Nvidia”', '‘Nvidia’', 'Nvidia-backed', 'pro-Nvidia', 'Nvidia.', 'Nvidia/AMD', '"Nvidia"', 'Nvidia,']) {
      expect(scanPage(block), block).toEqual([{ id: 'nvidia', text: 'Nvidia' }]);
    }
  });

  it('finds “Salt Typhoon” in curly quotes', () => {
    expect(scanPage('a campaign called “Salt Typhoon” — were put on hold')).toEqual([{ id: 'salt-typhoon', text: 'Salt Typhoon' }]);
  });

  it('treats letters of any script as word characters', () => {
    expect(scanPage('ПNvidia and Nvidiaж and 中Nvidia')).toEqual([]);
    expect(scanPage('中文 Nvidia 中文')).toEqual([{ id: 'nvidia', text: 'Nvidia' }]);
  });
});

describe('case rules', () => {
  it('takes Nvidia as written or in capitals, never in lower case or mixed', () => {
    expect(scanPage('Nvidia NVIDIA nvidia NVidia nVidia').map((f) => f.text)).toEqual(['Nvidia', 'NVIDIA']);
  });

  it('takes MSS only in capitals', () => {
    expect(scanPage('China’s spy agency: Mss, mss, MSS.').map((f) => f.text)).toEqual(['MSS']);
  });

  it('takes common-noun forms in any usual casing', () => {
    expect(scanPage('rare earths, Rare earths, RARE EARTHS, Rare Earths').map((f) => f.text)).toEqual([
      'rare earths',
      'Rare earths',
      'RARE EARTHS',
      'Rare Earths',
    ]);
  });

  it('takes the Chinese Communist party with either capitalisation of party', () => {
    expect(scanPage('the Chinese Communist party and the Chinese Communist Party').map((f) => f.id)).toEqual([
      'chinese-communist-party',
      'chinese-communist-party',
    ]);
    expect(scanPage('the chinese communist party')).toEqual([]);
  });
});

describe('possessives and plurals', () => {
  it('covers the name but not the possessive, with either apostrophe', () => {
    expect(scanPage("Nvidia's chips and Nvidia’s chips").map((f) => f.text)).toEqual(['Nvidia', 'Nvidia']);
  });

  it('covers a plural "s" where the entity takes plurals', () => {
    expect(scanPage('Nvidia sold H200s; the H200s’ yields rose.').map((f) => f.text)).toEqual(['Nvidia', 'H200s', 'H200s']);
  });

  it('refuses a plural where the entity takes none', () => {
    expect(scanPage('the Nvidias of this world')).toEqual([]);
  });

  it('refuses an apostrophe that starts a longer token', () => {
    expect(scanPage("Nvidia'd Nvidia’ll")).toEqual([]);
  });

  it('takes a name before a closing single quote', () => {
    expect(scanPage('the ‘Nvidia’ label')).toEqual([{ id: 'nvidia', text: 'Nvidia' }]);
  });
});

describe('short forms', () => {
  it('count only after a full form earlier on the page', () => {
    expect(scanPage('Bessent complained.', 'Scott Bessent complained.', 'Bessent left.').map((f) => f.text)).toEqual(['Scott Bessent', 'Bessent']);
  });

  it('count after a full form earlier in the same block, not before it', () => {
    expect(scanPage('Miller and then Stephen Miller and then Miller.').map((f) => f.text)).toEqual(['Stephen Miller', 'Miller']);
  });

  it('are forgotten on a new page', async () => {
    const { matcher } = await import('./scan');
    const page = matcher.newPage();
    page.scanBlock('Stephen Miller spoke.');
    expect(page.scanBlock('Miller left.').length).toBe(1);
    expect(matcher.newPage().scanBlock('Miller left.')).toEqual([]);
  });

  it('count after a title that names the person fully ("President Trump")', () => {
    expect(scanPage('President Trump spoke.', 'Trump left.').map((f) => f.text)).toEqual(['Trump', 'Trump']);
  });

  it('do not count after an ambiguous mention alone', () => {
    expect(idsInLast('The Treasury and the White House declined.', 'Treasury left.')).toEqual([]);
  });
});

describe('ambiguous forms', () => {
  it('count with context in the paragraph', () => {
    expect(idsInLast('Export controls on GPU sales cover the Blackwell.')).toEqual(['export-controls', 'blackwell']);
  });

  it('count without context once the full name was on the page', () => {
    expect(idsInLast('Blackwell chips are restricted.', 'The Blackwell ships next year.')).toEqual(['blackwell']);
  });

  it('look for context near the name when the block is long', () => {
    const far = `${'Filler words about the weather. '.repeat(40)}`;
    expect(idsInLast(`Nvidia makes chips. ${far} Blackwell won the race.`)).toEqual(['nvidia']);
  });

  it('do not take context from inside a longer word', () => {
    expect(idsInLast('The microchipped Blackwell won the race.')).toEqual([]);
  });
});

describe('whitespace and hyphens inside names', () => {
  it('matches any run of whitespace, including newlines and no-break spaces', () => {
    for (const gap of [' ', '\n   ', '\u00A0', '\t', ' \u2009', '\u202F', '\r\n']) {
      expect(scanPage(`Salt${gap}Typhoon`), JSON.stringify(gap)).toEqual([{ id: 'salt-typhoon', text: `Salt${gap}Typhoon` }]);
    }
  });

  it('matches a hyphen for a space and a space for a hyphen', () => {
    expect(scanPage('rare-earth supply and rare earth magnets and rare\u2011earth').map((f) => f.text)).toEqual([
      'rare-earth',
      'rare earth',
      'rare\u2011earth',
    ]);
    expect(scanPage('the Ministry of\n  State Security').map((f) => f.text)).toEqual(['Ministry of\n  State Security']);
  });

  it('does not join words across other punctuation', () => {
    expect(scanPage('Salt. Typhoon', 'Salt, Typhoon', 'Salt—Typhoon')).toEqual([]);
  });
});

describe('overlaps', () => {
  it('takes the longest form at a position', () => {
    expect(scanPage('Donald Trump and Stephen Miller').map((f) => f.text)).toEqual(['Donald Trump', 'Stephen Miller']);
    expect(scanPage('the U.S. Treasury Department said').map((f) => f.text)).toEqual(['U.S. Treasury Department']);
  });

  it('falls back to a shorter form when the longer one is rejected', () => {
    expect(scanPage('the U.S. Treasury Departmental budget').map((f) => f.text)).toEqual(['U.S. Treasury']);
  });

  it('falls back to a form that starts inside a rejected one', () => {
    expect(scanPage('Donald Trump spoke.', 'Trump Tower and Trump said').map((f) => f.text)).toEqual(['Donald Trump', 'Trump']);
  });
});

describe('the article text as written', () => {
  const cases: Array<[string, string, string]> = [
    ['the Chinese Communist party has a track record', 'chinese-communist-party', 'Chinese Communist party'],
    ['a hacking campaign called “Salt Typhoon” — were put on hold', 'salt-typhoon', 'Salt Typhoon'],
    ['after Treasury secretary Scott Bessent complained about the White House memo', 'us-treasury', 'Treasury'],
    ['until the US reduces China’s dominance in rare earths', 'rare-earths', 'rare earths'],
    ['stabilizing rare-earth supply chains', 'rare-earth', 'rare-earth'],
    ['will also not enact major new export controls against China', 'export-controls', 'export controls'],
    ['The administration’s rigorous export control regime remains', 'export-controls', 'export control'],
    ['it wanted to protect the Busan truce', 'busan-truce', 'Busan truce'],
    ['Jake Sullivan told the FT that Salt Typhoon was “unique”', 'financial-times', 'FT'],
    ['China has agreed to crack down on fentanyl precursors', 'fentanyl-precursors', 'fentanyl precursors'],
    ['even a U.S. Army National Guard network', 'national-guard', 'Army National Guard'],
  ];
  it.each(cases)('%s', (block, id, text) => {
    const expectedId = id === 'rare-earth' ? 'rare-earths' : id;
    expect(scanPage(block)).toContainEqual({ id: expectedId, text });
  });

  it('finds the MSS after the ministry was named', () => {
    expect(
      idsInLast(
        'The US has halted plans to impose sanctions on China’s Ministry of State Security.',
        'Treasury and the White House did not comment on the decision to halt planned sanctions on the MSS.',
      ),
    ).toEqual(['us-treasury', 'white-house', 'mss']);
  });
});

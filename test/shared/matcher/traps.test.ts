import { describe, expect, it } from 'vitest';
import { idsInLast, scanPage } from './scan';

const MSS_INTRO = 'China’s Ministry of State Security ran the operation.';

describe('MSS: the spy agency, not maximum segment size', () => {
  it('ignores TCP’s maximum segment size', () => {
    expect(scanPage('TCP’s maximum segment size (MSS) is announced in the SYN packet.')).toEqual([]);
  });

  it('ignores MSS clamping, even with China in the paragraph', () => {
    expect(scanPage('Enable MSS clamping on the router.')).toEqual([]);
    expect(scanPage('China Telecom’s routers apply MSS clamping to tunnels.')).toEqual([]);
  });

  it('ignores an MSS of 1460 bytes, even after the ministry was named', () => {
    expect(idsInLast(MSS_INTRO, 'Set an MSS of 1460 bytes on the interface.')).toEqual([]);
  });

  it('ignores MSS in a product or provider name', () => {
    expect(scanPage('Cisco MSS providers offer managed security services in Beijing.')).toEqual([]);
  });

  it('finds the MSS with spy-agency context, or after its full name', () => {
    expect(idsInLast('Analysts say China’s MSS ran the hacking campaign.')).toEqual(['mss']);
    expect(idsInLast(MSS_INTRO, 'Officials did not comment on sanctions against the MSS.')).toEqual(['mss']);
  });

  it('ignores MSS without context and without the full name', () => {
    expect(scanPage('The MSS report is due on Friday.')).toEqual([]);
  });
});

describe('Salt Typhoon, not other typhoons', () => {
  it('ignores the other Typhoon campaigns', () => {
    expect(scanPage('Volt Typhoon, Flax Typhoon and Silk Typhoon are other Chinese campaigns.')).toEqual([]);
  });

  it('ignores typhoon weather', () => {
    expect(scanPage('Typhoon Haiyan struck the Philippines.', 'A typhoon hit the coast; salt spray followed.')).toEqual([]);
  });

  it('finds Salt Typhoon beside the others', () => {
    expect(scanPage('Unlike Volt Typhoon, Salt Typhoon targeted telecoms.')).toEqual([{ id: 'salt-typhoon', text: 'Salt Typhoon' }]);
  });
});

describe('Blackwell: the chip, not the person or the bookshop', () => {
  it('ignores Blackwell the surname, even in a chip story', () => {
    expect(scanPage('Nvidia analyst Sarah Blackwell said the chips sold out.')).toEqual([{ id: 'nvidia', text: 'Nvidia' }]);
    expect(idsInLast('Blackwell said the GPU market was cooling.')).toEqual([]);
  });

  it('ignores the Oxford bookshop and the publisher', () => {
    expect(scanPage('I bought it at Blackwell’s in Oxford.')).toEqual([]);
    expect(scanPage('Blackwell’s bookshop stocks every chip-design textbook.')).toEqual([]);
    expect(scanPage('Published by Wiley-Blackwell and Blackwell Publishing.')).toEqual([]);
  });

  it('ignores the statistician in a theorem named with an en dash, even on a page about the chip', () => {
    expect(idsInLast('Nvidia’s Blackwell GPU ships this year.', 'He is one of the eponyms of the Rao–Blackwell theorem.')).toEqual([]);
  });

  it('ignores Blackwell without chip context', () => {
    expect(scanPage('Blackwell won the race on Sunday.')).toEqual([]);
  });

  it('finds the chip with context or by its full forms', () => {
    expect(scanPage('Nvidia might sell an even more advanced chip called the Blackwell to China.').map((f) => f.id)).toEqual(['nvidia', 'blackwell']);
    expect(scanPage('Its state-of-the-art Blackwell chips remain restricted.')).toEqual([{ id: 'blackwell', text: 'Blackwell chips' }]);
  });
});

describe('H200: the Nvidia chip, not other products', () => {
  it('ignores the Hyundai H200 van, even in an export story', () => {
    expect(scanPage('The Hyundai H200 van is exported to Europe.')).toEqual([]);
    expect(scanPage('Hyundai’s H200 minibus passed export controls checks.').map((f) => f.id)).toEqual(['export-controls']);
  });

  it('ignores an H200 camera', () => {
    expect(scanPage('I shot this with a H200 camera.')).toEqual([]);
  });

  it('ignores H200 without chip context', () => {
    expect(scanPage('Form H200 is due in April.')).toEqual([]);
  });

  it('finds the chip with context', () => {
    expect(scanPage('Nvidia may export the H200, an advanced chip, to China.')).toEqual([
      { id: 'nvidia', text: 'Nvidia' },
      { id: 'h200', text: 'H200' },
    ]);
  });
});

describe('other Millers, Sullivans and Trumps', () => {
  it('ignores Millers with another given name, an initial, or a beer', () => {
    expect(idsInLast('Stephen Miller runs the process.', 'Jason Miller, E. Miller and a Miller Lite.')).toEqual([]);
  });

  it('ignores Ed Sullivan, O’Sullivan and Sullivan & Cromwell', () => {
    expect(idsInLast('Jake Sullivan spoke.', 'Ed Sullivan, O’Sullivan, O\'Sullivan and Sullivan & Cromwell.')).toEqual([]);
  });

  it('ignores Lara Trump, Donald Trump Jr., the Trumps, Trump Tower and the Trump Organization', () => {
    expect(idsInLast('Donald Trump spoke.', 'Lara Trump met Donald Trump Jr. and the Trumps at Trump Tower.')).toEqual([]);
    expect(idsInLast('Donald Trump spoke.', 'The Trump Organization and Trump Media declined to comment.')).toEqual([]);
  });

  it('ignores trump the card game word', () => {
    expect(idsInLast('Donald Trump spoke.', 'Her ace will trump his king.')).toEqual([]);
  });

  it('keeps the surname after a title or at the start of a sentence', () => {
    expect(scanPage('Stephen Miller spoke.', 'But Miller said no. Mr Miller left.').map((f) => f.text)).toEqual(['Stephen Miller', 'Miller', 'Miller']);
  });
});

describe('Xi: the president, not the letter', () => {
  it('ignores xi the Greek letter and XI the numeral', () => {
    expect(idsInLast('Xi Jinping visited.', 'The letter xi (ξ) and Super Bowl XI.')).toEqual([]);
  });

  it('ignores Xi before Xi Jinping appeared', () => {
    expect(scanPage('Xi has a history of breaking promises.', 'Xi Jinping spoke.', 'Xi left.').map((f) => f.text)).toEqual(['Xi Jinping', 'Xi']);
  });

  it('ignores Xi’an, the city', () => {
    expect(idsInLast('Xi Jinping spoke.', 'He flew to Xi’an and Xi\'an.')).toEqual([]);
  });

  it('counts "President Xi" as naming him fully, but marks only "Xi"', () => {
    expect(scanPage('President Xi arrived.', 'Xi spoke.')).toEqual([
      { id: 'xi-jinping', text: 'Xi' },
      { id: 'xi-jinping', text: 'Xi' },
    ]);
  });
});

describe('other institutions with the same name', () => {
  it('ignores HM Treasury, Treasury yields and the UK Treasury', () => {
    expect(scanPage('HM Treasury and the UK Treasury said Treasury yields rose.')).toEqual([]);
  });

  it('ignores the Russian White House and the White House Watch newsletter', () => {
    expect(scanPage('Tanks shelled Moscow’s White House in 1993.', 'Unlock the White House Watch newsletter.')).toEqual([]);
  });

  it('ignores other countries’ National Guard', () => {
    expect(scanPage('Ukraine’s National Guard and Mexico’s National Guard were deployed.')).toEqual([]);
  });

  it('finds a US state’s National Guard with US context', () => {
    expect(scanPage('The governor sent the Texas National Guard.')).toEqual([{ id: 'national-guard', text: 'National Guard' }]);
  });

  it('ignores North Korea’s Ministry of State Security', () => {
    expect(scanPage('North Korea’s Ministry of State Security runs its prisons.')).toEqual([]);
  });
});

describe('words that mark another name count only as proper names', () => {
  it('keeps Trump before a lower-case word that is also a business name', () => {
    expect(idsInLast('Donald Trump spoke.', 'The Trump media strategy worked.')).toEqual(['donald-trump']);
  });

  it('still rejects the business in capitals', () => {
    expect(idsInLast('Donald Trump spoke.', 'TRUMP TOWER was lit.')).toEqual([]);
  });
});

describe('names joined to names', () => {
  it('keeps a short form after another of our names ("the Trump-Xi summit")', () => {
    expect(scanPage('Donald Trump met Xi Jinping.', 'The Trump-Xi summit and the Trump–Xi truce.').slice(2).map((f) => f.text)).toEqual([
      'Trump',
      'Xi',
      'Trump',
      'Xi',
    ]);
  });

  it('does not take Xi Zhongxun, his father, for him', () => {
    expect(idsInLast('Xi Jinping spoke.', 'His father Xi Zhongxun was purged.')).toEqual([]);
  });

  it('keeps names beside dashes and en dashes', () => {
    expect(scanPage('Salt Typhoon–linked hackers and U.S.–China talks on export controls.').map((f) => f.id)).toEqual(['salt-typhoon', 'export-controls']);
  });
});

describe('Busan: the truce, not the city', () => {
  it('ignores the port and its trade', () => {
    expect(scanPage('Trade volumes at Busan rose as tariffs bit.', 'The Busan Port Authority and Busan’s beaches.')).toEqual([]);
  });

  it('ignores the city where the deal was struck, even after the truce is named', () => {
    const blocks = ['The Busan truce held.', 'Trump and Xi struck a deal in Busan.', 'Officials met in the South Korean city of Busan.'];
    expect(scanPage(...blocks).map((f) => f.text)).toEqual(['Busan truce']);
  });
});

/**
 * Names resolved with the whole page in view: short forms before their full name, ambiguous forms
 * on the page's topic, and the traps that must hold all the same.
 */
import { describe, expect, it } from 'vitest';
import { matcher, scanWholePage } from './scan';

const ids = (found: ReadonlyArray<{ id: string }>) => found.map((mention) => mention.id);

describe('short forms before their full name', () => {
  it('counts a headline’s surnames once the body names the people in full', () => {
    const found = scanWholePage(
      'Trump–Xi meeting at APEC',
      'President Donald Trump met Chinese leader Xi Jinping in Busan on Thursday.',
    );
    expect(found.slice(0, 2)).toEqual([
      { id: 'donald-trump', text: 'Trump' },
      { id: 'xi-jinping', text: 'Xi' },
    ]);
  });

  it('holds a short form back, and says so, until the full name comes', () => {
    const page = matcher.newPage();
    expect(page.scanBlock('Bessent spoke first.')).toEqual([]);
    expect(page.settle()).toBe(false);
    page.scanBlock('Treasury secretary Scott Bessent said talks went well.');
    expect(page.settle()).toBe(true);
    expect(page.scanBlock('Bessent spoke first.').map((m) => m.entityId)).toEqual(['scott-bessent']);
    // Nothing is left pending: a second settle has nothing to unlock.
    expect(page.settle()).toBe(false);
  });

  it('says which blocks held a form back: only they can read differently after settle()', () => {
    const page = matcher.newPage();
    page.scanBlock('Bessent spoke first.');
    expect(page.heldBack()).toBe(true);
    page.scanBlock('The weather was fine.');
    expect(page.heldBack()).toBe(false);
    page.scanBlock('Treasury secretary Scott Bessent said talks went well.');
    expect(page.heldBack()).toBe(false);
    // An ambiguous form without context in its block, before the page's topic is known.
    page.scanBlock('The MSS said nothing.');
    expect(page.heldBack()).toBe(true);
  });

  it('leaves a short form alone when its full name never appears', () => {
    expect(scanWholePage('Trump Tower is on Fifth Avenue.', 'Xi is a Greek letter.')).toEqual([]);
  });

  it('keeps the Greek letter xi plain on a page that names Xi Jinping', () => {
    const found = scanWholePage('Xi Jinping spoke in Beijing.', 'In the formula, xi stands for the i-th sample.');
    expect(found).toEqual([{ id: 'xi-jinping', text: 'Xi Jinping' }]);
  });

  it('keeps another Sullivan plain on a page that names Jake Sullivan', () => {
    const found = scanWholePage('Senator Dan Sullivan of Alaska spoke first.', 'Jake Sullivan, the former national security adviser, spoke later.');
    expect(found).toEqual([{ id: 'jake-sullivan', text: 'Jake Sullivan' }]);
  });
});

describe('ambiguous forms on the page’s topic', () => {
  it('counts the MSS in a paragraph without context on a page plainly about Chinese hacking', () => {
    const found = scanWholePage(
      'US shelves sanctions over the Salt Typhoon hack',
      'Chinese hackers broke into US telecom networks, officials said.',
      'The espionage campaign reached senior officials in Washington.',
      'The MSS has maintained strong ties with private contractors.',
    );
    expect(ids(found)).toContain('mss');
  });

  it('counts a reference page’s title on the topic its spec table gives it', () => {
    const found = scanWholePage(
      'Blackwell (microarchitecture)',
      'Designer',
      'Nvidia',
      'Type',
      'GPU microarchitecture',
      'Predecessor',
      'Hopper, the Nvidia GPU architecture used in the H100 and H200 chips',
    );
    expect(found[0]).toEqual({ id: 'blackwell', text: 'Blackwell' });
  });

  it('does not count MSS in a TCP tutorial that mentions China once', () => {
    const found = scanWholePage(
      'Tuning TCP for long links',
      'A router in China dropped large packets during our test.',
      'The MSS is announced in the SYN packet.',
      'Lower the MSS when a tunnel adds headers.',
    );
    expect(ids(found)).not.toContain('mss');
  });

  it('lets a contrary sign nearby win over the page’s topic', () => {
    const found = scanWholePage(
      'Chinese hackers and the Salt Typhoon campaign',
      'Beijing’s spy agency ran the espionage campaign, intelligence officials said.',
      'Chinese officials denied the hacking.',
      'Unrelated: set the MSS of TCP to 1460 bytes on the router.',
    );
    expect(found.filter((mention) => mention.text === 'MSS')).toEqual([]);
  });
});

/**
 * The reference articles as received in ../shared/seeds/, and what the import must strip from
 * each. Boilerplate is listed line by line, exactly as it appears, so a seed that changes shape
 * fails the import instead of leaking a promo or a footer into a card.
 */
export interface SeedSpec {
  /** File name inside the seeds folder. */
  file: string;
  /** Stable article id used in reader links; never derived from a URL we do not have. */
  id: string;
  publisher: string;
  /**
   * Where the headline is: 'none' when the text has none; 'first-line' when the first non-empty
   * line is the headline (it is kept once as the headline, never as a paragraph, and every
   * repeat of it is dropped).
   */
  headline: 'none' | 'first-line';
  /** Lines that are not part of the article: newsletter promos, channel links, disclaimers. */
  boilerplate: readonly string[];
}

export const SEEDS: readonly SeedSpec[] = [
  {
    file: '000_23a7f441c7937026.txt',
    id: 'ft-us-halts-mss-sanctions',
    publisher: 'Financial Times',
    headline: 'none',
    boilerplate: [
      'Unlock the White House Watch newsletter for free',
      'Your guide to what Trump\u2019s second term means for Washington, business and the world',
    ],
  },
  {
    file: '003_8d36594a01a21089.txt',
    id: 'cnews-us-shelves-mss-sanctions',
    publisher: 'CNews Live',
    headline: 'first-line',
    boilerplate: [
      'Follow the CNewsLive English Readers channel on WhatsApp:',
      'https://whatsapp.com/channel/0029Vaz4fX77oQhU1lSymM1w',
      'The comments posted here are not from Cnews Live. Kindly refrain from using derogatory, personal, or obscene words in your comments.',
    ],
  },
];

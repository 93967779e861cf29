/**
 * Hand labels for the entity-highlighting eval (scripts/eval-entities.ts), written by reading
 * each page's blocks before the matcher was run on them.
 *
 * - `mentions`: what a careful reader would highlight. Each rule names an entity and the exact
 *   surface text; it covers every occurrence of that text (case-sensitive, whole words) on the
 *   page, or only in blocks containing `in`, or only the `nth` (0-based) of those.
 * - `negatives`: hard negatives, look-alikes that must not be highlighted, with the reason. The
 *   span of the negative's text wins over any mention rule it overlaps ("Trump" is a mention
 *   page-wide, "Melania Trump" a negative).
 * - `unsure`: spans a careful reader could fairly read either way; nothing there counts.
 * A short form on a page that never writes the full name ("Will Trump Be Impeached?") is still
 * labelled a mention: it names the person. Today's rules will miss it; the eval shows the cost.
 */
import type { PageLabels } from './types';

const TRUMP = { id: 'donald-trump', text: 'Trump' };

export const LABELS: readonly PageLabels[] = [
  // ─── The two reference articles (../shared/seeds), one block per line ───
  {
    page: 'seed-000-ft',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'xi-jinping', text: 'Xi' },
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
      { id: 'salt-typhoon', text: 'Salt Typhoon' },
      { id: 'export-controls', text: 'export controls' },
      { id: 'export-controls', text: 'export control' },
      { id: 'rare-earths', text: 'rare earths' },
      { id: 'zack-cooper', text: 'Zack Cooper' },
      { id: 'american-enterprise-institute', text: 'American Enterprise Institute' },
      { id: 'nvidia', text: 'Nvidia' },
      { id: 'h200', text: 'H200' },
      { id: 'blackwell', text: 'Blackwell' },
      { id: 'blackwell', text: 'Blackwell chips' },
      { id: 'stephen-miller', text: 'Stephen Miller' },
      { id: 'stephen-miller', text: 'Miller' },
      { id: 'white-house', text: 'White House' },
      { id: 'us-treasury', text: 'Treasury' },
      { id: 'scott-bessent', text: 'Scott Bessent' },
      { id: 'alibaba', text: 'Alibaba' },
      { id: 'financial-times', text: 'Financial Times' },
      { id: 'financial-times', text: 'FT' },
      { id: 'fentanyl-precursors', text: 'fentanyl precursors' },
      { id: 'jake-sullivan', text: 'Jake Sullivan' },
      { id: 'joe-biden', text: 'Joe Biden' },
      { id: 'michael-sobolik', text: 'Michael Sobolik' },
      { id: 'hudson-institute', text: 'Hudson Institute' },
      { id: 'busan-truce', text: 'Busan truce' },
      { id: 'chinese-communist-party', text: 'Chinese Communist party' },
    ],
    negatives: [{ text: 'White House Watch', why: 'the FT newsletter, not the White House' }],
    unsure: [{ text: 'Busan', in: 'South Korean city of Busan', why: 'names the city where the deal was struck' }],
  },
  {
    page: 'seed-003-cnews',
    mentions: [
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
      { id: 'salt-typhoon', text: 'Salt Typhoon' },
      { id: 'national-guard', text: 'Army National Guard' },
      { id: 'white-house', text: 'White House' },
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'rare-earths', text: 'rare-earth' },
      { id: 'export-controls', text: 'export controls' },
    ],
    negatives: [],
  },

  // ─── Complete news-site DOMs (../shared/realworld-pages), read at eval time ───
  {
    page: '25-news-nytimes-yahoo-verizon',
    mentions: [
      { id: 'white-house', text: 'White House' },
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'alibaba', text: 'Alibaba' },
      { id: 'joe-biden', text: 'Joe Biden' },
    ],
    negatives: [],
  },
  {
    page: '26-news-nytimes-es-front',
    mentions: [
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'donald-trump', text: 'Donald Trump' },
    ],
    negatives: [{ text: 'Larry Miller', why: 'another Miller; Stephen Miller is not on the page' }],
  },
  {
    page: '27-news-independent-hotels',
    mentions: [
      { id: 'alibaba', text: 'Alibaba' },
      { id: 'financial-times', text: 'Financial Times' },
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
    ],
    negatives: [{ text: 'Sienna Miller', why: 'the actress, not Stephen Miller' }],
  },
  {
    page: '28-news-engadget-xbox-review',
    mentions: [{ id: 'nvidia', text: 'NVIDIA' }],
    negatives: [],
  },
  {
    page: '29-news-citylab',
    mentions: [],
    negatives: [{ text: "O'Sullivan", why: 'Feargus O’Sullivan, the author; Jake Sullivan is not on the page' }],
  },
  { page: '30-news-theverge', mentions: [], negatives: [] },

  // ─── mozilla/readability test pages: the blocks that hold a catalog-like word ───
  {
    page: 'readability-breitbart',
    mentions: [TRUMP, { id: 'donald-trump', text: 'Donald Trump' }, { id: 'white-house', text: 'White House' }],
    negatives: [
      { text: 'Melania Trump', why: 'his wife' },
      { text: 'Barron Trump', why: 'his son' },
      { text: 'D.B. Cooper', why: 'the hijacker, not Zack Cooper' },
    ],
  },
  {
    page: 'readability-yahoo-2',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'us-treasury', text: 'Treasury' },
    ],
    negatives: [{ text: 'Melania Trump', why: 'his wife' }],
  },
  {
    page: 'readability-yahoo-3',
    mentions: [TRUMP, { id: 'donald-trump', text: 'Donald Trump' }],
    negatives: [{ text: 'Trump Tower', why: 'the building' }],
  },
  {
    page: 'readability-nytimes-1',
    mentions: [TRUMP, { id: 'donald-trump', text: 'Donald Trump' }, { id: 'donald-trump', text: 'Donald J. Trump' }, { id: 'joe-biden', text: 'Joe Biden' }],
    negatives: [],
  },
  {
    page: 'readability-nytimes-4',
    mentions: [TRUMP],
    negatives: [
      { text: 'Treasury note', why: 'US government debt, not the department' },
      { text: 'Treasury bonds', why: 'US government debt, not the department' },
    ],
  },
  {
    page: 'readability-salon-1',
    mentions: [{ id: 'white-house', text: 'White House' }],
    negatives: [
      { text: 'Patricia Miller', why: 'a Salon writer' },
      { text: 'Laura Miller', why: 'a Salon writer' },
    ],
  },
  {
    page: 'readability-webmd-2',
    mentions: [{ id: 'white-house', text: 'White House' }],
    negatives: [{ text: 'Kelli Miller', why: 'the WebMD writer' }],
  },
  {
    page: 'readability-yahoo-1',
    mentions: [TRUMP, { id: 'donald-trump', text: 'Donald Trump' }],
    negatives: [
      { text: 'Jones-Cooper', why: 'Brittany Jones-Cooper, a Yahoo presenter' },
      { text: 'US Treasury Bonds', why: 'debt, not the department' },
    ],
  },
  {
    page: 'readability-folha',
    mentions: [{ id: 'financial-times', text: 'Financial Times' }],
    negatives: [],
    unsure: [{ text: 'trump', why: 'lower-case "governo trump" tag in Portuguese, no full name on the page' }],
  },
  { page: 'readability-msn', mentions: [TRUMP], negatives: [] },
  {
    page: 'readability-article-author-tag',
    mentions: [],
    negatives: [{ text: 'Trump', why: 'tarot "Trump cards", not a person' }],
  },
  {
    page: 'readability-bbc-1',
    mentions: [{ id: 'white-house', text: 'White House' }, TRUMP],
    negatives: [],
  },
  { page: 'readability-wapo-2', mentions: [{ id: 'white-house', text: 'White House' }], negatives: [] },

  // ─── Public web pages (eval/entities/web-excerpts.json, sources named there) ───
  {
    page: 'web-wikimili-salt-typhoon',
    mentions: [
      { id: 'salt-typhoon', text: 'Salt Typhoon' },
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
    ],
    negatives: [],
  },
  {
    page: 'web-krypt3ia-salt-typhoon',
    mentions: [
      { id: 'salt-typhoon', text: 'Salt Typhoon' },
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
    ],
    negatives: [],
  },
  {
    page: 'web-world-news-research-mss',
    mentions: [
      { id: 'mss', text: 'MSS' },
      { id: 'chinese-communist-party', text: 'CCP' },
    ],
    negatives: [],
    unsure: [{ text: 'Ministery Of State Security', why: 'misspelt by the page' }],
  },
  {
    page: 'web-maya-security-salt-typhoon',
    mentions: [
      { id: 'salt-typhoon', text: 'Salt Typhoon' },
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
    ],
    negatives: [],
  },
  {
    page: 'web-wikipedia-mss',
    mentions: [
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
    ],
    negatives: [],
  },
  {
    page: 'web-wikipedia-mss-2',
    mentions: [
      { id: 'mss', text: 'Ministry of State Security' },
      { id: 'mss', text: 'MSS' },
      { id: 'chinese-communist-party', text: 'Chinese Communist Party' },
      { id: 'chinese-communist-party', text: 'CCP' },
    ],
    negatives: [],
  },
  {
    page: 'web-wikipedia-blackwell-microarchitecture',
    mentions: [
      { id: 'blackwell', text: 'Blackwell' },
      { id: 'nvidia', text: 'Nvidia' },
      { id: 'nvidia', text: 'NVIDIA' },
    ],
    negatives: [{ text: 'David Blackwell', why: 'the statistician the architecture is named after' }],
  },
  {
    page: 'web-technosports-blackwell',
    mentions: [
      { id: 'blackwell', text: 'Blackwell' },
      { id: 'nvidia', text: 'NVIDIA' },
    ],
    negatives: [
      { text: 'David Blackwell', why: 'the statistician' },
      { text: 'David Harold Blackwell', why: 'the statistician' },
      { text: 'Rao–Blackwell', why: 'a theorem named after the statistician' },
    ],
  },
  {
    page: 'web-blackwells-bookshop',
    mentions: [],
    negatives: [{ text: 'Blackwell', why: 'the Oxford bookshop and publisher' }],
  },
  {
    page: 'web-bookdrum-blackwell',
    mentions: [],
    negatives: [{ text: 'Blackwell', why: 'the bookshop and the Blackwell family of booksellers' }],
  },
  {
    page: 'web-tcp-mss',
    mentions: [],
    negatives: [{ text: 'MSS', why: 'TCP maximum segment size' }],
  },
  {
    page: 'web-curbside-hyundai-h200',
    mentions: [],
    negatives: [{ text: 'H200', why: 'the Hyundai van' }],
  },
  {
    page: 'web-nzherald-typhoon',
    mentions: [],
    negatives: [
      { text: 'Typhoon', why: 'weather' },
      { text: 'typhoon', why: 'weather' },
    ],
  },
  {
    page: 'web-senate-dan-sullivan',
    mentions: [
      { id: 'national-guard', text: 'Air National Guard' },
      { id: 'joe-biden', text: 'Joe Biden' },
      { id: 'joe-biden', text: 'Biden' },
    ],
    negatives: [{ text: 'Sullivan', why: 'Senator Dan Sullivan, not Jake Sullivan' }],
  },
  {
    page: 'web-wikisum-dan-sullivan',
    mentions: [TRUMP],
    negatives: [
      { text: 'Sullivan', why: 'Senator Dan Sullivan, not Jake Sullivan' },
      { text: 'Joe Miller', why: 'an Alaska politician, not Stephen Miller' },
    ],
  },
  {
    page: 'web-medill-jake-sullivan',
    mentions: [
      { id: 'jake-sullivan', text: 'Jake Sullivan' },
      { id: 'jake-sullivan', text: 'Sullivan' },
      { id: 'export-controls', text: 'export controls' },
      { id: 'export-controls', text: 'export control' },
    ],
    negatives: [],
  },
  {
    page: 'web-nyt-jake-sullivan-interview',
    mentions: [
      { id: 'white-house', text: 'White House' },
      { id: 'jake-sullivan', text: 'Jake Sullivan' },
      { id: 'jake-sullivan', text: 'Sullivan' },
      { id: 'joe-biden', text: 'Biden' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      TRUMP,
      { id: 'export-controls', text: 'export control' },
    ],
    negatives: [],
  },
  {
    page: 'web-reuters-trump-xi-busan',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'xi-jinping', text: 'Xi' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'rare-earths', text: 'rare-earth' },
    ],
    negatives: [
      { text: 'BUSAN', why: 'the dateline: the city' },
      { text: 'Busan', why: 'the city where the talks were held, not the truce' },
    ],
  },
  {
    page: 'web-ticker-trump-xi-busan',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'xi-jinping', text: 'Xi' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'rare-earths', text: 'rare earths' },
      { id: 'rare-earths', text: 'rare earth' },
      { id: 'fentanyl-precursors', text: 'fentanyl precursor' },
      { id: 'us-treasury', text: 'U.S. Treasury' },
      { id: 'scott-bessent', text: 'Scott Bessent' },
    ],
    negatives: [{ text: 'Busan', why: 'the city where the leaders met, not the truce' }],
  },
  {
    page: 'web-almayadeen-trump-xi-busan',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'xi-jinping', text: 'Xi' },
      { id: 'xi-jinping', text: 'Xi Jinping' },
      { id: 'rare-earths', text: 'rare earth' },
      { id: 'rare-earths', text: 'rare earths' },
    ],
    negatives: [{ text: 'Busan', why: 'the city where the talks were held, not the truce' }],
  },
  {
    page: 'web-gmt8-nvidia-h200',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'nvidia', text: 'Nvidia' },
      { id: 'h200', text: 'H200' },
      { id: 'blackwell', text: 'Blackwell' },
    ],
    negatives: [{ text: 'H20', why: 'another Nvidia chip' }],
  },
  {
    page: 'web-itdaily-nvidia-h200',
    mentions: [
      TRUMP,
      { id: 'nvidia', text: 'Nvidia' },
      { id: 'h200', text: 'H200' },
      { id: 'blackwell', text: 'Blackwell' },
      { id: 'joe-biden', text: 'Biden' },
    ],
    negatives: [{ text: 'H20', why: 'another Nvidia chip' }],
  },
  {
    page: 'web-finance360-nvidia-h200',
    mentions: [
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'nvidia', text: 'Nvidia' },
      { id: 'h200', text: 'H200' },
      { id: 'blackwell', text: 'Blackwell' },
      { id: 'white-house', text: 'White House' },
    ],
    negatives: [],
  },
  {
    page: 'web-cbs-bessent',
    mentions: [
      { id: 'us-treasury', text: 'Treasury' },
      { id: 'scott-bessent', text: 'Bessent' },
      { id: 'scott-bessent', text: 'Scott Bessent' },
      TRUMP,
    ],
    negatives: [],
  },
  {
    page: 'web-newsworldstream-bessent',
    mentions: [
      { id: 'scott-bessent', text: 'Bessent' },
      { id: 'scott-bessent', text: 'Scott Bessent' },
      { id: 'us-treasury', text: 'Treasury Department' },
      TRUMP,
    ],
    negatives: [],
  },
  {
    page: 'web-briefbriefing-national-guard',
    mentions: [
      { id: 'donald-trump', text: 'Donald Trump' },
      TRUMP,
      { id: 'national-guard', text: 'National Guard' },
      { id: 'national-guard', text: 'National guard' },
      { id: 'white-house', text: 'White House' },
    ],
    negatives: [],
  },
  {
    page: 'web-energynews-stephen-miller',
    mentions: [
      { id: 'white-house', text: 'White House' },
      TRUMP,
      { id: 'donald-trump', text: 'Donald Trump' },
      { id: 'stephen-miller', text: 'Stephen Miller' },
      { id: 'stephen-miller', text: 'Miller' },
    ],
    negatives: [],
  },
  {
    page: 'web-politico-stephen-miller',
    mentions: [
      { id: 'white-house', text: 'White House' },
      { id: 'stephen-miller', text: 'Stephen Miller' },
      { id: 'stephen-miller', text: 'Miller' },
      { id: 'donald-trump', text: 'Donald Trump' },
    ],
    negatives: [],
  },
  {
    page: 'web-epfl-xi-baryon',
    mentions: [],
    negatives: [{ text: 'Xi', why: 'the Greek letter: Xi baryons' }],
  },
];

/**
 * The hand-written catalog: what Backstory highlights, and the rules that keep each highlight a
 * true claim. Every entity is mentioned in the bundled articles (../../../../shared/seeds). Forms
 * are written with single spaces; on the page any run of whitespace or one hyphen matches them.
 *
 * Rule of thumb: a name that only ever means one thing is a `form`; a surname or a bare "Xi" is
 * a `shortForm` (it needs the full name earlier on the page); a name that also means something
 * else (MSS, Blackwell, H200, Treasury) is an `ambiguousForm` with the context it needs.
 *
 * Data, one entry after another, so it runs past the 300-line guide for files of code.
 */
import type { CatalogEntry } from './types';

/** Words that show a chip story, for product names that are also surnames or model numbers. */
const CHIP_CONTEXT = [
  'Nvidia',
  'chip',
  'GPU',
  'semiconductor',
  'AI chip',
  'accelerator',
  'Hopper',
  'H100',
  'H20',
  'B200',
  'GB200',
  'CUDA',
  'Jensen Huang',
  'data center',
  'data centre',
  'datacenter',
] as const;

/** Words that show a US-government story, for names other countries' institutions share. */
const US_CONTEXT = ['US', 'U.S.', 'United States', 'American', 'Washington', 'White House', 'Trump', 'Biden', 'federal'] as const;

/** Words after "Trump" that make it a business or another person ("Trump Tower", "Donald Trump Jr."). */
const TRUMP_BUSINESSES = [
  'Jr',
  'Junior',
  'Tower',
  'Towers',
  'Organization',
  'Organisation',
  'Media',
  'Hotel',
  'Hotels',
  'International',
  'Plaza',
  'Taj',
  'Shuttle',
  'University',
  'Foundation',
  'Winery',
  'Golf',
  'National Golf',
  'Doral',
  'Turnberry',
  'Steaks',
  'Vodka',
  'Entertainment',
  'Mortgage',
  'Airlines',
  'Castle',
  'Parc',
  'SoHo',
] as const;

/** US states and territories whose name can stand right before "National Guard". */
const US_STATE_WORDS = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky',
  'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi',
  'Missouri', 'Montana', 'Nebraska', 'Nevada', 'Hampshire', 'Jersey', 'York', 'Carolina',
  'Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Island', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington', 'Wisconsin', 'Wyoming', 'DC', 'Guam', 'Rico', 'Army', 'Air',
] as const;

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: 'salt-typhoon',
    name: 'Salt Typhoon',
    category: 'campaign',
    // Only the full name: "Typhoon" alone is weather, and Volt, Flax and Silk Typhoon are other
    // campaigns, so they never match at all.
    forms: ['Salt Typhoon'],
  },
  {
    id: 'mss',
    name: 'Ministry of State Security (MSS)',
    category: 'agency',
    forms: ['Ministry of State Security'],
    caseRule: 'any',
    // North Korea has a Ministry of State Security too (and East Germany had a "Ministry for").
    notPrecededBy: ['North Korea', 'North Korean', 'DPRK', 'Pyongyang', 'East German', 'East Germany'],
    allowPrecededBy: ['China', 'Chinese', 'Beijing'],
    ambiguousForms: [
      {
        // MSS is also TCP's maximum segment size, managed security services, and more.
        form: 'MSS',
        caseRule: 'exact',
        contextAnyOf: [
          'China',
          'Chinese',
          'Beijing',
          'spy',
          'spies',
          'spy agency',
          'espionage',
          'intelligence',
          'Ministry of State Security',
          'Salt Typhoon',
          'hackers',
          'hacking',
          'Xi Jinping',
          'Communist Party',
        ],
        contextNoneOf: [
          'TCP',
          'MTU',
          'segment size',
          'maximum segment',
          'bytes',
          'clamping',
          'SYN',
          'handshake',
          'IPv4',
          'IPv6',
          'managed security',
          'mobile satellite',
        ],
      },
    ],
    notFollowedBy: ['clamping', 'clamp', 'value', 'option', 'size', 'provider', 'providers'],
  },
  {
    id: 'h200',
    name: 'Nvidia H200',
    category: 'technology',
    forms: ['H200 chip', 'H200 GPU', 'H200 Tensor Core GPU'],
    plural: true,
    // Hyundai's H200 van, and cameras and lenses sold as H200.
    notPrecededBy: ['Hyundai'],
    notFollowedBy: ['van', 'minivan', 'minibus', 'camera', 'lens'],
    ambiguousForms: [
      {
        form: 'H200',
        caseRule: 'exact',
        contextAnyOf: [...CHIP_CONTEXT, 'export control', 'export licence', 'export license', 'export ban', 'Blackwell'],
        contextNoneOf: ['van', 'minivan', 'minibus', 'Hyundai', 'Starex', 'iLoad', 'camera', 'lens', 'vehicle'],
      },
    ],
  },
  {
    id: 'blackwell',
    name: 'Nvidia Blackwell',
    category: 'technology',
    forms: ['Blackwell chip', 'Blackwell chips', 'Blackwell GPU', 'Blackwell GPUs', 'Blackwell Ultra', 'Blackwell architecture'],
    notPrecededBy: ['Wiley'],
    // "Blackwell said": a person. Blackwell's, Blackwell Publishing: the Oxford bookshop and publisher.
    notFollowedBy: [
      'said',
      'says',
      'told',
      'added',
      'wrote',
      'argued',
      'noted',
      'explained',
      'recalled',
      'who',
      'Publishing',
      'Publishers',
      'Books',
      'Bookshop',
      'Bookshops',
      'Bookstore',
      'Science',
      'Scientific',
    ],
    ambiguousForms: [
      {
        form: 'Blackwell',
        caseRule: 'exact',
        // Not plain "AI": "Blackwell, an AI researcher" is a person. A chip story names a chip.
        contextAnyOf: [...CHIP_CONTEXT, 'H200'],
        contextNoneOf: ['bookshop', 'bookseller', 'bookstore', 'publisher', 'publishing', 'novel'],
        notPossessive: true,
      },
    ],
  },
  {
    id: 'nvidia',
    name: 'Nvidia',
    category: 'company',
    forms: ['Nvidia'],
  },
  {
    id: 'alibaba',
    name: 'Alibaba',
    category: 'company',
    forms: ['Alibaba'],
  },
  {
    id: 'xi-jinping',
    name: 'Xi Jinping',
    category: 'person',
    forms: ['Xi Jinping'],
    titles: ['President', 'Chairman'],
    // Exact: "xi" is a Greek letter and "XI" a Roman numeral.
    shortForms: ['Xi'],
    caseRule: 'exact',
    // Chinese names put the surname first: his father and his daughter.
    notFollowedBy: ['Zhongxun', 'Mingze'],
  },
  {
    id: 'donald-trump',
    name: 'Donald Trump',
    category: 'person',
    forms: ['Donald Trump', 'Donald J. Trump', 'Donald J Trump'],
    titles: ['President'],
    shortForms: ['Trump'],
    notFollowedBy: TRUMP_BUSINESSES,
  },
  {
    id: 'scott-bessent',
    name: 'Scott Bessent',
    category: 'person',
    forms: ['Scott Bessent'],
    titles: ['Secretary'],
    shortForms: ['Bessent'],
  },
  {
    id: 'stephen-miller',
    name: 'Stephen Miller',
    category: 'person',
    forms: ['Stephen Miller'],
    shortForms: ['Miller'],
    notFollowedBy: ['Lite', 'Genuine Draft', 'High Life', 'Brewing', 'Coors', 'Center', 'Centre', 'Park', 'Beer'],
  },
  {
    id: 'jake-sullivan',
    name: 'Jake Sullivan',
    category: 'person',
    forms: ['Jake Sullivan'],
    shortForms: ['Sullivan'],
    notFollowedBy: ['& Cromwell', 'Cromwell', 'Street', 'County', 'University', 'Award', 'Stadium'],
  },
  {
    id: 'zack-cooper',
    name: 'Zack Cooper',
    category: 'person',
    forms: ['Zack Cooper'],
    shortForms: ['Cooper'],
    notFollowedBy: ['Union', 'Hewitt', 'Tire', 'Tires', 'Standard'],
  },
  {
    id: 'michael-sobolik',
    name: 'Michael Sobolik',
    category: 'person',
    forms: ['Michael Sobolik'],
    shortForms: ['Sobolik'],
  },
  {
    id: 'joe-biden',
    name: 'Joe Biden',
    category: 'person',
    forms: ['Joe Biden', 'Joseph Biden', 'Joseph R. Biden'],
    titles: ['President'],
    shortForms: ['Biden'],
  },
  {
    id: 'rare-earths',
    name: 'Rare earths',
    category: 'policy',
    forms: ['rare earths', 'rare earth'],
    caseRule: 'any',
  },
  {
    id: 'export-controls',
    name: 'Export controls',
    category: 'policy',
    forms: ['export controls', 'export control'],
    caseRule: 'any',
  },
  {
    id: 'busan-truce',
    name: 'Busan truce',
    category: 'policy',
    // Never "Busan" alone: in the news it names the city where the deal was struck, even in a
    // story about the deal ("Trump and Xi met in Busan"), and a highlight claims it names the truce.
    forms: ['Busan truce', 'Busan deal', 'Busan agreement', 'Busan summit', 'Busan accord'],
    caseRule: 'any',
  },
  {
    id: 'fentanyl-precursors',
    name: 'Fentanyl precursors',
    category: 'policy',
    forms: ['fentanyl precursors', 'fentanyl precursor'],
    caseRule: 'any',
  },
  {
    id: 'hudson-institute',
    name: 'Hudson Institute',
    category: 'organisation',
    forms: ['Hudson Institute'],
  },
  {
    id: 'american-enterprise-institute',
    name: 'American Enterprise Institute',
    category: 'organisation',
    forms: ['American Enterprise Institute'],
    ambiguousForms: [
      {
        form: 'AEI',
        caseRule: 'exact',
        contextAnyOf: ['think tank', 'think-tank', 'American Enterprise', 'scholar', 'senior fellow', 'Zack Cooper'],
      },
    ],
  },
  {
    id: 'financial-times',
    name: 'Financial Times',
    category: 'company',
    forms: ['Financial Times'],
    notFollowedBy: ['IR', 'NIR', 'ICR', 'NMR'],
    ambiguousForms: [
      {
        // "the FT": also feet, full time, Fourier transform.
        form: 'FT',
        caseRule: 'exact',
        contextAnyOf: ['Financial Times', 'newspaper', 'reported', 'told', 'interview', 'newsletter', 'journalist', 'editor', 'columnist'],
        contextNoneOf: ['feet', 'foot', 'full-time', 'full time', 'half-time', 'Fourier', 'spectroscopy', 'score'],
      },
    ],
  },
  {
    id: 'us-treasury',
    name: 'US Treasury',
    category: 'agency',
    forms: [
      'US Treasury',
      'U.S. Treasury',
      'US Treasury Department',
      'U.S. Treasury Department',
      'Treasury Department',
      'Department of the Treasury',
      'US Department of the Treasury',
      'U.S. Department of the Treasury',
    ],
    // Treasury bonds and yields are debt, not the department.
    notFollowedBy: [
      'yield',
      'yields',
      'bond',
      'bonds',
      'bill',
      'bills',
      'note',
      'notes',
      'securities',
      'market',
      'markets',
      'futures',
      'auction',
      'auctions',
      'curve',
      'rate',
      'rates',
      'prices',
      'ETF',
      'Inflation-Protected',
      'Solicitor',
      'Committee',
      'Board',
    ],
    // Other countries have a Treasury; "HM Treasury" is the UK's.
    notPrecededBy: ['HM', "Her Majesty's", "His Majesty's", 'UK', 'British', 'Australian', 'Irish', 'New Zealand', 'Canadian'],
    ambiguousForms: [
      {
        form: 'Treasury',
        caseRule: 'exact',
        contextAnyOf: [...US_CONTEXT, 'Bessent', 'Yellen', 'Mnuchin', 'OFAC', 'sanctions'],
        contextNoneOf: ['UK', 'Britain', 'British', 'HM Treasury', 'chancellor', 'Westminster', 'Australia', 'Australian', 'New Zealand', 'Whitehall'],
      },
    ],
  },
  {
    id: 'white-house',
    name: 'White House',
    category: 'agency',
    forms: ['White House'],
    // Moscow's White House is the Russian government's seat; "White House Watch" is a newsletter.
    notPrecededBy: ['Russia', 'Russian', 'Moscow'],
    notFollowedBy: ['Watch', 'Down'],
  },
  {
    id: 'national-guard',
    name: 'National Guard',
    category: 'agency',
    forms: ['Army National Guard', 'Air National Guard', 'US National Guard', 'U.S. National Guard'],
    // Ukraine, Mexico and others have a National Guard too.
    notPrecededBy: ['Ukraine', 'Ukrainian', 'Mexico', 'Mexican', 'Russia', 'Russian', 'Iraq', 'Iraqi', 'Saudi', 'Venezuela', 'Venezuelan', 'Kuwait', 'Kuwaiti'],
    notFollowedBy: ['of Ukraine', 'of Mexico', 'of Russia', 'of Georgia', 'of Kuwait'],
    allowPrecededBy: US_STATE_WORDS,
    ambiguousForms: [
      {
        form: 'National Guard',
        contextAnyOf: [...US_CONTEXT, 'America', 'Army', 'Pentagon', 'governor', 'state', 'states', 'Hegseth'],
        contextNoneOf: ['Ukraine', 'Ukrainian', 'Mexico', 'Mexican', 'Rosgvardia', 'Kyiv', 'Guardia Nacional'],
      },
    ],
  },
  {
    id: 'chinese-communist-party',
    name: 'Chinese Communist Party',
    category: 'organisation',
    forms: ['Chinese Communist Party', 'Chinese Communist party', 'Communist Party of China'],
    ambiguousForms: [
      {
        // Also a central counterparty in finance, and codes of civil procedure.
        form: 'CCP',
        caseRule: 'exact',
        contextAnyOf: ['China', 'Chinese', 'Beijing', 'Xi Jinping', 'Communist', 'Politburo', 'Taiwan', 'Hong Kong'],
        contextNoneOf: ['clearing', 'clearinghouse', 'central counterparty', 'derivatives', 'Civil Procedure', 'Contra Costa'],
      },
    ],
  },
];

/** Catalog entries by id. */
export const catalogById: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((entry) => [entry.id, entry]));

/**
 * Hand labels for the discovery eval, written by reading each article before the discoverer was
 * run on it.
 *
 * - `names`: the names a careful reader would want offered from this article (its cast). Recall
 *   is measured over these. Each entry is the name and the other ways the article writes it.
 * - `alsoReal`: real names that may fairly be offered but are not required (places, works and
 *   firms mentioned in passing, photo credits). They count as correct for precision only.
 * - `pairs`: every "Full Name (ACR)" or "ACR (Full Name)" pair whose long form is a name.
 *   Lower-case expansions ("single sign-on (SSO)", "high dynamic range lighting") are terms, not
 *   names, and are not labelled.
 * Anything offered that is in neither list counts as wrong.
 */

export interface LabelledName {
  name: string;
  aliases?: readonly string[];
}

export interface ArticleLabels {
  /** Matches an article id in scripts/eval.ts (seed id, excerpt id or realworld file name). */
  id: string;
  names: readonly (string | LabelledName)[];
  alsoReal: readonly string[];
  pairs: ReadonlyArray<{ long: string; short: string }>;
  /**
   * Labelled after the discoverer had been tuned on the other articles, and run only after the
   * labels were committed: the honest check that tuning did not fit the labels.
   */
  heldOut?: boolean;
}

export const LABELS: readonly ArticleLabels[] = [
  {
    id: 'ft-us-halts-mss-sanctions',
    names: [
      { name: 'Donald Trump', aliases: ['Trump', 'President Trump'] },
      { name: 'Xi Jinping', aliases: ['Xi'] },
      { name: 'Ministry of State Security', aliases: ['MSS'] },
      'Salt Typhoon',
      'Zack Cooper',
      'American Enterprise Institute',
      'Nvidia',
      'H200',
      'Blackwell',
      { name: 'Stephen Miller', aliases: ['Miller'] },
      'Scott Bessent',
      'White House',
      'Alibaba',
      { name: 'Financial Times', aliases: ['FT', 'The Financial Times'] },
      'Jake Sullivan',
      'Joe Biden',
      'Michael Sobolik',
      'Hudson Institute',
      { name: 'Chinese Communist Party', aliases: ['Chinese Communist party'] },
      'Treasury',
      'Busan',
    ],
    alsoReal: ['China', 'US', 'Beijing', 'Asia', 'South Korea'],
    pairs: [],
  },
  {
    id: 'cnews-us-shelves-mss-sanctions',
    names: [
      { name: 'Ministry of State Security', aliases: ['MSS'] },
      'Salt Typhoon',
      { name: 'Donald Trump', aliases: ['Trump'] },
      { name: 'Xi Jinping', aliases: ['Xi'] },
      'White House',
      { name: 'National Guard', aliases: ['Army National Guard', 'U.S. Army National Guard'] },
    ],
    alsoReal: ['United States', 'U.S.', 'China', 'Beijing', 'Washington', 'CNews Live', 'U.S. Army'],
    pairs: [{ long: 'Ministry of State Security', short: 'MSS' }],
  },
  {
    id: '25-news-nytimes-yahoo-verizon',
    names: [
      'Yahoo',
      'Verizon',
      { name: 'Alibaba Group', aliases: ['Alibaba'] },
      'Yahoo Japan',
      { name: 'Remain Co.', aliases: ['Remain Co'] },
      'Marissa Mayer',
      'AOL',
      { name: 'Excalibur', aliases: ['Excalibur portfolio'] },
    ],
    alsoReal: [
      'Mozilla', 'Tumblr', 'Google', 'Facebook', 'Snapchat', 'Dell', 'Delaware',
      'Investment Company Act', 'Investment Company Act of 1940', 'Morris Trust',
    ],
    pairs: [],
  },
  {
    id: '26-news-nytimes-es-front',
    names: [
      'Activision Blizzard',
      'Microsoft',
      'Elizabeth Holmes',
      'Theranos',
      { name: 'The New York Times', aliases: ['New York Times'] },
    ],
    alsoReal: [
      'Beatles', 'Liverpool', 'Josh Max', 'Shira Ovide', 'Rachel Strugatz', 'Tara Parker-Pope',
      'Pam Belluck', 'David Streitfeld', 'Kevin Frayer', 'Ellen Surrey', 'Erik Carter', 'Ted',
      'Chelsea Cavanaugh', 'Danielle Chenette', 'Cari Vander Yacht', 'Bianca Bagnarelli', 'Kim Raff',
      'Andrew B. Myers', 'Dustin Chambers', 'Johnathon Kelso', 'Jenn Ackerman', 'Charlie Rubin',
      'Christopher Lee', 'Pete Marovich', 'Jason Andrew', 'Cooper Neill', 'Jenny Hueston',
      'Ómicron', 'Coronavirus', 'Estados Unidos',
    ],
    pairs: [],
  },
  {
    id: '27-news-independent-hotels',
    names: [
      { name: 'Zeev Sharon', aliases: ['Sharon'] },
      { name: 'Michael Forrest Jones', aliases: ['Forrest Jones'] },
      'Beechmont Hotels Corporation',
      'Hotelied',
      'Quora',
    ],
    alsoReal: ['US', 'New York', 'Diet Coke'],
    pairs: [],
  },
  {
    id: '28-news-engadget-xbox-review',
    names: [
      { name: 'Xbox One X', aliases: ['One X'] },
      'Microsoft',
      'Sony',
      { name: 'PlayStation 4 Pro', aliases: ['PS4 Pro'] },
      { name: 'Xbox One S', aliases: ['One S'] },
      'Gears of War 4',
      'Killer Instinct',
      { name: "Super Lucky's Tale", aliases: ['Super Lucky’s Tale'] },
      'AMD',
      { name: 'Dolby Atmos', aliases: ['Atmos'] },
      'Dolby Vision',
      'Dolby',
    ],
    alsoReal: [
      'Xbox One', 'Xbox', 'Xbox Live', 'Kinect', 'AMD Polaris', 'Polaris', 'Intel Core i7', 'Intel',
      'NVIDIA GTX 1080', 'NVIDIA', 'Forza Motorsport 7', "Assassin's Creed Origins", 'Call of Duty',
      'Call of Duty: WW2', 'Halo 3', 'Fallout 3', 'Planet Earth II', 'Netflix', 'Windows Mixed Reality',
      'PlayStation VR', 'PlayStation 4', 'PlayStation', 'Xbox 360', 'Blu-ray', 'Play and Charge',
      'HDR 10', 'PS4',
    ],
    pairs: [],
  },
  {
    id: '29-news-citylab',
    names: [
      { name: 'William Ramsay', aliases: ['Sir William Ramsay', 'Ramsay'] },
      'Morris W. Travers',
      { name: 'Georges Claude', aliases: ['Claude'] },
      { name: 'Luis de Miranda', aliases: ['de Miranda', 'De Miranda'] },
      'Michael Wells',
      'Bruce Nauman',
      'Tracey Emin',
      'Lisa Schulte',
      'Sarah Archer',
      'Packard Motor Car Company',
      'Let There Be Neon',
      'Museum of Neon Art',
      'Neon Museum',
    ],
    alsoReal: [
      'Moulin Rouge', 'Paris', 'Las Vegas Strip', 'Las Vegas', 'New York', 'Times Square',
      'L’être et le Néon', 'Being and Neonness', 'Twitter', 'Miami Beach', 'California', 'Europe',
      'Pablo Picasso', 'Coco Chanel', 'Gertrude Stein', 'Claude Debussy', 'Paris Motor Show',
      'Boulevard Montmartre', 'United States', 'Los Angeles', 'Chicago Century of Progress Exposition',
      'Century of Progress Exposition', 'World’s Fair', 'Futurama', 'General Motors',
      'The World of Tomorrow', 'World of Tomorrow', 'Soviets', 'Warsaw', 'Eastern bloc',
      'First World War', 'My Name as Though It Were Written on the Surface of the Moon',
      'Valentine’s Day', 'Manhattan', 'The Atlantic', 'CityLab', 'CityLab Daily',
      'The Midcentury Kitchen', 'Midcentury Kitchen', 'Art Deco', 'Packard', 'Chicago',
      'You Loved Me Like a Distant Star', 'The Kiss Was Beautiful',
    ],
    pairs: [],
  },
  {
    id: '30-news-theverge',
    names: [
      { name: 'Apple Vision Pro', aliases: ['Vision Pro'] },
      'Apple',
      'Steve Jobs',
      'Meta Quest Pro',
      'Zeiss',
      'David Pierce',
      'Cupertino',
    ],
    alsoReal: [
      'iPhone 4', 'iPhone', 'Retina', 'California', 'MicroOLED', 'Face ID', 'Messages', 'Safari',
      'Photos', 'Ford Focus', 'Alex Heath', 'Command Line', 'Apple Pay', 'Google Pay', 'Meta',
    ],
    pairs: [],
  },
  {
    id: 'seattletimes-whole-foods-halibut',
    names: [
      { name: 'Wade Bassi', aliases: ['Bassi'] },
      { name: 'Whole Foods Market', aliases: ['Whole Foods'] },
      'Amazon',
      { name: 'Tom Forte', aliases: ['Forte'] },
      'D.A. Davidson',
      'Jeff Bezos',
      'Prime',
      { name: 'Tyler Besecker', aliases: ['Besecker'] },
      'Dana F. Besecker Company',
      'QFC',
      { name: 'Marine Stewardship Council', aliases: ['MSC'] },
      { name: 'Bob Alverson', aliases: ['Alverson'] },
      'Fishing Vessel Owners Association',
      'Kroger',
    ],
    alsoReal: [
      'Fisherman’s Terminal', 'Seattle', 'Walmart', 'Costco', 'Sam’s Club', 'Mercer Island', 'Westlake',
      'Pacific',
    ],
    pairs: [{ long: 'Marine Stewardship Council', short: 'MSC' }],
  },
  {
    id: 'ap-progress-cargo-ship',
    names: [
      { name: 'Progress MS-04', aliases: ['Progress'] },
      'Roscosmos',
      'International Space Station',
      'NASA',
      'Interfax',
      'Orbital ATK',
      'SpaceX',
      'Marcia Dunn',
      'Vladimir Isachenkov',
      'Proton-M',
    ],
    alsoReal: [
      'Moscow', 'Siberia', 'Tuva', 'Mongolia', 'Kyzyl', 'Russia', 'Baikonur', 'Kazakhstan',
      'Pacific Ocean', 'European Union', 'Cape Canaveral', 'Florida', 'AP', 'Associated Press', 'Tyva',
      'Earth', 'Yahoo News', 'Yahoo',
    ],
    pairs: [],
  },
  {
    id: 'bbc-obama-gun-laws',
    names: [
      { name: 'Barack Obama', aliases: ['Obama', 'Mr Obama', 'President Obama'] },
      { name: 'BBC', aliases: ['BBC News'] },
      'Jon Sopel',
    ],
    alsoReal: [
      'US', 'Louisiana', 'UK', 'EU', 'Iran', 'Congress', 'Syria', 'Islamic State', 'Kenya',
      'South Carolina', 'Washington', 'North America',
    ],
    pairs: [],
  },
  {
    id: 'ebb-kuhn-controversial-events',
    names: [
      { name: 'Richard M. Stallman', aliases: ['RMS', 'Stallman'] },
      { name: 'Free Software Foundation', aliases: ['FSF'] },
      'Bradley M. Kuhn',
      { name: 'Software Freedom Conservancy', aliases: ['Conservancy'] },
      'MIT',
      'GNU',
    ],
    alsoReal: ['Epstein', 'Medium', 'Selam G.', '#MeToo', 'MeToo'],
    pairs: [
      { long: 'Richard M. Stallman', short: 'RMS' },
      { long: 'Free Software Foundation', short: 'FSF' },
    ],
  },
  {
    id: 'lwn-arduino-trademark',
    names: [
      'Arduino',
      'Arduino LLC',
      'Arduino SRL',
      { name: 'Smart Projects', aliases: ['Smart Projects SRL'] },
      { name: 'Interaction Design Institute Ivrea', aliases: ['IDII'] },
      { name: 'Massimo Banzi', aliases: ['Banzi'] },
      { name: 'David Cuartielles', aliases: ['Cuartielles'] },
      { name: 'David Mellis', aliases: ['Mellis'] },
      { name: 'Tom Igoe', aliases: ['Igoe'] },
      { name: 'Gianluca Martino', aliases: ['Martino'] },
      { name: 'US Patent and Trademark Office', aliases: ['USPTO', 'Patent and Trademark Office'] },
      { name: 'Federico Musto', aliases: ['Musto'] },
      'Hackaday',
      'Paul Stoffregen',
    ],
    alsoReal: [
      'Ivrea', 'Italy', 'Processing', 'Wiring', 'Wired Italy', 'Heise Online', 'Heise', 'China',
      'United States', 'US', 'MAKEzine', 'GitHub', 'Arduino Yún', 'Arduino IDE', 'Arduino Zero',
      'Arduino.org', 'Arduino.cc',
    ],
    pairs: [
      { long: 'Interaction Design Institute Ivrea', short: 'IDII' },
      { long: 'US Patent and Trademark Office', short: 'USPTO' },
    ],
  },
  {
    id: 'wapo-tunisia-museum-attack',
    names: [
      { name: 'Bardo National Museum', aliases: ['Bardo museum', 'Bardo'] },
      { name: 'Habib Essid', aliases: ['Essid'] },
      'Islamic State',
      'Josh Earnest',
      { name: 'Lotfi Azzouz', aliases: ['Azzouz'] },
      'Amnesty International',
      'World Travel and Tourism Council',
      'Ennahda',
      'Rachid Ghannouchi',
      'Ansar al-Sharia',
      'Tunisia',
    ],
    alsoReal: [
      'Cairo', 'Arab Spring', 'North Africa', 'Tunis', 'Italy', 'Poland', 'Germany', 'Spain',
      'Washington', 'White House', 'U.S.', 'Syria', 'Reuters', 'London', 'Egypt', 'Muslim Brotherhood',
      'U.S. Embassy', 'Muhammad', 'al-Qaeda', 'Libya', 'Sirte', 'Mediterranean', 'Salafists',
    ],
    pairs: [],
  },
  {
    id: 'guardian-maori-whale-strandings',
    heldOut: true,
    names: [
      { name: 'Hori Parata', aliases: ['Parata'] },
      'Ngātiwai',
      'New Zealand',
      { name: 'Te Kaurinui Robert Parata', aliases: ['Te Kaurinui', 'Te Kaurinui Parata', 'Kauri'] },
      'Project Jonah',
      { name: 'Department of Conservation', aliases: ['New Zealand Department of Conservation'] },
      { name: 'Buck Cullen', aliases: ['Cullen'] },
      { name: 'Jamie Werner', aliases: ['Werner'] },
      'Whangārei',
    ],
    alsoReal: [
      'Northland', 'Māori', 'Aotearoa', 'Pātaua', 'Manu Taupunga', 'Stewart Island', 'Ninety Mile beach',
      'Ninety Mile Beach', 'Chatham Islands', 'South Taranaki', 'Kaupokonui', 'Hihiaua Cultural Centre',
      'Tāne Mahuta', 'Tamaterau', 'Whangārei Harbour', 'Kaitaia', 'Eleanor Ainge Roy', 'Guardian', 'Kaiarahi',
    ],
    pairs: [],
  },
  {
    id: 'telegraph-zimbabwe-coup',
    heldOut: true,
    names: [
      { name: 'Robert Mugabe', aliases: ['Mugabe', 'Mr Mugabe'] },
      { name: 'Grace', aliases: ['Grace Mugabe'] },
      'G40',
      'Jonathan Moyo',
      'Saviour Kasukuwere',
      'Reuters',
      'Fidelis Mukonori',
      { name: 'Emmerson Mnangagwa', aliases: ['Mnangagwa'] },
      'Morgan Tsvangirai',
      'Jacob Zuma',
      'Zanu-PF',
      'Zimbabwe',
      'Harare',
    ],
    alsoReal: ['Blue House', 'Britain', 'South Africa', 'Africa', 'West', 'Sally', 'Gucci Grace', 'DisGrace', 'Gucci'],
    pairs: [],
  },
  {
    id: 'cnn-birth-lottery',
    heldOut: true,
    names: [
      'Stanford University',
      { name: 'Center on Poverty and Inequality', aliases: ['Stanford Center on Poverty and Inequality'] },
      'CNNMoney',
    ],
    alsoReal: [
      'U.S.', 'US', 'United States', 'SmartAsset.com', 'SmartAsset', 'Finland', 'Norway', 'Australia', 'Canada',
      'Germany', 'France', 'United Kingdom', 'Italy', 'Spain', 'Chicago', 'America', 'New York',
    ],
    pairs: [],
  },
];

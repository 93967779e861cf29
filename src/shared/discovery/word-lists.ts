/**
 * Word lists discovery judges capitalised words by. Kept small and general: they describe news
 * English (titles, function words, calendar words, name heads), not any article in the eval.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/u));

/**
 * Lower-case function and frequent sentence-opening words. A capitalised one of these is the
 * sentence's first word, a heading's, or a title-case headline's, never a name on its own.
 */
export const COMMON_WORDS = set(`
  a an the and or but nor so yet for of on in at to from by with without into onto over under
  about above after against along amid among around as before behind below beneath beside
  between beyond despite during except inside near off outside past per since than through
  throughout till toward towards until up upon via within
  i me my mine we us our ours you your yours he him his she her hers it its they them their
  theirs this that these those who whom whose which what when where why how whether while
  if then else also too very just only even still already not no yes all any both each every
  few many more most much other others some such same own one two three four five six seven
  eight nine ten first second third last next new old
  is are was were be been being am do does did done have has had having will would shall
  should can could may might must let lets
  here there now today tonight tomorrow yesterday ago again ever never always often sometimes
  however meanwhile instead indeed although though because unless whereas therefore thus
  hence moreover furthermore nevertheless nonetheless otherwise finally firstly secondly
  ultimately basically typically unfortunately fortunately unsurprisingly surprisingly
  interestingly importantly additionally personally visually sure ahh oh well okay ok
  please read continue share follow subscribe sign click watch see play video photo photos
  gallery image images credit credits related advertisement sponsored comments comment reply
  illustration caption fullscreen
  more less like unlike
`);

/** Days and months: calendar words, capitalised but never names here. */
export const CALENDAR_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday
  mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/**
 * Titles and roles, single words. Before a name they are dropped ("President Donald Trump" →
 * "Donald Trump"); alone they are not names ("the Chairman", "Secretary").
 */
export const ROLE_WORDS = set(`
  mr mrs ms miss messrs mx dr prof professor sir dame lord lady madam
  president vice chairman chairwoman chair chairperson ranking member secretary minister premier
  senator sen rep reps representative congressman congresswoman congressmember delegate
  governor gov mayor councilman councilwoman councillor councilor assemblyman assemblywoman
  speaker leader whip deputy undersecretary commissioner ambassador envoy director
  chancellor judge justice attorney prosecutor sheriff inspector superintendent
  gen lt col maj capt cmdr sgt adm admiral colonel captain commander sergeant lieutenant marshal
  officer detective king queen prince princess emperor empress sultan emir sheikh pope cardinal
  bishop archbishop reverend rev father rabbi imam pastor ceo cfo coo cto chief executive founder
  cofounder co-founder chairman analyst spokesman spokeswoman spokesperson writer editor
  correspondent reporter columnist commentator commenter host
  ranking minority majority
`);

/** Words that may end a role phrase but also start names ("General Motors"): roles only after another role word. */
export const ROLE_TAIL_WORDS = set(`general`);

/**
 * Nationality and group adjectives. Before a role they are dropped with it ("Chinese President
 * Xi Jinping"); alone they are not names ("Tunisian", "Islamists").
 */
export const DEMONYMS = set(`
  american americans chinese russian russians british english scottish welsh irish french german
  germans italian spanish portuguese dutch belgian swiss austrian polish czech hungarian greek
  turkish israeli israelis palestinian palestinians iranian iraqi syrian lebanese saudi egyptian
  egyptians libyan tunisian tunisians algerian moroccan african africans european europeans asian
  asians japanese korean koreans indian indians pakistani afghan australian canadian mexican
  brazilian argentine argentinian cuban venezuelan colombian chilean peruvian ukrainian
  ukrainians belarusian georgian armenian kenyan kenyans nigerian ethiopian somali sudanese
  taiwanese vietnamese thai filipino indonesian malaysian singaporean alaskan texan californian
  soviet soviets western eastern northern southern arab arabs muslim muslims christian christians
  jewish jews catholic catholics protestant islamic islamist islamists jihadist jihadists
  communist communists socialist republican republicans democrat democrats democratic
  conservative conservatives liberal liberals copts salafist salafists roman romans latin latino
  hispanic persian ottoman byzantine viking vikings celtic nordic baltic balkan
`);

/** Joiners that may stand inside a name ("Ministry of State Security", "Luis de Miranda"). */
export const PARTICLES = set(`de del della der den di da das do dos du la le van von bin ibn al el y zu ter ten`);

/**
 * Last words that make a phrase an institution. After one, "of", "on", "for" and "and" may
 * continue the name ("Select Committee on the CCP", "Center for Strategic and International
 * Studies"); before one, "and" may join ("Patent and Trademark Office").
 */
export const INSTITUTION_HEADS = set(`
  ministry department agency bureau administration office service services commission authority
  directorate police guard army navy corps force forces command council committee subcommittee
  caucus institute institution university college school academy foundation association society
  conservancy party union league federation club church museum gallery library center centre
  organization organisation alliance coalition fund trust network movement brotherhood
  court tribunal parliament congress assembly senate house board group company corporation
  bank exchange laboratory laboratories lab labs hospital studies affairs relations research
  project program programme initiative campaign fellowship observatory station
`);

/** Corporate suffixes: the words after them or before them say "company". */
export const COMPANY_SUFFIXES = set(`
  inc incorporated corp corporation co company companies llc ltd limited plc srl gmbh ag sa spa
  nv bv ab asa oyj holdings group technologies technology systems motors airlines airways
  industries enterprises partners capital ventures labs pharmaceuticals brands market markets stores
`);

/** Agencies: heads that make a name a government body. */
export const AGENCY_HEADS = set(`
  ministry department agency bureau administration office service services commission authority
  directorate police guard army navy corps force forces command treasury
`);

/** Heads that make a name a place. */
export const PLACE_HEADS = set(`
  city county province state region district island islands strip square street avenue road
  boulevard river mountain mountains lake bay ocean sea valley peninsula coast canyon park
  terminal airport port harbor harbour bridge beach heights hills
`);

/** Last words of cyber-espionage campaign names (Microsoft's and CrowdStrike's schemes). */
export const CAMPAIGN_HEADS = set(`typhoon sandstorm sleet tempest panda chollima kitten spider bear blizzard`);

/** Last words that make a capitalised phrase a product ("Vision Pro", "Xbox One X"). */
export const PRODUCT_TAILS = set(`pro max plus mini ultra lite edition`);

/**
 * Acronyms that are common nouns of news and tech prose, not names: offering "CEO" or "HDR"
 * costs trust. A pair ("Named Binary Tag (NBT)") still makes an acronym a name.
 */
export const COMMON_ACRONYMS = set(`
  ceo cfo coo cto cio cmo evp svp vp md phd mba ma ba bsc msc llm jd esq
  pc pcs tv tvs vr ar xr ai ml hdr cpu cpus gpu gpus ram rom usb hdmi ssd hdd os ir ui ux api apis
  ide sdk fps led leds lcd oled gb mb kb tb ghz mhz kw kwh mw gw mph km kg lb lbs ft
  pdf url urls html css http https www faq faqs imo imho fyi asap diy tbd tba rsvp ps lol omg btw
  gmt utc est edt pst pdt cst cdt et pt am pm bc ad bce ce
  gdp ipo ipos etf etfs r&d pr hr it qa hq dna rna hiv icu er gp
  suv suvs atm pin sms mms gps wifi wi-fi lte 2g 3g 4g 5g 4k 8k 3d 2d hd uhd sd nft nfts vpn id ids iq
  mvp ok usd eur gbp jpy cny rmb ii iii iv vi vii viii ix xi xii foss oss pii diy
  ap afp upi aa aaa
`);

/**
 * Countries, continents, regions and capitals news names without a cue: a short list for the
 * category guess and to keep "Italy" from being taken for a surname, not a gazetteer.
 */
export const PLACES = set(`
  afghanistan africa alaska america antarctica argentina asia australia austria bangladesh beijing belgium berlin
  brazil britain brussels cairo california canada chicago china colombia cuba denmark egypt england europe finland
  florida france germany greece india indonesia iran iraq ireland israel italy japan kenya korea kyiv libya london
  mexico moscow netherlands nigeria norway pakistan paris poland portugal russia scotland seattle singapore spain
  sweden switzerland syria taiwan texas tokyo tunisia turkey uk ukraine us usa u.s. vietnam wales washington siberia
  kazakhstan mongolia tunis united states kingdom emirates south north east west new york los angeles
  hong kong san francisco
`);

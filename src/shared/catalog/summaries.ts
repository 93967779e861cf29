/**
 * For each catalog entity, one hand-picked excerpt of a bundled article that says what the
 * entity is. Cards show only verbatim text, so a summary is an excerpt, never prose of ours: the
 * knowledge base build finds each excerpt in its article (character for character, typographic
 * quotes and apostrophes included) and fails if one is missing or its paragraph does not mention
 * the entity.
 */

export interface SummaryExcerpt {
  /** The article the excerpt is taken from (an id of src/shared/library/articles.json). */
  articleId: string;
  /** The excerpt, exactly as it appears in one paragraph of that article. */
  text: string;
}

/** Article ids of the library (src/shared/library/articles.json). */
const FT = 'ft-us-halts-mss-sanctions';
const CNEWS = 'cnews-us-shelves-mss-sanctions';

export const SUMMARIES: Readonly<Record<string, SummaryExcerpt>> = {
  'salt-typhoon': { articleId: FT, text: 'a hacking campaign against US telecom networks called \u201CSalt Typhoon\u201D' },
  // The articles call it "the spy agency" only in a paragraph that does not name it.
  mss: { articleId: CNEWS, text: 'China\u2019s Ministry of State Security (MSS)' },
  h200: { articleId: FT, text: 'the H200, an advanced chip' },
  blackwell: { articleId: FT, text: 'an even more advanced chip called the Blackwell' },
  nvidia: { articleId: FT, text: 'allow Nvidia to export the H200, an advanced chip, to China' },
  alibaba: { articleId: FT, text: 'Alibaba, the Chinese tech group' },
  'xi-jinping': { articleId: CNEWS, text: 'Chinese President Xi Jinping' },
  'donald-trump': { articleId: CNEWS, text: 'U.S. President Donald Trump' },
  'scott-bessent': { articleId: FT, text: 'Treasury secretary Scott Bessent' },
  'stephen-miller': { articleId: FT, text: 'Stephen Miller, deputy White House chief of staff' },
  'jake-sullivan': { articleId: FT, text: 'Jake Sullivan, who was national security adviser in the administration of President Joe Biden' },
  'zack-cooper': { articleId: FT, text: 'an Asia security expert at the American Enterprise Institute' },
  'michael-sobolik': { articleId: FT, text: 'a US-China relations expert at the Hudson Institute' },
  'joe-biden': { articleId: FT, text: 'President Joe Biden' },
  'rare-earths': { articleId: FT, text: 'China\u2019s dominance in rare earths' },
  'export-controls': { articleId: CNEWS, text: 'proposed export controls, which would have further limited American technology shipments to China' },
  // The paragraph that tells of the deal names only the city; this one names the truce.
  'busan-truce': { articleId: FT, text: 'it wanted to protect the Busan truce' },
  'fentanyl-precursors': { articleId: FT, text: 'China has agreed to crack down on fentanyl precursors' },
  // The articles say what its experts do, not what it is; its expert is the closest they come.
  'hudson-institute': { articleId: FT, text: 'Michael Sobolik, a US-China relations expert at the Hudson Institute' },
  // As for the Hudson Institute: the articles describe it only through its expert.
  'american-enterprise-institute': { articleId: FT, text: 'Zack Cooper, an Asia security expert at the American Enterprise Institute' },
  'financial-times': { articleId: FT, text: 'The Financial Times first reported the existence of the memo.' },
  'us-treasury': { articleId: FT, text: 'Treasury secretary Scott Bessent' },
  'white-house': { articleId: CNEWS, text: 'the White House stepped in to delay punitive action' },
  'national-guard': { articleId: CNEWS, text: 'a U.S. Army National Guard network' },
  // The only sentence that names it is an expert's opinion; a bare name beats an opinion
  // shown without its speaker as if it were a description.
  'chinese-communist-party': { articleId: FT, text: 'the Chinese Communist party' },
};

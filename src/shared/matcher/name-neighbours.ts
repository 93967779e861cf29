/**
 * Capitalised words that may stand directly before a surname or other short form without being
 * part of a longer name: titles ("President Trump", "Mr Miller"), words that open a sentence or
 * clause ("But Miller", "When Xi"), numbers ("Two H200s") and dates ("Monday Trump said"). Any
 * other capitalised word there is most likely a given name or a brand ("Jason Miller",
 * "Lara Trump", "Hyundai H200").
 * Stored lower case; compared case-insensitively so headlines in capitals work too.
 */
const TITLES = [
  'president', 'vice', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame',
  'lord', 'lady', 'secretary', 'undersecretary', 'deputy', 'assistant', 'senator', 'sen',
  'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'chairman',
  'chairwoman', 'chair', 'chief', 'director', 'minister', 'premier', 'leader', 'general', 'gen',
  'admiral', 'adm', 'colonel', 'col', 'captain', 'capt', 'ambassador', 'envoy', 'adviser', 'advisor',
  'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'judge', 'justice', 'speaker', 'commissioner',
  'counsel', 'attorney', 'former', 'then', 'candidate', 'nominee', 'comrade', 'analyst', 'expert',
  'scholar', 'fellow', 'strategist', 'official', 'officials', 'hawk', 'hawks', 'critic', 'critics',
  'ally', 'allies', 'rival', 'rivals', 'successor', 'predecessor', 'administration',
];

const SENTENCE_WORDS = [
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'so', 'yet', 'for', 'if', 'as', 'at', 'in', 'on',
  'of', 'to', 'by', 'from', 'with', 'without', 'about', 'after', 'before', 'since', 'until',
  'while', 'when', 'whenever', 'where', 'why', 'how', 'what', 'who', 'whom', 'which', 'that',
  'this', 'these', 'those', 'then', 'than', 'because', 'although', 'though', 'unless', 'once',
  'also', 'even', 'only', 'still', 'now', 'here', 'there', 'meanwhile', 'however', 'indeed',
  'instead', 'later', 'earlier', 'today', 'yesterday', 'tomorrow', 'tonight', 'last', 'next',
  'both', 'either', 'neither', 'all', 'each', 'every', 'some', 'many', 'most', 'several', 'under',
  'over', 'against', 'between', 'among', 'like', 'unlike', 'via', 'per', 'during', 'despite',
  'amid', 'through', 'toward', 'towards', 'into', 'onto', 'upon', 'within', 'did', 'does', 'do',
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must', 'shall', 'not', 'no', 'yes', 'i', 'he', 'she', 'it',
  'we', 'they', 'you', 'his', 'her', 'its', 'our', 'their', 'my', 'your', 'let', 'says', 'said',
  'asked', 'told', 'according', 'see', 'ask', 'dear', 'thanks', 'photo', 'reporting', 'watch',
  'read', 'more', 'opinion', 'analysis', 'exclusive', 'breaking', 'update', 'live', 'video',
  'whether', 'new',
];

const NUMBERS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'dozens', 'hundreds', 'thousands', 'millions', 'first', 'second', 'third', 'fourth', 'fifth',
];

const DATES = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

const NOT_GIVEN_NAMES: ReadonlySet<string> = new Set([...TITLES, ...SENTENCE_WORDS, ...NUMBERS, ...DATES]);

/** True when a capitalised word right before a short form leaves it free to name our entity. */
export function mayPrecedeShortForm(word: string): boolean {
  return NOT_GIVEN_NAMES.has(word.toLowerCase());
}

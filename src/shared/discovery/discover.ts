/**
 * The entry point: the names in one article that the reader does not have yet, best first.
 * Precision first: a name is offered only when prose introduces it in a way only names are
 * written (mid-sentence capitals, several capitalised words, an acronym pair).
 */
import { type ScannedArticle, type ScannedMention, scanArticle } from './article-scan';
import { guessCategory } from './category';
import { indexDismissed, indexKnown } from './known-names';
import { type NameGroup, groupNames, nameKey } from './name-groups';
import { candidateId, containsForm, score } from './rank';
import type { ArticleInput, Candidate, DiscoveryOptions, DiscoveryResult } from './types';

/** The new names of an article, best first. */
export function discoverNames(article: ArticleInput, options: DiscoveryOptions = {}): Candidate[] {
  return findNames(article, options).offered;
}

/** New names to offer, and the known names the article mentions. */
export function findNames(article: ArticleInput, options: DiscoveryOptions = {}): DiscoveryResult {
  const scanned = scanArticle(article.paragraphs);
  const known = indexKnown(options.known ?? []);
  const isDismissed = indexDismissed(options.dismissed ?? []);
  const title = article.title ?? '';
  // Sentence openings and common words are judged with English lists; elsewhere ask for recurrence.
  const foreign = typeof article.lang === 'string' && article.lang !== '' && !/^en\b/iu.test(article.lang);
  const offered: Candidate[] = [];
  const recognised = new Map<string, number>();
  const groups = groupNames(scanned);
  const keys = new Set(groups.map((group) => group.key));
  for (const group of groups) {
    if (isDemonymOf(group.key, keys)) continue;
    const candidate = toCandidate(group, scanned, title, article.paragraphs);
    if (!candidate) continue;
    const forms = [candidate.name, ...candidate.forms, ...(candidate.acronym ? [candidate.acronym] : [])];
    const knownId = known.find(forms) ?? known.findWithin(candidate.name);
    if (knownId !== undefined) {
      recognised.set(knownId, (recognised.get(knownId) ?? 0) + candidate.count);
      continue;
    }
    if (!mayIntroduce(group, scanned) || isDismissed(forms)) continue;
    if (foreign && candidate.count < 2 && !group.pair) continue;
    offered.push(candidate);
  }
  offered.sort(
    (a, b) =>
      b.score - a.score ||
      a.firstSentence.paragraph - b.firstSentence.paragraph ||
      a.firstSentence.start - b.firstSentence.start ||
      a.name.localeCompare(b.name),
  );
  return { offered: dedupeIds(offered), recognised: [...recognised].map(([id, count]) => ({ id, count })) };
}

/** "New Zealanders", "Tunisians", "Kenyan": a people named after a place the article names. */
function isDemonymOf(key: string, keys: ReadonlySet<string>): boolean {
  const match = /^(.+?)(ians?|ans?|ns?|ers?|ese|is?)$/u.exec(key);
  if (!match) return false;
  for (let cut = 1; cut <= 4 && cut < key.length - 2; cut++) {
    const stem = key.slice(0, key.length - cut);
    if (keys.has(stem) && /^(?:ians?|ans?|ns?|ers?|ese|is?)$/u.test(key.slice(stem.length))) return true;
  }
  return false;
}

/**
 * May this group be offered as a new name? Prose must show it as a name: mid-sentence, or as
 * several words, or as an acronym or camel-case word, or as an acronym pair. A single word the
 * article also writes in lower case ("Neon" and "neon", "Photos" and "photos") is a common word.
 */
function mayIntroduce(group: NameGroup, scanned: ScannedArticle): boolean {
  if (group.pair) return true;
  const single = group.words.length === 1;
  const word = group.words[0]!;
  const special = /^\p{Lu}{2,}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word);
  if (single && !special && scanned.lowerWords.has(word.toLowerCase())) return false;
  if (group.mentions.some((mention) => mention.prose && (!mention.initial || !single || special || mention.titled))) return true;
  // "United States" only in a list, but "U.S." all through the prose: the acronym attests it.
  return group.acronym !== null && group.shortMentions.some((mention) => mention.prose && !mention.initial);
}

function toCandidate(group: NameGroup, scanned: ScannedArticle, title: string, paragraphs: readonly string[]): Candidate | null {
  const all = [...group.mentions, ...group.shortMentions].sort(byPlace);
  const first = all[0];
  if (!first) return null;
  const sentence = scanned.sentences[first.sentence]!;
  const forms = withExpandedAcronyms(fullForms(group), scanned);
  const name = group.pair?.long ?? forms[0]!;
  const shortForms = [...group.shortForms].filter((form) => !forms.some((full) => nameKey(full) === nameKey(form)));
  const acronym = group.pair?.short ?? group.acronym ?? (/^[\p{Lu}\p{N}.&-]{2,}$/u.test(name) && /\p{Lu}/u.test(name) ? name : undefined);
  // The pair itself is one mention, even when neither of its forms was read as a mention alone.
  const pair = group.pair;
  const pairCounted = !pair || all.some((m) => m.paragraph === pair.paragraph && (m.start === pair.longStart || m.start === pair.shortStart));
  const count = all.length + (pairCounted ? 0 : 1);
  const everyForm = [name, ...forms, ...shortForms, ...(acronym ? [acronym] : [])];
  const candidate: Candidate = {
    id: candidateId(name),
    name,
    category: guessCategory(group, scanned),
    count,
    forms: [name, ...forms.filter((form) => nameKey(form) !== nameKey(name))],
    shortForms,
    firstSentence: {
      text: paragraphs[sentence.paragraph]!.slice(sentence.start, sentence.end),
      paragraph: sentence.paragraph,
      start: sentence.start,
      end: sentence.end,
    },
    score: score({
      count,
      inTitle: title !== '' && everyForm.some((form) => containsForm(title, form)),
      inLede: scanned.lede >= 0 && all.some((mention) => mention.paragraph === scanned.lede),
      pair: group.pair !== null,
      words: group.words.length,
    }),
  };
  if (acronym) candidate.acronym = acronym;
  return candidate;
}

/** Full forms by how often they are written, mixed case before all capitals ("Nvidia" over "NVIDIA"). */
function fullForms(group: NameGroup): string[] {
  const counts = new Map<string, { form: string; count: number; order: number }>();
  group.mentions.forEach((mention, order) => {
    const key = nameKey(mention.text);
    const form = mention.text.replace(/\s+/gu, ' ');
    const entry = counts.get(key);
    if (entry) {
      entry.count++;
      if ((isShouted(entry.form) && !isShouted(form)) || (entry.form.endsWith('.') && !form.endsWith('.'))) entry.form = form;
    } else counts.set(key, { form, count: 1, order });
  });
  const forms = [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order).map((entry) => entry.form);
  if (group.pair) forms.unshift(group.pair.long);
  if (forms.length === 0) forms.push(group.words.join(' '));
  return [...new Map(forms.map((form) => [nameKey(form), form])).values()];
}

/**
 * "Select Committee on the CCP" is also "Select Committee on the Chinese Communist Party" where
 * the article pairs CCP with its long form: both are forms of the name.
 */
function withExpandedAcronyms(forms: string[], scanned: ScannedArticle): string[] {
  const out = [...forms];
  for (const form of forms) {
    for (const pair of scanned.pairs) {
      if (form === pair.short || !containsForm(form, pair.short)) continue;
      const expanded = form.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pair.short.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'), pair.long);
      if (!out.some((existing) => nameKey(existing) === nameKey(expanded))) out.push(expanded);
    }
  }
  return out;
}

const isShouted = (form: string): boolean => form.length > 3 && !/\p{Ll}/u.test(form);

function byPlace(a: ScannedMention, b: ScannedMention): number {
  return a.paragraph - b.paragraph || a.start - b.start;
}

/** Two names that kebab to one id ("Co-op", "Coop"): the lower-ranked gets a numbered id. */
function dedupeIds(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, number>();
  for (const candidate of candidates) {
    const n = seen.get(candidate.id) ?? 0;
    seen.set(candidate.id, n + 1);
    if (n > 0) candidate.id = `${candidate.id}-${n + 1}`;
  }
  return candidates;
}

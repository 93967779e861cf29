/**
 * Checks every message and answer on receipt. A message from another context is untrusted input
 * until it passes here: unknown types, missing fields and wrong shapes come back as an error
 * value, never as an exception.
 */
import { CATEGORIES, type Category } from '../catalog/types';
import type { EntityKnowledge, Quote } from '../knowledge/types';
import { LIBRARY_MAX_URL_CHARS, MAX_REPORTED_ENTITIES } from '../constants';
import { isRecord } from '../settings/schema';
import { isWebUrl } from '../library/export-format';
import type { InactiveReason } from '../settings/site';
import type {
  BackgroundRequest,
  BackgroundResponses,
  EntityCounts,
  EntityLabel,
  Envelope,
  PageEntities,
  LibraryHit,
  Parsed,
  SaveReply,
  TabRequest,
  TabResponses,
} from './protocol';

const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 64;
const INACTIVE_REASONS: readonly InactiveReason[] = ['disabled-globally', 'disabled-on-site'];
const MENTION_COMMANDS = ['next-mention', 'previous-mention'] as const;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ENTITY_ID.test(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCategory(value: unknown): value is Category {
  return CATEGORIES.includes(value as Category);
}

export function parseBackgroundRequest(raw: unknown): Parsed<BackgroundRequest> {
  if (!isRecord(raw)) return fail('message is not an object');
  switch (raw.type) {
    case 'get-entity':
      return isEntityId(raw.id) ? ok({ type: 'get-entity', id: raw.id }) : fail('get-entity needs an entity id');
    case 'describe-entities': {
      const { ids } = raw;
      if (!Array.isArray(ids) || ids.length > MAX_REPORTED_ENTITIES || !ids.every(isEntityId)) {
        return fail('describe-entities needs a list of entity ids');
      }
      return ok({ type: 'describe-entities', ids: [...ids] });
    }
    case 'open-reader':
      return parseOpenReader(raw);
    case 'page-entities': {
      const page = parsePageEntities(raw);
      return page.ok ? ok({ type: 'page-entities', ...page.value }) : page;
    }
    case 'save-page':
      return isIndex(raw.tabId) && typeof raw.replace === 'boolean'
        ? ok({ type: 'save-page', tabId: raw.tabId, replace: raw.replace })
        : fail('save-page needs a tab id and whether to replace');
    case 'library-lookup':
      return typeof raw.url === 'string' && raw.url.length <= LIBRARY_MAX_URL_CHARS
        ? ok({ type: 'library-lookup', url: raw.url })
        : fail('library-lookup needs an address');
    default:
      return fail(`unknown message type ${JSON.stringify(String(raw.type))}`);
  }
}

function parseOpenReader(raw: Record<string, unknown>): Parsed<BackgroundRequest> {
  const { articleId, paragraph, start, end } = raw;
  if (typeof articleId !== 'string' || articleId.length === 0 || articleId.length > MAX_ID_LENGTH) {
    return fail('open-reader needs an article id');
  }
  if (paragraph !== undefined && !isIndex(paragraph)) return fail('open-reader paragraph must be an index');
  const hasPassage = start !== undefined || end !== undefined;
  if (hasPassage && (paragraph === undefined || !isIndex(start) || !isIndex(end) || end <= start)) {
    return fail('open-reader passage must be start < end within a paragraph');
  }
  return ok({
    type: 'open-reader',
    articleId,
    ...(paragraph !== undefined ? { paragraph } : {}),
    ...(hasPassage ? { start: start as number, end: end as number } : {}),
  });
}

export function parseTabRequest(raw: unknown): Parsed<TabRequest> {
  if (!isRecord(raw)) return fail('message is not an object');
  switch (raw.type) {
    case 'list-entities':
      return ok({ type: 'list-entities' });
    case 'reveal-entity':
      return isEntityId(raw.id) ? ok({ type: 'reveal-entity', id: raw.id }) : fail('reveal-entity needs an entity id');
    case 'command': {
      const command = MENTION_COMMANDS.find((name) => name === raw.name);
      return command ? ok({ type: 'command', name: command }) : fail('unknown command');
    }
    case 'library-changed':
      return ok({ type: 'library-changed' });
    default:
      return fail(`unknown message type ${JSON.stringify(String(raw.type))}`);
  }
}

export function parsePageEntities(raw: unknown): Parsed<PageEntities> {
  if (!isRecord(raw)) return fail('page report is not an object');
  const counts = parseCounts(raw.counts);
  if (!counts) return fail('counts must map entity ids to whole numbers');
  if (typeof raw.active !== 'boolean') return fail('active must be a boolean');
  const page: PageEntities = { counts, active: raw.active };
  if (raw.hostname !== undefined) {
    if (typeof raw.hostname !== 'string' || !HOSTNAME.test(raw.hostname)) return fail('hostname is not a hostname');
    page.hostname = raw.hostname.toLowerCase();
  }
  if (raw.reason === undefined || raw.active) return ok(page);
  const reason = INACTIVE_REASONS.find((known) => known === raw.reason);
  return reason ? ok({ ...page, reason }) : fail('unknown inactive reason');
}

/** What location.hostname can hold: a DNS name (any script, as punycode) or an IP literal. */
const HOSTNAME = /^(?=.{1,253}$)(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.?|\[[0-9A-Fa-f:.]+\])$/;

function parseCounts(raw: unknown): EntityCounts | null {
  if (!isRecord(raw)) return null;
  const entries = Object.entries(raw);
  if (entries.length > MAX_REPORTED_ENTITIES) return null;
  const counts: EntityCounts = {};
  for (const [id, count] of entries) {
    if (!isEntityId(id) || !isIndex(count)) return null;
    if (count > 0) counts[id] = count;
  }
  return counts;
}

function parseQuote(raw: unknown): Quote | null {
  if (!isRecord(raw)) return null;
  const { text, articleId, publisher, paragraph, start, end } = raw;
  if (typeof text !== 'string' || typeof articleId !== 'string' || typeof publisher !== 'string' || !isIndex(paragraph)) {
    return null;
  }
  const quote: Quote = { text, articleId, publisher, paragraph };
  if (isIndex(start) && isIndex(end)) Object.assign(quote, { start, end });
  const { headline, published, url } = raw;
  if (typeof headline === 'string') quote.headline = headline;
  if (typeof published === 'string' && !Number.isNaN(Date.parse(published))) quote.published = published;
  if (isWebUrl(url)) quote.url = url;
  return quote;
}

export function parseEntityKnowledge(raw: unknown): Parsed<EntityKnowledge | null> {
  if (raw === null) return ok(null);
  if (!isRecord(raw) || !isEntityId(raw.id) || typeof raw.name !== 'string' || !isCategory(raw.category)) {
    return fail('entity needs an id, a name and a category');
  }
  const summary = parseQuote(raw.summary);
  const quotes = Array.isArray(raw.quotes) ? raw.quotes.map(parseQuote) : null;
  const related = Array.isArray(raw.related) ? raw.related.filter(isEntityId) : null;
  if (!summary || !quotes || quotes.some((quote) => quote === null) || !related) {
    return fail('entity needs a summary, quotes and related ids');
  }
  return ok({ id: raw.id, name: raw.name, category: raw.category, summary, quotes: quotes as Quote[], related });
}

function parseEntityLabels(raw: unknown): Parsed<Record<string, EntityLabel>> {
  if (!isRecord(raw)) return fail('labels must be an object');
  const labels: Record<string, EntityLabel> = {};
  for (const [id, label] of Object.entries(raw)) {
    if (!isEntityId(id) || !isRecord(label) || typeof label.name !== 'string' || !isCategory(label.category)) {
      return fail(`bad label for ${JSON.stringify(id)}`);
    }
    labels[id] = { name: label.name, category: label.category };
  }
  return ok(labels);
}

const SAVE_STATUSES = ['no-article', 'too-big', 'cannot-capture'] as const;

function parseSaveReply(raw: unknown): Parsed<SaveReply> {
  if (!isRecord(raw)) return fail('save reply is not an object');
  const { status, id, title, names, newNames, savedAt } = raw;
  const bare = SAVE_STATUSES.find((known) => known === status);
  if (bare) return ok({ status: bare });
  if (typeof id !== 'string' || typeof title !== 'string') return fail('save reply needs an id and a title');
  if ((status === 'saved' || status === 'updated') && isIndex(names)) {
    const found = Array.isArray(newNames) ? newNames.filter((name): name is string => typeof name === 'string') : [];
    return ok({ status, id, title, names, newNames: found });
  }
  if (status === 'duplicate' && isIndex(savedAt)) return ok({ status, id, title, savedAt });
  return fail('unknown save reply');
}

function parseLibraryHit(raw: unknown): Parsed<LibraryHit | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.title !== 'string' || !isIndex(raw.savedAt)) {
    return fail('library hit needs an id, a title and a date');
  }
  return ok({ id: raw.id, title: raw.title, savedAt: raw.savedAt });
}

const isNull = (raw: unknown): Parsed<null> => (raw === null || raw === undefined ? ok(null) : fail('expected no value'));

/** Checks the background's answer to each request type. */
export const backgroundResponseParsers: { [K in keyof BackgroundResponses]: (raw: unknown) => Parsed<BackgroundResponses[K]> } = {
  'get-entity': parseEntityKnowledge,
  'describe-entities': parseEntityLabels,
  'open-reader': isNull,
  'page-entities': isNull,
  'save-page': parseSaveReply,
  'library-lookup': parseLibraryHit,
};

/** Checks a content script's answer to each request type. */
export const tabResponseParsers: { [K in keyof TabResponses]: (raw: unknown) => Parsed<TabResponses[K]> } = {
  'list-entities': parsePageEntities,
  'reveal-entity': (raw) => (typeof raw === 'boolean' ? ok(raw) : fail('expected a boolean')),
  'command': isNull,
  'library-changed': isNull,
};

/** Opens an answer's envelope; anything that is not one is an error. */
export function parseEnvelope(raw: unknown): Envelope<unknown> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return { ok: false, error: 'no answer' };
  if (raw.ok) return { ok: true, value: raw.value };
  return { ok: false, error: typeof raw.error === 'string' ? raw.error : 'failed' };
}

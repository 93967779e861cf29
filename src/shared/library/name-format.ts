/** Checks a name record from an untrusted file, field by field: unknown fields are dropped, never kept. */
import { CATEGORIES, type Category } from '../catalog/types';
import { CAPTURE_MAX_META_CHARS, LIBRARY_IMPORT_MAX_NAMES } from '../constants';
import { isRecord } from '../settings/schema';
import { SAVED_ID_PREFIX, type NameRecord, type NameStatus } from './types';

const NAME_ID = /^name-[a-z0-9-]{1,120}$/;
const STATUSES: readonly NameStatus[] = ['offered', 'kept', 'dismissed'];
/** A name's forms: a handful at most in practice. */
const MAX_FORMS = 50;

export function parseNameRecord(raw: unknown): NameRecord | string {
  if (!isRecord(raw)) return 'is not an object';
  const { id, name, category, forms, shortForms, status, enabled, count, firstSentence, articleIds } = raw;
  if (typeof id !== 'string' || !NAME_ID.test(id)) return 'has no valid id';
  if (!isShortText(name) || name.trim() === '') return 'has no name';
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) return 'has an unknown category';
  if (!isFormList(forms) || forms.length === 0) return 'has no forms';
  if (!isFormList(shortForms)) return 'has bad short forms';
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) return 'has an unknown status';
  if (typeof enabled !== 'boolean') return 'has no on/off switch';
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return 'has a bad count';
  if (!isRecord(firstSentence)) return 'has no first sentence';
  const { text, articleId, paragraph } = firstSentence;
  if (typeof text !== 'string' || text.length > CAPTURE_MAX_META_CHARS * 10) return 'has a bad first sentence';
  if (typeof articleId !== 'string' || !articleId.startsWith(SAVED_ID_PREFIX) || articleId.length > 100) return 'has a bad first sentence';
  if (typeof paragraph !== 'number' || !Number.isSafeInteger(paragraph) || paragraph < 0) return 'has a bad first sentence';
  if (!Array.isArray(articleIds) || articleIds.length > LIBRARY_IMPORT_MAX_NAMES) return 'has bad article ids';
  if (!articleIds.every((each) => typeof each === 'string' && each.startsWith(SAVED_ID_PREFIX) && each.length <= 100)) return 'has bad article ids';
  return {
    id,
    name,
    category: category as Category,
    forms: [...forms],
    shortForms: [...shortForms],
    status: status as NameStatus,
    enabled,
    count,
    firstSentence: { text, articleId, paragraph },
    articleIds: [...(articleIds as string[])],
  };
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= CAPTURE_MAX_META_CHARS;
}

function isFormList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_FORMS && value.every((form) => isShortText(form) && form.trim() !== '');
}

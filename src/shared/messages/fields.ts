/**
 * The pieces protocol.ts builds its messages from: ids, indices, objects keyed by entity id, and
 * the rules for optional and missing fields. Every bundle that checks a message needs these.
 */
import * as v from 'valibot';
import { CATEGORIES } from '../catalog/types';
import { isRecord } from '../settings/schema';

const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 64;

/** A catalog entity's id: lower-case words joined by hyphens, never markup. */
export const EntityIdSchema = v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH), v.regex(ENTITY_ID));

export const isEntityId = (value: unknown): value is string => v.is(EntityIdSchema, value);

export const CategorySchema = v.picklist(CATEGORIES);

/**
 * A count, position or tab id: a whole number from zero. One predicate rather than v.number,
 * v.safeInteger and v.minValue, which would add 130 bytes gzipped to the content script.
 */
export const IndexSchema = v.custom<number>((value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);

/** valibot's object schemas also take arrays; a message never carries one where an object belongs. */
export const PlainObjectSchema = v.custom<Record<string, unknown>>(isRecord);

/** An optional detail that is left out, not failed, when malformed: it should not cost the rest. */
export const lenient = <TSchema extends v.GenericSchema>(schema: TSchema) => v.fallback(v.optional(schema), undefined);

/** valibot keeps a key sent as undefined; parsed messages leave it out, so `'key' in` means given. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * An object keyed by entity id, of at most `maxEntries`. Not v.record: that skips the keys
 * "constructor" and "prototype", which are valid ids (a name a reader keeps can be one), so the
 * entries are checked one by one, as { id, value }.
 */
export function byEntityId<TValue extends v.GenericSchema>(value: TValue, maxEntries = Infinity) {
  const EntrySchema = v.object({ id: EntityIdSchema, value });
  return v.pipe(
    PlainObjectSchema,
    v.check((raw) => Object.keys(raw).length <= maxEntries),
    // TypeScript cannot follow TValue through valibot's types: the entries are typed loosely on the
    // way in and the result exactly on the way out.
    v.transform((raw): unknown[] => Object.entries(raw).map(([id, entry]) => ({ id, value: entry }))),
    v.array(EntrySchema),
    v.transform((entries): Record<string, v.InferOutput<TValue>> => Object.fromEntries(entries.map((entry) => [entry.id, entry.value]))),
  );
}

/**
 * The error for a missing field. valibot fails a missing field as its object, not as the field, so
 * without this it would take the object's error rather than the one the field gives when wrong.
 */
export function missingField(errors: Readonly<Record<string, string>>) {
  return (issue: v.ObjectIssue): string => {
    const key = String(issue.path?.[0]?.key);
    return errors[key] ?? `${key} is missing`;
  };
}

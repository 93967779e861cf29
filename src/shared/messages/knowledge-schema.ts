/**
 * An entity's knowledge as the background sends it to a card: the schema for the get-entity
 * answer, checked against the knowledge base's own types (knowledge/types.ts).
 */
import * as v from 'valibot';
import type { EntityKnowledge } from '../knowledge/types';
import { isWebUrl } from '../library/export-format';
import { CategorySchema, EntityIdSchema, IndexSchema, PlainObjectSchema, definedOnly, isEntityId, lenient, missingField } from './fields';

/**
 * A verbatim sentence and where it sits. Its details are extras: one that is malformed is left out
 * rather than costing the card its quote, and a passage needs both ends.
 */
const QuoteSchema = v.pipe(
  PlainObjectSchema,
  v.object({
    text: v.string(),
    articleId: v.string(),
    publisher: v.string(),
    paragraph: IndexSchema,
    start: lenient(IndexSchema),
    end: lenient(IndexSchema),
    headline: lenient(v.string()),
    published: lenient(v.pipe(v.string(), v.check((date) => !Number.isNaN(Date.parse(date))))),
    url: lenient(v.custom<string>(isWebUrl)),
  }),
  v.transform(({ start, end, ...quote }) => definedOnly(start !== undefined && end !== undefined ? { ...quote, start, end } : quote)),
);

const ENTITY_ERROR = 'entity needs an id, a name and a category';
const CONTENT_ERROR = 'entity needs a summary, quotes and related ids';

export const EntityKnowledgeSchema: v.GenericSchema<unknown, EntityKnowledge> = v.message(
  v.pipe(
    PlainObjectSchema,
    v.object(
      {
        id: EntityIdSchema,
        name: v.string(),
        category: CategorySchema,
        summary: v.message(QuoteSchema, CONTENT_ERROR),
        quotes: v.message(v.array(QuoteSchema), CONTENT_ERROR),
        /** Ids that are not entity ids are left out, not failed. */
        related: v.message(v.pipe(v.array(v.unknown()), v.transform((ids) => ids.filter(isEntityId))), CONTENT_ERROR),
      },
      missingField({ id: ENTITY_ERROR, name: ENTITY_ERROR, category: ENTITY_ERROR, summary: CONTENT_ERROR, quotes: CONTENT_ERROR, related: CONTENT_ERROR }),
    ),
  ),
  ENTITY_ERROR,
);

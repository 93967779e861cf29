/**
 * Every message between the extension's contexts, declared once: a valibot schema checks it on
 * receipt (validate.ts) and its TypeScript type is inferred from that schema. Each request type
 * maps to the schema of its answer; channel.ts sends and listens.
 *
 *   content → background (runtime.sendMessage): get-entity; open-reader and page-entities, as notices (answers unread)
 *   reader  → background (runtime.sendMessage): reference-articles
 *   popup   → background (runtime.sendMessage): describe-entities, save-page, library-lookup
 *   popup / background → content (tabs.sendMessage): reveal-entity, command
 *   background / library page → content (tabs.sendMessage): library-changed
 *
 * Entity counts travel one way: the page pushes page-entities, the background keeps the last
 * report of each tab (page-reports.ts), and the popup reads and follows it there.
 *
 * The errors a sender gets back: v.message(schema, error) gives every failure inside `schema` that
 * error, unless a part nearer the failure has its own.
 */
import * as v from 'valibot';
import { LIBRARY_MAX_URL_CHARS, MAX_REPORTED_ENTITIES } from '../constants';
import type { InactiveReason } from '../settings/site';
import { EntityKnowledgeSchema } from './knowledge-schema';
import {
  CategorySchema,
  EntityIdSchema,
  IndexSchema,
  MAX_ID_LENGTH,
  PlainObjectSchema,
  byEntityId,
  definedOnly,
  missingField,
} from './fields';

/**
 * Builds a schema as the module loads, as a bare declaration would, but lets a bundle that never
 * uses it leave it out. esbuild cannot see that valibot's calls are pure from another file
 * (evanw/esbuild#4369): bare, every schema here would ship in the content script.
 */
/* @__NO_SIDE_EFFECTS__ */
function declared<T>(build: () => T): T {
  return build();
}

function unknownType(issue: v.BaseIssue<unknown>): string {
  return `unknown message type ${JSON.stringify(String(issue.input))}`;
}

// --- What a page reports about itself: the page-entities request, as the background keeps it ---

/** Mentions highlighted on a page, per entity id; a zero count is no mention and is left out. */
const EntityCountsSchema = declared(() =>
  v.pipe(
    byEntityId(IndexSchema, MAX_REPORTED_ENTITIES),
    v.transform((counts) => Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0))),
  ),
);
export type EntityCounts = v.InferOutput<typeof EntityCountsSchema>;

/** What location.hostname can hold: a DNS name (any script, as punycode) or an IP literal. */
const HOSTNAME = /^(?=.{1,253}$)(?:[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.?|\[[0-9A-Fa-f:.]+\])$/;
const INACTIVE_REASONS: readonly InactiveReason[] = ['disabled-globally', 'disabled-on-site'];
const InactiveReasonSchema = declared(() => v.picklist(INACTIVE_REASONS));

const PAGE_ERRORS = {
  counts: 'counts must map entity ids to whole numbers',
  active: 'active must be a boolean',
  hostname: 'hostname is not a hostname',
};

const pageEntries = declared(() => ({
  counts: v.message(EntityCountsSchema, PAGE_ERRORS.counts),
  /** Whether Backstory highlights on this page under the current settings. */
  active: v.message(v.boolean(), PAGE_ERRORS.active),
  /** The page's location.hostname: lets the popup key its site switch when the browser keeps the tab's address from it. */
  hostname: v.message(v.optional(v.pipe(v.string(), v.regex(HOSTNAME), v.toLowerCase())), PAGE_ERRORS.hostname),
  /** Why it does not highlight, when it does not: read, and kept, only on an inactive page. */
  reason: v.optional(v.unknown()),
}));

type PageFields = { active: boolean; reason?: unknown };

function isReasonKnown(page: PageFields): boolean {
  return page.active || page.reason === undefined || v.is(InactiveReasonSchema, page.reason);
}

function withReasonIfInactive<T extends PageFields>({ reason, ...page }: T) {
  return definedOnly({ ...page, ...(!page.active && v.is(InactiveReasonSchema, reason) ? { reason } : {}) });
}

export const PageEntitiesSchema = declared(() =>
  v.pipe(
    v.message(PlainObjectSchema, 'page report is not an object'),
    v.object(pageEntries, missingField(PAGE_ERRORS)),
    v.check((page) => isReasonKnown(page), 'unknown inactive reason'),
    v.transform((page) => withReasonIfInactive(page)),
  ),
);
export type PageEntities = v.InferOutput<typeof PageEntitiesSchema>;

// --- Requests the background answers ---

const PASSAGE_ERROR = 'open-reader passage must be start < end within a paragraph';

const OpenReaderSchema = declared(() =>
  v.message(
    v.pipe(
      v.object({
        type: v.literal('open-reader'),
        articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH)),
        /** Zero-based paragraph to open at; the passage [start, end) within it to mark. */
        paragraph: v.message(v.optional(IndexSchema), 'open-reader paragraph must be an index'),
        start: v.message(v.optional(IndexSchema), PASSAGE_ERROR),
        end: v.message(v.optional(IndexSchema), PASSAGE_ERROR),
      }),
      v.check(
        ({ paragraph, start, end }) =>
          (start === undefined && end === undefined) || (paragraph !== undefined && start !== undefined && end !== undefined && start < end),
        PASSAGE_ERROR,
      ),
      v.transform(definedOnly),
    ),
    'open-reader needs an article id',
  ),
);

export const BackgroundRequestSchema = declared(() =>
  v.pipe(
    v.message(PlainObjectSchema, 'message is not an object'),
    v.variant(
      'type',
      [
        v.message(v.object({ type: v.literal('get-entity'), id: EntityIdSchema }), 'get-entity needs an entity id'),
        v.message(
          v.object({ type: v.literal('describe-entities'), ids: v.pipe(v.array(EntityIdSchema), v.maxLength(MAX_REPORTED_ENTITIES)) }),
          'describe-entities needs a list of entity ids',
        ),
        OpenReaderSchema,
        /** The bundled reference articles, which only the background holds (they ship once, in its knowledge base). */
        v.object({ type: v.literal('reference-articles') }),
        v.pipe(
          v.object({ type: v.literal('page-entities'), ...pageEntries }, missingField(PAGE_ERRORS)),
          v.check((page) => isReasonKnown(page), 'unknown inactive reason'),
          v.transform((page) => withReasonIfInactive(page)),
        ),
        /** Capture the tab's article into the library; `replace` updates an article already saved at its address. */
        v.message(
          v.object({ type: v.literal('save-page'), tabId: IndexSchema, replace: v.boolean() }),
          'save-page needs a tab id and whether to replace',
        ),
        /** Is the article at this address (the tab's, without its fragment) in the library? */
        v.message(
          v.object({ type: v.literal('library-lookup'), url: v.pipe(v.string(), v.maxLength(LIBRARY_MAX_URL_CHARS)) }),
          'library-lookup needs an address',
        ),
      ],
      unknownType,
    ),
  ),
);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

// --- The background's answers ---

const EntityLabelSchema = declared(() => v.object({ name: v.string(), category: CategorySchema }));
/** What the popup needs to list an entity. */
export type EntityLabel = v.InferOutput<typeof EntityLabelSchema>;

const SAVE_ERROR = 'save reply needs an id and a title';
const UNKNOWN_SAVE_REPLY = 'unknown save reply';

/** What a save did. */
const SaveReplySchema = declared(() =>
  v.pipe(
    v.message(PlainObjectSchema, 'save reply is not an object'),
    v.variant(
      'status',
      [
        /** `names`: catalog names the article mentions; `newNames`: names found in it to keep or dismiss, best first. */
        v.message(
          v.object(
            {
              status: v.picklist(['saved', 'updated']),
              id: v.string(),
              title: v.string(),
              names: v.message(IndexSchema, UNKNOWN_SAVE_REPLY),
              newNames: v.pipe(v.optional(v.unknown(), () => []), v.transform(stringsIn)),
            },
            missingField({ id: SAVE_ERROR, title: SAVE_ERROR, names: UNKNOWN_SAVE_REPLY }),
          ),
          SAVE_ERROR,
        ),
        /** Already in the library and no update was asked for: nothing written. */
        v.message(
          v.object(
            { status: v.literal('duplicate'), id: v.string(), title: v.string(), savedAt: v.message(IndexSchema, UNKNOWN_SAVE_REPLY) },
            missingField({ id: SAVE_ERROR, title: SAVE_ERROR, savedAt: UNKNOWN_SAVE_REPLY }),
          ),
          SAVE_ERROR,
        ),
        /** The page holds no article, or is too big to read without freezing it: nothing written. */
        v.object({ status: v.picklist(['no-article', 'too-big']) }),
        /** The browser would not let the extension read the tab (a restricted page, no permission). */
        v.object({ status: v.literal('cannot-capture') }),
      ],
      UNKNOWN_SAVE_REPLY,
    ),
  ),
);
export type SaveReply = v.InferOutput<typeof SaveReplySchema>;

/** The strings in a list of names; anything that is not a list is no names. */
function stringsIn(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** An article found in the library. */
const LibraryHitSchema = declared(() => v.object({ id: v.string(), title: v.string(), savedAt: IndexSchema }));
export type LibraryHit = v.InferOutput<typeof LibraryHitSchema>;

/** A bundled article, as the knowledge base holds it. */
const ArticleSchema = declared(() =>
  v.pipe(
    PlainObjectSchema,
    v.object({ id: v.string(), publisher: v.string(), headline: v.nullable(v.string()), paragraphs: v.array(v.string()) }),
  ),
);

/** An answer that carries nothing; undefined counts as null. */
const NoValueSchema = declared(() => v.pipe(v.nullish(v.never('expected no value')), v.transform(() => null)));

/** Answers to what content scripts ask: all the answer schemas a content script's bundle carries. */
export const pageAnswerSchemas = declared(() => ({
  'get-entity': v.nullable(EntityKnowledgeSchema),
}));

/** What content scripts tell the background (notifyBackground): answered with nothing, which they do not read. */
const pageNoticeAnswerSchemas = declared(() => ({
  'open-reader': NoValueSchema,
  'page-entities': NoValueSchema,
}));

/** Answers to what only extension pages ask (the popup, the reader). */
export const extensionPageAnswerSchemas = declared(() => ({
  /** Labels of the ids the knowledge base knows; unknown ids are left out. */
  'describe-entities': v.message(byEntityId(v.pipe(PlainObjectSchema, EntityLabelSchema)), 'labels must be an object'),
  'reference-articles': v.message(v.array(ArticleSchema), 'articles need an id, a publisher, a headline and paragraphs'),
  'save-page': SaveReplySchema,
  'library-lookup': v.message(
    v.pipe(v.nullish(v.pipe(PlainObjectSchema, LibraryHitSchema)), v.transform((hit) => hit ?? null)),
    'library hit needs an id, a title and a date',
  ),
}));

/** Every request the background answers has its answer's schema in one of the three. */
const backgroundResponseSchemas = declared(
  () => ({ ...pageAnswerSchemas, ...pageNoticeAnswerSchemas, ...extensionPageAnswerSchemas }) satisfies Record<BackgroundRequest['type'], v.GenericSchema>,
);
export type BackgroundResponses = { [K in keyof typeof backgroundResponseSchemas]: v.InferOutput<(typeof backgroundResponseSchemas)[K]> };

// --- Requests a tab's content script answers, and its answers ---

const MentionCommandSchema = declared(() => v.picklist(['next-mention', 'previous-mention']));
export type MentionCommand = v.InferOutput<typeof MentionCommandSchema>;

export const TabRequestSchema = declared(() =>
  v.pipe(
    v.message(PlainObjectSchema, 'message is not an object'),
    v.variant(
      'type',
      [
        v.message(v.object({ type: v.literal('reveal-entity'), id: EntityIdSchema }), 'reveal-entity needs an entity id'),
        v.message(v.object({ type: v.literal('command'), name: MentionCommandSchema }), 'unknown command'),
        /** The library changed (a save, removal or import): cards drop the knowledge they hold. */
        v.object({ type: v.literal('library-changed') }),
      ],
      unknownType,
    ),
  ),
);
export type TabRequest = v.InferOutput<typeof TabRequestSchema>;

export const tabResponseSchemas = declared(() => ({
  /** True when the page had a mention to scroll to and opened its card. */
  'reveal-entity': v.boolean('expected a boolean'),
  'command': NoValueSchema,
  'library-changed': NoValueSchema,
} satisfies Record<TabRequest['type'], v.GenericSchema>));
export type TabResponses = { [K in keyof typeof tabResponseSchemas]: v.InferOutput<(typeof tabResponseSchemas)[K]> };

export type BackgroundRequestOf<K extends BackgroundRequest['type']> = Extract<BackgroundRequest, { type: K }>;
export type PageRequest = BackgroundRequestOf<keyof typeof pageAnswerSchemas>;
export type PageNotice = BackgroundRequestOf<keyof typeof pageNoticeAnswerSchemas>;
export type ExtensionPageRequest = BackgroundRequestOf<keyof typeof extensionPageAnswerSchemas>;
export type TabRequestOf<K extends TabRequest['type']> = Extract<TabRequest, { type: K }>;

// --- Around every answer ---

/** Every answer travels in an envelope, so a failure reaches the sender as an error, not as a value. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Typed by hand, as Envelope is generic; TypeScript checks that the two agree. */
export const EnvelopeSchema: v.GenericSchema<unknown, Envelope<unknown>> = declared(() =>
  v.pipe(
    PlainObjectSchema,
    v.variant('ok', [
      // No `value` is an undefined value, and the key stays, as Envelope's type has it.
      v.pipe(v.object({ ok: v.literal(true), value: v.optional(v.unknown()) }), v.transform(({ ok, value }) => ({ ok, value }))),
      // A failure without its text is still a failure.
      v.object({ ok: v.literal(false), error: v.fallback(v.string(), 'failed') }),
    ]),
  ),
);

/** The result of checking something received. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

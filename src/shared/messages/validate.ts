/**
 * Checks every message and answer on receipt against its schema in protocol.ts. A message from
 * another context is untrusted input until it passes here: unknown types, missing fields and wrong
 * shapes come back as an error value, never as an exception.
 */
import * as v from 'valibot';
import type { EntityKnowledge } from '../knowledge/types';
import {
  BackgroundRequestSchema,
  EnvelopeSchema,
  PageEntitiesSchema,
  TabRequestSchema,
  extensionPageAnswerSchemas,
  pageAnswerSchemas,
  tabResponseSchemas,
  type BackgroundRequest,
  type BackgroundResponses,
  type Envelope,
  type PageEntities,
  type Parsed,
  type TabRequest,
} from './protocol';

/** The first failure is the one reported, so there is no use looking for more. */
const FIRST_ISSUE = { abortEarly: true } as const;

function parse<TSchema extends v.GenericSchema>(schema: TSchema, raw: unknown): Parsed<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, raw, FIRST_ISSUE);
  return result.success ? { ok: true, value: result.output } : { ok: false, error: result.issues[0].message };
}

type Parsers<TSchemas extends Record<string, v.GenericSchema>> = {
  [K in keyof TSchemas]: (raw: unknown) => Parsed<v.InferOutput<TSchemas[K]>>;
};

/** Pure, so that a bundle which never reads a tab's answers (the content script) drops their schemas. */
/* @__NO_SIDE_EFFECTS__ */
function parsersFor<TSchemas extends Record<string, v.GenericSchema>>(schemas: TSchemas): Parsers<TSchemas> {
  const entries = Object.entries(schemas).map(([type, schema]) => [type, (raw: unknown) => parse(schema, raw)]);
  return Object.fromEntries(entries) as Parsers<TSchemas>;
}

export const parseBackgroundRequest = (raw: unknown): Parsed<BackgroundRequest> => parse(BackgroundRequestSchema, raw);
export const parseTabRequest = (raw: unknown): Parsed<TabRequest> => parse(TabRequestSchema, raw);
export const parsePageEntities = (raw: unknown): Parsed<PageEntities> => parse(PageEntitiesSchema, raw);
export const parseEntityKnowledge = (raw: unknown): Parsed<EntityKnowledge | null> => parse(pageAnswerSchemas['get-entity'], raw);

/** Labels are keyed by entity id; the error names the entry at fault, which only the issue's path knows. */
function parseEntityLabels(raw: unknown): Parsed<BackgroundResponses['describe-entities']> {
  const result = v.safeParse(extensionPageAnswerSchemas['describe-entities'], raw, FIRST_ISSUE);
  if (result.success) return { ok: true, value: result.output };
  const entry = result.issues[0].path?.[0]?.value as { id: string } | undefined;
  return { ok: false, error: entry ? `bad label for ${JSON.stringify(entry.id)}` : result.issues[0].message };
}

/** Checks the background's answer to each request a content script makes: all a content script carries. */
export const pageAnswerParsers = parsersFor(pageAnswerSchemas);

/** Checks the background's answer to each request only extension pages make. */
export const extensionPageAnswerParsers: Parsers<typeof extensionPageAnswerSchemas> = withLabelErrors(parsersFor(extensionPageAnswerSchemas));

/* @__NO_SIDE_EFFECTS__ */
function withLabelErrors(parsers: Parsers<typeof extensionPageAnswerSchemas>): Parsers<typeof extensionPageAnswerSchemas> {
  return { ...parsers, 'describe-entities': parseEntityLabels };
}

/** Both, for whoever checks any answer (the tests). */
/* @__NO_SIDE_EFFECTS__ */
function allAnswerParsers() {
  return { ...pageAnswerParsers, ...extensionPageAnswerParsers };
}
export const backgroundResponseParsers = allAnswerParsers();

/** Checks a content script's answer to each request type. */
export const tabResponseParsers: Parsers<typeof tabResponseSchemas> = parsersFor(tabResponseSchemas);

/** Opens an answer's envelope; anything that is not one is an error. */
export function parseEnvelope(raw: unknown): Envelope<unknown> {
  const envelope = v.safeParse(EnvelopeSchema, raw, FIRST_ISSUE);
  return envelope.success ? envelope.output : { ok: false, error: 'no answer' };
}

/**
 * Sending and receiving the messages in protocol.ts. Senders get the typed, checked answer or an
 * exception; listeners get only requests that passed validation, and whatever they throw goes back
 * to the sender as an error instead of into the browser's listener machinery.
 */
import browser from '../browser';
import type {
  BackgroundRequest,
  BackgroundRequestOf,
  BackgroundResponses,
  Envelope,
  ExtensionPageRequest,
  PageNotice,
  PageRequest,
  Parsed,
  TabRequest,
  TabRequestOf,
  TabResponses,
} from './protocol';
import {
  extensionPageAnswerParsers,
  pageAnswerParsers,
  parseBackgroundRequest,
  parseEnvelope,
  parseTabRequest,
  tabResponseParsers,
} from './validate';

export type MessageSender = browser.Runtime.MessageSender;

/** Raised to a sender when the other side refused the request or answered nonsense. */
export class MessageError extends Error {
  override name = 'MessageError';
}

/** A content script's request (an extension page may make one too). */
export async function sendToBackground<R extends PageRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const type: R['type'] = request.type;
  return openAnswer(raw, pageAnswerParsers[type] as (raw: unknown) => Parsed<BackgroundResponses[R['type']]>);
}

/**
 * Sends a request whose answer is nothing (see protocol.ts), without reading that answer. Reading
 * it built and ran the answers' schemas on every page the content script starts on, for a value
 * nobody uses. It rejects only when the message cannot be delivered (the background restarting);
 * a refusal, which would come back in the answer, goes unread: the sender could do nothing about it.
 */
export async function notifyBackground(request: PageNotice): Promise<void> {
  await browser.runtime.sendMessage(request);
}

/** A request only extension pages make: kept apart so that a content script never carries its answers' schemas. */
export async function sendFromExtensionPage<R extends ExtensionPageRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  const type: R['type'] = request.type;
  return openAnswer(raw, extensionPageAnswerParsers[type] as (raw: unknown) => Parsed<BackgroundResponses[R['type']]>);
}

/** Rejects when the tab has no content script to answer (browser pages, tabs opened before install). */
export async function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponses[R['type']]> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, request);
  const type: R['type'] = request.type;
  return openAnswer(raw, tabResponseParsers[type] as (raw: unknown) => Parsed<TabResponses[R['type']]>);
}

function openAnswer<T>(raw: unknown, parse: (raw: unknown) => Parsed<T>): T {
  const envelope = parseEnvelope(raw);
  if (!envelope.ok) throw new MessageError(envelope.error);
  const parsed = parse(envelope.value);
  if (!parsed.ok) throw new MessageError(parsed.error);
  return parsed.value;
}

type Answer<T> = T | Promise<T>;

export type BackgroundHandlers = {
  [K in BackgroundRequest['type']]: (request: BackgroundRequestOf<K>, sender: MessageSender) => Answer<BackgroundResponses[K]>;
};

export type TabHandlers = {
  [K in TabRequest['type']]: (request: TabRequestOf<K>, sender: MessageSender) => Answer<TabResponses[K]>;
};

/** The background answers every request; returns the function that stops listening. */
export function onBackgroundRequest(handlers: BackgroundHandlers): () => void {
  return listen(parseBackgroundRequest, (request, sender) => {
    const handle = handlers[request.type] as (request: BackgroundRequest, sender: MessageSender) => Answer<unknown>;
    return handle(request, sender);
  });
}

/** A content script answers the popup and the background; returns the function that stops listening. */
export function onTabRequest(handlers: TabHandlers): () => void {
  return listen(parseTabRequest, (request, sender) => {
    const handle = handlers[request.type] as (request: TabRequest, sender: MessageSender) => Answer<unknown>;
    return handle(request, sender);
  });
}

function listen<R>(parse: (raw: unknown) => Parsed<R>, handle: (request: R, sender: MessageSender) => Answer<unknown>) {
  const listener = (raw: unknown, sender: MessageSender): Promise<Envelope<unknown>> => {
    // Only this extension's own contexts may ask (other extensions use onMessageExternal, but check anyway).
    if (sender.id !== browser.runtime.id) return Promise.resolve({ ok: false, error: 'unknown sender' });
    const parsed = parse(raw);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    return answer(() => handle(parsed.value, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

async function answer(handle: () => Answer<unknown>): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: (await handle()) ?? null };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}


/**
 * Every message between the extension's contexts, typed in one place. Each request type maps to
 * the response it gets; validate.ts checks both on receipt, channel.ts sends and listens.
 *
 *   content → background (runtime.sendMessage): get-entity, describe-entities, open-reader, page-entities
 *   popup   → background (runtime.sendMessage): describe-entities, save-page, library-lookup
 *   popup / background → content (tabs.sendMessage): list-entities, reveal-entity, command
 *   background / library page → content (tabs.sendMessage): library-changed
 *
 * page-entities also reaches an open popup (runtime messages go to every extension page), which
 * is how the popup's list follows the page without polling.
 */
import type { Category } from '../catalog/types';
import type { EntityKnowledge } from '../knowledge/types';
import type { InactiveReason } from '../settings/site';

/** Mentions highlighted on a page, per entity id. */
export type EntityCounts = Record<string, number>;

/** What a page reports about itself. */
export interface PageEntities {
  counts: EntityCounts;
  /** Whether Backstory highlights on this page under the current settings. */
  active: boolean;
  /** Why it does not, when it does not. */
  reason?: InactiveReason;
  /** The page's location.hostname: lets the popup key its site switch when the browser keeps the tab's address from it. */
  hostname?: string;
}

/** What the popup needs to list an entity. */
export interface EntityLabel {
  name: string;
  category: Category;
}

export type MentionCommand = 'next-mention' | 'previous-mention';

/** Requests the background answers. */
export type BackgroundRequest =
  | { type: 'get-entity'; id: string }
  | { type: 'describe-entities'; ids: string[] }
  | {
      type: 'open-reader';
      articleId: string;
      /** Zero-based paragraph to open at; the passage [start, end) within it to mark. */
      paragraph?: number;
      start?: number;
      end?: number;
    }
  | ({ type: 'page-entities' } & PageEntities)
  /** Capture the tab's article into the library; `replace` updates an article already saved at its address. */
  | { type: 'save-page'; tabId: number; replace: boolean }
  /** Is the article at this address (the tab's, without its fragment) in the library? */
  | { type: 'library-lookup'; url: string };

/** What a save did. */
export type SaveReply =
  /** `names`: catalog names the article mentions; `newNames`: names found in it to keep or dismiss, best first. */
  | { status: 'saved' | 'updated'; id: string; title: string; names: number; newNames: string[] }
  /** Already in the library and no update was asked for: nothing written. */
  | { status: 'duplicate'; id: string; title: string; savedAt: number }
  /** The page holds no article, or is too big to read without freezing it: nothing written. */
  | { status: 'no-article' | 'too-big' }
  /** The browser would not let the extension read the tab (a restricted page, no permission). */
  | { status: 'cannot-capture' };

/** An article found in the library. */
export interface LibraryHit {
  id: string;
  title: string;
  savedAt: number;
}

export interface BackgroundResponses {
  'get-entity': EntityKnowledge | null;
  /** Labels of the ids the knowledge base knows; unknown ids are left out. */
  'describe-entities': Record<string, EntityLabel>;
  'open-reader': null;
  'page-entities': null;
  'save-page': SaveReply;
  'library-lookup': LibraryHit | null;
}

/** Requests a tab's content script answers. */
export type TabRequest =
  | { type: 'list-entities' }
  | { type: 'reveal-entity'; id: string }
  | { type: 'command'; name: MentionCommand }
  /** The library changed (a save, removal or import): cards drop the knowledge they hold. */
  | { type: 'library-changed' };

export interface TabResponses {
  'list-entities': PageEntities;
  /** True when the page had a mention to scroll to and opened its card. */
  'reveal-entity': boolean;
  'command': null;
  'library-changed': null;
}

export type BackgroundRequestOf<K extends BackgroundRequest['type']> = Extract<BackgroundRequest, { type: K }>;
export type TabRequestOf<K extends TabRequest['type']> = Extract<TabRequest, { type: K }>;

/** Every answer travels in an envelope, so a failure reaches the sender as an error, not as a value. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** The result of checking something received. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

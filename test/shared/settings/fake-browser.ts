/**
 * A small in-memory stand-in for the webextension-polyfill `browser` object: storage areas with
 * change events, runtime and tabs messaging, action, commands and i18n (from the real
 * _locales/en/messages.json). Tests mock 'webextension-polyfill' with it:
 *
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).createFakeBrowser() }));
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Listener<A extends unknown[], R> = (...args: A) => R;

export class FakeEvent<A extends unknown[], R = unknown> {
  readonly listeners = new Set<Listener<A, R>>();
  addListener = (listener: Listener<A, R>) => void this.listeners.add(listener);
  removeListener = (listener: Listener<A, R>) => void this.listeners.delete(listener);
  hasListener = (listener: Listener<A, R>) => this.listeners.has(listener);
  /** Calls every listener; returns their results. */
  fire(...args: A): R[] {
    return [...this.listeners].map((listener) => listener(...args));
  }
}

interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}
type ChangeEvent = FakeEvent<[Record<string, StorageChange>, string]>;

export class FakeStorageArea {
  data: Record<string, unknown> = {};
  /** When set, every call rejects with this error (to simulate sync switched off or quota). */
  failWith: Error | null = null;
  constructor(
    private readonly name: string,
    private readonly onChanged: ChangeEvent,
  ) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    this.check();
    const wanted = keys == null ? Object.keys(this.data) : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) if (key in this.data) result[key] = structuredClone(this.data[key]);
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.check();
    const changes: Record<string, StorageChange> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data[key], newValue: structuredClone(value) };
      this.data[key] = structuredClone(value);
    }
    this.onChanged.fire(changes, this.name);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.check();
    const changes: Record<string, StorageChange> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!(key in this.data)) continue;
      changes[key] = { oldValue: this.data[key] };
      delete this.data[key];
    }
    this.onChanged.fire(changes, this.name);
  }

  async clear(): Promise<void> {
    await this.remove(Object.keys(this.data));
  }

  private check() {
    if (this.failWith) throw this.failWith;
  }
}

export interface FakeTab {
  id: number;
  index: number;
  windowId: number;
  url?: string;
  active: boolean;
}

export interface MessageSender {
  id?: string;
  tab?: FakeTab;
  url?: string;
}


const EXTENSION_ID = 'backstory-test-id';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function loadLocale(): Record<string, LocaleEntry> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.resolve(here, '../../../_locales/en/messages.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function createFakeBrowser() {
  const onChanged: ChangeEvent = new FakeEvent();
  const locale = loadLocale();
  const calls = {
    badgeText: new Map<number | undefined, string>(),
    badgeColor: [] as unknown[],
    icons: new Map<number | undefined, unknown>(),
    createdTabs: [] as Array<{ url?: string; index?: number; openerTabId?: number; active?: boolean }>,
    tabMessages: [] as Array<{ tabId: number; message: unknown }>,
    optionsOpened: 0,
  };
  /** Answers tabs.sendMessage as the page's content script would; rejects when unset (no receiver). */
  let tabResponder: ((tabId: number, message: unknown) => unknown) | null = null;
  let tabs: FakeTab[] = [{ id: 1, index: 0, windowId: 1, url: 'https://news.example.com/story', active: true }];
  const runtimeOnMessage = new FakeEvent<[unknown, MessageSender], unknown>();

  const fake = {
    calls,
    setTabs(next: FakeTab[]) {
      tabs = next;
    },
    setTabResponder(responder: typeof tabResponder) {
      tabResponder = responder;
    },
    /** Delivers a message to runtime.onMessage listeners as the browser would; resolves to the first answer. */
    async deliver(message: unknown, sender: MessageSender = { id: EXTENSION_ID }): Promise<unknown> {
      const results = runtimeOnMessage.fire(message, sender);
      const answer = results.find((result) => result !== undefined);
      return answer === undefined ? undefined : await answer;
    },
    storage: {
      onChanged,
      sync: new FakeStorageArea('sync', onChanged),
      local: new FakeStorageArea('local', onChanged),
      session: new FakeStorageArea('session', onChanged),
    },
    runtime: {
      id: EXTENSION_ID,
      onMessage: runtimeOnMessage,
      onInstalled: new FakeEvent<[{ reason: string; previousVersion?: string }]>(),
      onStartup: new FakeEvent<[]>(),
      getURL: (p: string) => `chrome-extension://${EXTENSION_ID}/${p.replace(/^\//, '')}`,
      async sendMessage(message: unknown) {
        return fake.deliver(message);
      },
      async openOptionsPage() {
        calls.optionsOpened += 1;
      },
    },
    tabs: {
      onRemoved: new FakeEvent<[number, unknown]>(),
      onUpdated: new FakeEvent<[number, { status?: string; url?: string }, FakeTab]>(),
      async query(query: { active?: boolean; currentWindow?: boolean }) {
        return tabs.filter((tab) => query.active === undefined || tab.active === query.active);
      },
      async get(tabId: number) {
        const tab = tabs.find((candidate) => candidate.id === tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return tab;
      },
      async create(props: { url?: string; index?: number; openerTabId?: number; active?: boolean }) {
        calls.createdTabs.push(props);
        return { id: 100 + calls.createdTabs.length, index: props.index ?? 0, windowId: 1, active: true };
      },
      async sendMessage(tabId: number, message: unknown) {
        calls.tabMessages.push({ tabId, message });
        if (!tabResponder) throw new Error('Could not establish connection. Receiving end does not exist.');
        return tabResponder(tabId, message);
      },
    },
    action: {
      async setBadgeText({ text, tabId }: { text: string | null; tabId?: number }) {
        calls.badgeText.set(tabId, text ?? '');
      },
      async setBadgeBackgroundColor(details: unknown) {
        calls.badgeColor.push(details);
      },
      async setIcon({ path: iconPath, tabId }: { path: unknown; tabId?: number }) {
        calls.icons.set(tabId, iconPath);
      },
    },
    commands: {
      onCommand: new FakeEvent<[string, FakeTab | undefined]>(),
    },
    contextMenus: {
      items: [] as unknown[],
      async removeAll() {
        fake.contextMenus.items.length = 0;
      },
      create(item: unknown) {
        fake.contextMenus.items.push(item);
      },
      onClicked: new FakeEvent<[{ menuItemId: string | number }, FakeTab | undefined]>(),
    },
    i18n: {
      getMessage(name: string, substitutions?: string | string[]) {
        const entry = locale[name];
        if (!entry) return '';
        const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
        const withPlaceholders = entry.message.replace(
          /\$([A-Za-z0-9_@]+)\$/g,
          (_, placeholder: string) => entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '',
        );
        return withPlaceholders.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
      },
    },
  };
  return fake;
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/**
 * Keyboard shortcuts (manifest "commands"; users rebind them in the browser's shortcut settings).
 * Toggle flips the global switch in storage, which every tab's content script follows; the
 * mention commands go to the tab they were pressed in.
 */
import browser from '../shared/browser';
import { updateSettings } from '../shared/settings';
import { sendToTab, type MentionCommand } from '../shared/messages';

export const COMMANDS = {
  toggle: 'toggle',
  nextMention: 'next-mention',
  previousMention: 'previous-mention',
  /** Saves the open tab into the library; start.ts sends it down the context menu's path (./library). */
  savePage: 'save-page',
} as const;

const MENTION_COMMANDS: readonly string[] = [COMMANDS.nextMention, COMMANDS.previousMention];

export async function runCommand(name: string, tab?: { id?: number }): Promise<void> {
  if (name === COMMANDS.toggle) {
    await updateSettings((settings) => ({ ...settings, enabled: !settings.enabled }));
    return;
  }
  if (!MENTION_COMMANDS.includes(name)) return;
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId === undefined) return;
  try {
    await sendToTab(tabId, { type: 'command', name: name as MentionCommand });
  } catch {
    // No content script there (a browser page, or a tab opened before install): nothing to move through.
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

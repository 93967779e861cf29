/** Opens the bundled reader at a quote's paragraph, in a new tab right after the page it came from. */
import browser from '../shared/browser';
import { readerPath } from '../shared/knowledge/reader-link';
import type { BackgroundRequest, MessageSender } from '../shared/messages';

type OpenReader = Extract<BackgroundRequest, { type: 'open-reader' }>;

export function readerUrl(request: OpenReader): string {
  const passage = request.start !== undefined && request.end !== undefined ? { start: request.start, end: request.end } : undefined;
  return browser.runtime.getURL(readerPath(request.articleId, request.paragraph, passage));
}

export async function openReader(request: OpenReader, sender: MessageSender): Promise<void> {
  const from = sender.tab;
  await browser.tabs.create({
    url: readerUrl(request),
    active: true,
    ...(from?.id !== undefined ? { openerTabId: from.id, index: from.index + 1, windowId: from.windowId } : {}),
  });
}

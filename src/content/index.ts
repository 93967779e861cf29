/**
 * The content script's single entry point. Everything it does on a page goes through
 * content-script.ts; a failure there must never surface on the page the user is reading.
 */
import { runContentScript } from './content-script';

void runContentScript().catch(() => {
  // Nothing to show: the page stays exactly as it was.
});

/**
 * The capture script, injected on demand into the tab the reader asked to save
 * (scripting.executeScript from the background, under activeTab). It never ships in the content
 * script. Injecting it defines one function in the extension's isolated world; the background
 * then calls it and gets plain data back. Injected twice, the second copy changes nothing.
 */
import { capturePage } from './capture-page';

/** Versioned, so an older copy left in a tab by a previous version is replaced, not reused. */
const CAPTURE_GLOBAL = '__backstoryCaptureV1';

const scope = globalThis as unknown as Record<string, unknown>;
if (typeof scope[CAPTURE_GLOBAL] !== 'function') {
  scope[CAPTURE_GLOBAL] = () => capturePage(document, new URL(location.href));
}

/**
 * Resolves once the page has finished loading and has an idle moment, or after a bounded wait.
 * React, Vue and other server-rendered apps hydrate from scripts that run before the load event;
 * highlighting their markup before that makes them report a hydration mismatch and re-render.
 */
import { PAGE_IDLE_WAIT_MAX_MS, PAGE_LOAD_WAIT_MAX_MS } from '../shared/constants';

export function pageSettled(win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    const whenIdle = () => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: PAGE_IDLE_WAIT_MAX_MS });
      else win.setTimeout(resolve, 0);
    };
    if (win.document.readyState === 'complete') {
      whenIdle();
      return;
    }
    const onLoad = () => {
      win.clearTimeout(timer);
      whenIdle();
    };
    // A page whose images or ads never finish loading still gets its highlights.
    const timer = win.setTimeout(() => {
      win.removeEventListener('load', onLoad);
      whenIdle();
    }, PAGE_LOAD_WAIT_MAX_MS);
    win.addEventListener('load', onLoad, { once: true });
  });
}

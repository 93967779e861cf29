/**
 * Work that can wait for the page: it runs in the browser's next idle moment (after the page's
 * own tasks and frames), or after `timeoutMs` at the latest, so it is done before it is needed.
 */
export function whenIdle(task: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 0);
}

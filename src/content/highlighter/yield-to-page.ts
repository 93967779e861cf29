/**
 * Gives the main thread back to the page between slices of work: `scheduler.yield()` where the
 * browser has it (the continuation keeps its priority ahead of other queued tasks), otherwise a
 * MessageChannel message, which is a fresh task without setTimeout's 4 ms clamping of nested
 * timers; setTimeout(0) only where neither exists.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

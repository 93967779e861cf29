import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from '../../../src/content/highlighter/yield-to-page';

const globals = globalThis as { scheduler?: unknown };
const originalScheduler = globals.scheduler;

afterEach(() => {
  globals.scheduler = originalScheduler;
  vi.unstubAllGlobals();
});

describe('yieldToPage', () => {
  it('uses scheduler.yield where the browser has it, called on the scheduler', async () => {
    const scheduler = {
      calls: 0,
      yield(this: { calls: number }) {
        this.calls++;
        return Promise.resolve();
      },
    };
    globals.scheduler = scheduler;
    await yieldToPage();
    expect(scheduler.calls).toBe(1);
  });

  it('falls back to a MessageChannel task, letting queued tasks run first', async () => {
    globals.scheduler = undefined;
    const order: string[] = [];
    setTimeout(() => order.push('earlier task'), 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const yielded = yieldToPage().then(() => order.push('after yield'));
    queueMicrotask(() => order.push('microtask'));
    await yielded;
    expect(order).toEqual(['earlier task', 'microtask', 'after yield']);
  });

  it('falls back to setTimeout where there is no MessageChannel either', async () => {
    globals.scheduler = undefined;
    vi.stubGlobal('MessageChannel', undefined);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    await yieldToPage();
    expect(timeout).toHaveBeenCalledWith(expect.any(Function), 0);
    timeout.mockRestore();
  });
});

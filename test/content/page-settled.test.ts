// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageSettled } from '../../src/content/page-settled';
import { PAGE_IDLE_WAIT_MAX_MS, PAGE_LOAD_WAIT_MAX_MS } from '../../src/shared/constants';

function fakeWindow(readyState: DocumentReadyState) {
  const target = new EventTarget();
  return Object.assign(target, {
    document: { readyState },
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    requestIdleCallback: (callback: () => void, options: { timeout: number }) => setTimeout(callback, options.timeout),
  }) as unknown as Window;
}

async function settledAfter(win: Window, advance: () => Promise<unknown>): Promise<boolean> {
  let settled = false;
  void pageSettled(win).then(() => (settled = true));
  await advance();
  return settled;
}

describe('pageSettled', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for the load event, then an idle moment', async () => {
    vi.useFakeTimers();
    const win = fakeWindow('interactive');
    let settled = false;
    void pageSettled(win).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(PAGE_LOAD_WAIT_MAX_MS / 2);
    expect(settled).toBe(false);
    win.dispatchEvent(new Event('load'));
    await vi.advanceTimersByTimeAsync(PAGE_IDLE_WAIT_MAX_MS);
    expect(settled).toBe(true);
  });

  it('does not wait for a load event that never comes', async () => {
    vi.useFakeTimers();
    const win = fakeWindow('interactive');
    expect(await settledAfter(win, () => vi.advanceTimersByTimeAsync(PAGE_LOAD_WAIT_MAX_MS - 1))).toBe(false);
    const late = fakeWindow('interactive');
    expect(await settledAfter(late, () => vi.advanceTimersByTimeAsync(PAGE_LOAD_WAIT_MAX_MS + PAGE_IDLE_WAIT_MAX_MS))).toBe(true);
  });

  it('on a page that has loaded, waits only for idle', async () => {
    vi.useFakeTimers();
    const win = fakeWindow('complete');
    expect(await settledAfter(win, () => vi.advanceTimersByTimeAsync(PAGE_IDLE_WAIT_MAX_MS))).toBe(true);
  });
});

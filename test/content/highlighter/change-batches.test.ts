// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeBatches } from '../../../src/content/highlighter/change-batches';
import { MUTATION_DEBOUNCE_MS } from '../../../src/shared/constants';

let batches: ChangeBatches | undefined;
afterEach(() => batches?.disconnect());

describe('ChangeBatches', () => {
  it('hands a burst of changes over as one batch', async () => {
    const taken: number[] = [];
    batches = new ChangeBatches(() => taken.push(batches?.take().length ?? 0));
    batches.observe(document.body);
    document.body.append('a');
    document.body.append('b');
    await batches.due();
    expect(taken).toEqual([2]);
  });

  it('has nothing due when the page did not change, and gives records to an early take()', async () => {
    batches = new ChangeBatches(() => undefined);
    batches.observe(document.body);
    expect(batches.due()).toBeNull();
    document.body.append('c');
    expect(batches.take()).toHaveLength(1);
  });

  it('after disconnect() hands nothing over', async () => {
    let calls = 0;
    batches = new ChangeBatches(() => calls++);
    batches.observe(document.body);
    document.body.append('d');
    const due = batches.due();
    batches.disconnect();
    await due;
    await new Promise((resolve) => setTimeout(resolve, MUTATION_DEBOUNCE_MS * 2));
    expect(calls).toBe(0);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RunQueue } from '../../../src/content/highlighter/run-queue';
import type { TextRun } from '../../../src/content/highlighter/text-runs';

function container(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

const texts = (runs: TextRun[]) => runs.map((run) => run.texts.join(''));
const everywhere = () => true;

describe('RunQueue', () => {
  it('reads queued walks first in, first out, until empty', () => {
    const first = container('<p>one</p><p>two</p>');
    const second = document.body.appendChild(Object.assign(document.createElement('p'), { textContent: 'three' }));
    const queue = new RunQueue({});
    queue.add(first, true, false);
    queue.add(second, false, false);
    const read: TextRun[] = [];
    queue.readSlice(Infinity, everywhere, (run) => read.push(run));
    expect(texts(read)).toEqual(['one', 'two', 'three']);
    expect(queue.length).toBe(0);
  });

  it('queues a container once while its walk has not started, unless a deep walk follows a shallow one', () => {
    const block = container('<p>one</p>');
    const queue = new RunQueue({});
    queue.add(block, false, false);
    queue.add(block, false, false);
    expect(queue.length).toBe(1);
    queue.add(block, true, false);
    expect(queue.length).toBe(2);
    queue.add(block, false, false);
    expect(queue.length).toBe(2);
  });

  it('reads at least one run per slice, and stops when the budget is spent', () => {
    const block = container('<p>one</p><p>two</p><p>three</p>');
    const queue = new RunQueue({});
    queue.add(block, true, false);
    const read: TextRun[] = [];
    queue.readSlice(0, everywhere, (run) => read.push(run));
    expect(texts(read)).toEqual(['one']);
    queue.readSlice(Infinity, everywhere, (run) => read.push(run));
    expect(texts(read)).toEqual(['one', 'two', 'three']);
  });

  it('drops a walk whose container left the scope, and forgets everything on clear()', () => {
    const block = container('<p>one</p>');
    const queue = new RunQueue({});
    queue.add(block, true, false);
    const read: TextRun[] = [];
    queue.readSlice(Infinity, (node) => node !== block, (run) => read.push(run));
    expect(read).toEqual([]);
    queue.add(block, true, false);
    queue.clear();
    expect(queue.length).toBe(0);
    queue.add(block, true, false);
    expect(queue.length).toBe(1);
  });

  it('gives the slice back after each block the sieve skips: a page without names never runs in one step', () => {
    const page = container('<p>one</p><p>two</p><p>three</p>');
    const queue = new RunQueue({ mayName: () => false });
    queue.add(page, true, false);
    let slices = 0;
    // A zero budget ends a slice at its first chance.
    while (queue.length > 0 && slices < 10) {
      queue.readSlice(0, everywhere, () => expect.unreachable('a skipped block is never read'));
      slices++;
    }
    expect(slices).toBe(3);
  });

  it('finds the containers of nodes queued for later one at a time, in slices, after the walks ahead of them', () => {
    const page = container('<p>ahead</p><p>one</p><p>two</p><p>three</p>');
    const [ahead, ...later] = [...page.children];
    const found: Node[] = [];
    const queue: RunQueue = new RunQueue({}, (node) => {
      found.push(node);
      queue.add(node.parentNode as Node, false, false);
    });
    queue.add(ahead as Element, false, false);
    queue.addContainersOf(later.map((paragraph) => paragraph.firstChild as Text));
    // Thousands of them at once would be one long task: nothing is looked up before the slices.
    expect(found).toEqual([]);
    expect(queue.length).toBe(4);
    const read: TextRun[] = [];
    queue.readSlice(0, everywhere, (run) => read.push(run));
    expect(texts(read)).toEqual(['ahead']);
    expect(found).toEqual([]);
    // Once the walk ahead is done, a slice finds one container at most when its budget is spent.
    queue.readSlice(0, everywhere, (run) => read.push(run));
    queue.readSlice(0, everywhere, (run) => read.push(run));
    expect(found).toHaveLength(1);
    queue.readSlice(Infinity, everywhere, (run) => read.push(run));
    expect(texts(read)).toEqual(['ahead', 'one', 'two', 'three']);
    expect(queue.length).toBe(0);
    queue.addContainersOf(later);
    queue.clear();
    expect(queue.length).toBe(0);
  });
});

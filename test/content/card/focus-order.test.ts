// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { nextTabbableAfter } from '../../../src/content/card/focus-order';

afterEach(() => document.body.replaceChildren());

function el<K extends keyof HTMLElementTagNameMap>(tag: K, setup: (e: HTMLElementTagNameMap[K]) => void = () => {}) {
  const element = document.createElement(tag);
  setup(element);
  return element;
}

describe('nextTabbableAfter', () => {
  it('finds the first element Tab would reach after the anchor, skipping the unreachable', () => {
    const before = el('button');
    const link = el('a', (a) => (a.href = '#x'));
    const anchor = el('mark', (m) => (m.tabIndex = -1));
    link.append(anchor); // the link around the anchor comes before it in document order
    const disabled = el('button', (b) => (b.disabled = true));
    const negative = el('span', (s) => (s.tabIndex = -1));
    const hidden = el('div', (d) => (d.hidden = true));
    hidden.append(el('button'));
    const inert = el('div', (d) => d.setAttribute('inert', ''));
    inert.append(el('input'));
    const target = el('input');
    document.body.append(before, link, disabled, negative, hidden, inert, target, el('button'));
    expect(nextTabbableAfter(anchor)).toBe(target);
  });

  it('returns null when nothing focusable follows', () => {
    const anchor = el('mark');
    document.body.append(el('button'), anchor);
    expect(nextTabbableAfter(anchor)).toBeNull();
  });
});

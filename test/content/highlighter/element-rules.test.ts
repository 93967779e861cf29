// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isExcludedElement, isInlineElement, OWN_UI_TAG } from '../../../src/content/highlighter/element-rules';

describe('element rules', () => {
  it.each(['iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'frame', 'head', 'title', 'rt', 'rp'])(
    'never reads <%s>',
    (tag) => {
      expect(isExcludedElement(document.createElement(tag))).toBe(true);
    },
  );

  it('never reads foreign content, whatever its tag', () => {
    expect(isExcludedElement(document.createElementNS('http://www.w3.org/2000/svg', 'text'))).toBe(true);
    expect(isExcludedElement(document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mi'))).toBe(true);
  });

  it('reads contenteditable="false" islands but not other values', () => {
    const element = document.createElement('div');
    element.setAttribute('contenteditable', 'false');
    expect(isExcludedElement(element)).toBe(false);
    for (const value of ['', 'true', 'TRUE', 'plaintext-only']) {
      element.setAttribute('contenteditable', value);
      expect(isExcludedElement(element)).toBe(true);
    }
  });

  it('reads aria-hidden="false" and ordinary prose', () => {
    const element = document.createElement('p');
    element.setAttribute('aria-hidden', 'false');
    expect(isExcludedElement(element)).toBe(false);
  });

  it('skips our UI host and whatever isOwnUi names', () => {
    expect(isExcludedElement(document.createElement(OWN_UI_TAG))).toBe(true);
    const panel = document.createElement('div');
    expect(isExcludedElement(panel, (node) => node === panel)).toBe(true);
  });

  it('joins inline elements to their sentence and treats unknown ones as blocks', () => {
    for (const tag of ['em', 'a', 'span', 'b', 'strong', 'i', 'sub', 'sup', 'abbr', 'time']) {
      expect(isInlineElement(document.createElement(tag))).toBe(true);
    }
    for (const tag of ['p', 'li', 'td', 'h2', 'div', 'section', 'article', 'blockquote', 'figcaption', 'dd', 'dt', 'br', 'story-card']) {
      expect(isInlineElement(document.createElement(tag))).toBe(false);
    }
  });
});

// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { neighbourMention, sameMention } from '../../../src/content/card/navigation';

afterEach(() => document.body.replaceChildren());

/** A paragraph per mention; mention i has `parts[i]` marks (a split name has several). */
function page(parts: readonly number[]) {
  const mentions = parts.map((count) => {
    const paragraph = document.createElement('p');
    const marks = Array.from({ length: count }, () => document.createElement('mark'));
    paragraph.append('text ', ...marks.flatMap((mark) => [mark, ' ']));
    document.body.append(paragraph);
    return marks;
  });
  return { mentions, firstMarks: mentions.map((marks) => marks[0]!) };
}

describe('neighbourMention', () => {
  it('starts at the first mention going forward and the last going back', () => {
    const { firstMarks } = page([1, 1, 1]);
    expect(neighbourMention(firstMarks, null, 1)).toBe(firstMarks[0]);
    expect(neighbourMention(firstMarks, null, -1)).toBe(firstMarks[2]);
    expect(neighbourMention([], null, 1)).toBeUndefined();
  });

  it('from any mark of mention i goes to mention i±1, wrapping', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (parts, mentionSeed, markSeed) => {
          const { mentions, firstMarks } = page(parts);
          const i = mentionSeed % mentions.length;
          const marksOfMention = mentions[i]!;
          const reference = marksOfMention[markSeed % marksOfMention.length]!;
          const n = firstMarks.length;
          expect(neighbourMention(firstMarks, reference, 1)).toBe(firstMarks[(i + 1) % n]);
          expect(neighbourMention(firstMarks, reference, -1)).toBe(firstMarks[(i - 1 + n) % n]);
          document.body.replaceChildren();
        },
      ),
    );
  });

  it('treats a reference that has left the page as no reference', () => {
    const { firstMarks } = page([1, 1]);
    const gone = document.createElement('mark');
    expect(neighbourMention(firstMarks, gone, 1)).toBe(firstMarks[0]);
  });
});

describe('sameMention', () => {
  const entityOf = (mark: Element) => (mark as HTMLElement).dataset.entity ?? null;
  function mark(entity: string, text: string) {
    const element = document.createElement('mark');
    element.dataset.entity = entity;
    element.textContent = text;
    return element;
  }

  it('joins the marks of a name split across inline elements', () => {
    const salt = mark('salt-typhoon', 'Salt ');
    const em = document.createElement('em');
    const typhoon = mark('salt-typhoon', 'Typhoon');
    em.append(typhoon);
    const paragraph = document.createElement('p');
    paragraph.append('The ', salt, em, ' campaign');
    document.body.append(paragraph);
    expect(sameMention(salt, typhoon, entityOf)).toBe(true);
    expect(sameMention(typhoon, salt, entityOf)).toBe(true);
  });

  it('keeps apart two mentions of one entity with text between, and marks of different entities', () => {
    const first = mark('mss', 'MSS');
    const second = mark('mss', 'MSS');
    const other = mark('xi-jinping', 'Xi');
    const paragraph = document.createElement('p');
    paragraph.append(first, ' and the ', second, other);
    document.body.append(paragraph);
    expect(sameMention(first, second, entityOf)).toBe(false);
    expect(sameMention(second, other, entityOf)).toBe(false);
    expect(sameMention(first, first, entityOf)).toBe(true);
  });
});

describe('across shadow roots', () => {
  /** <p>mark a</p> <div host>[open shadow: <p>mark inShadow</p>]</div> <p>mark b</p>, all one entity. */
  function shadowPage() {
    const { firstMarks } = page([1]);
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const inShadow = document.createElement('mark');
    const paragraph = document.createElement('p');
    paragraph.append(inShadow);
    shadow.append(paragraph);
    document.body.append(host);
    const after = document.createElement('mark');
    document.body.append(after);
    return { before: firstMarks[0]!, inShadow, after };
  }

  it('goes from a mark in a shadow root to the ones either side of its host', () => {
    const { before, inShadow, after } = shadowPage();
    const marks = [before, inShadow, after];
    expect(neighbourMention(marks, inShadow, 1)).toBe(after);
    expect(neighbourMention(marks, inShadow, -1)).toBe(before);
    expect(neighbourMention(marks, after, -1)).toBe(inShadow);
    expect(neighbourMention(marks, before, 1)).toBe(inShadow);
  });

  it('never joins marks of one entity in different trees into one mention', () => {
    const { before, inShadow } = shadowPage();
    // Nothing but the host lies between them as text, which a range across trees would miss.
    const entityOf = () => 'mss';
    expect(sameMention(before, inShadow, entityOf)).toBe(false);
    expect(sameMention(inShadow, inShadow, entityOf)).toBe(true);
  });
});

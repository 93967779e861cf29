// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MARK_BASE_DECLARATIONS, MARK_LOOK_DECLARATIONS, applyInlineLook } from '../../../src/content/highlighter/mark-look';

const here = path.dirname(fileURLToPath(import.meta.url));
const css = readFileSync(path.resolve(here, '../../../src/content/highlights.css'), 'utf8');

/** The declarations of the first top-level rule with exactly this selector, !important stripped. */
function declarationsOf(selector: string): string[][] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rule = new RegExp(`(?:^|\\})\\s*${escaped}\\s*\\{([^}]*)\\}`).exec(withoutComments);
  if (!rule?.[1]) throw new Error(`no rule ${selector} in highlights.css`);
  return rule[1]
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).replace(/!important/, '').trim()];
    });
}

describe('the inline look of marks in shadow roots', () => {
  it('is the look highlights.css gives marks in the document, declaration for declaration', () => {
    expect(MARK_BASE_DECLARATIONS).toEqual(declarationsOf('mark[data-entity][data-backstory-style]'));
    expect(MARK_LOOK_DECLARATIONS.background).toEqual(declarationsOf("mark[data-entity][data-backstory-style='background']"));
    expect(MARK_LOOK_DECLARATIONS.underline).toEqual(declarationsOf("mark[data-entity][data-backstory-style='underline']"));
  });

  it('sets every declaration !important and drops the other look when switched', () => {
    const mark = document.createElement('mark');
    applyInlineLook(mark, 'underline');
    expect(mark.style.getPropertyValue('text-decoration-line')).toBe('underline');
    expect(mark.style.getPropertyPriority('text-decoration-line')).toBe('important');
    applyInlineLook(mark, 'background');
    expect(mark.style.getPropertyValue('text-decoration-line')).toBe('');
    expect(mark.style.getPropertyValue('box-shadow')).not.toBe('');
    expect(mark.style.getPropertyPriority('box-shadow')).toBe('important');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CARD_FONT_FACES } from '../../../src/content/card/typography';

const css = readFileSync(fileURLToPath(new URL('../../../src/content/card/card.css', import.meta.url)), 'utf8');

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(selector: string): string {
  const match = new RegExp(`(?:^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match?.[1]) throw new Error(`no rule for ${selector}`);
  return match[1];
}

describe('card.css', () => {
  it('resets the host so nothing is inherited from the page and it takes no room', () => {
    const host = rule(':host');
    expect(host).toMatch(/all:\s*initial\s*!important/);
    expect(host).toMatch(/position:\s*fixed\s*!important/);
    expect(host).toMatch(/width:\s*0\s*!important/);
    expect(host).toMatch(/height:\s*0\s*!important/);
  });

  it('sets every inherited text property on the card itself', () => {
    const card = rule('.card');
    for (const property of ['font-family', 'font-size', 'line-height', 'letter-spacing', 'text-transform', 'direction', 'visibility', 'color']) {
      expect(card).toMatch(new RegExp(`(^|\\s)${property}:`));
    }
  });

  it('keeps the card hidden unless it is an open popover or the shown fallback', () => {
    expect(rule('.card')).toMatch(/display:\s*none/);
    expect(rule('.card:popover-open')).toMatch(/display:\s*block/);
  });

  it('takes every colour from the palette, so the contrast test covers all text', () => {
    const declarations = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(/[;{}]/)
      .map((part) => /^\s*([\w-]+)\s*:(.*)$/s.exec(part))
      .flatMap((match) => (match?.[1] && match[2] !== undefined ? [[match[1], match[2].trim()] as const] : []));
    const colourful = declarations.filter(
      ([property, value]) =>
        property !== 'box-shadow' && // a shadow is a translucent black, not a text colour
        /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(black|white|gr[ae]y|red|blue|green|canvas(text)?)\b/i.test(value),
    );
    expect(declarations.length).toBeGreaterThan(50);
    expect(colourful).toEqual([]);
  });

  it('gives text only faces the font warm-up prepares', () => {
    const faces = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\{([^}]*)\}/g)].flatMap(([, body = '']) => {
      const size = /font-size:\s*([^;]+);/.exec(body)?.[1];
      const weight = /font-weight:\s*([^;]+);/.exec(body)?.[1] ?? '400';
      return size ? [`${weight} ${size}`] : [];
    });
    expect(faces.length).toBeGreaterThan(3);
    for (const face of faces) expect(CARD_FONT_FACES).toContain(face);
  });
});

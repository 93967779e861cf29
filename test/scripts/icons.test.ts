import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICONS_DIR, ICON_SIZES, iconFileName, renderIcons, toOffDrawing } from '../../scripts/icons';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG always has first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('icons', () => {
  it('committed PNGs are exactly what the source drawing renders to (run `npm run icons` after editing it)', async () => {
    const rendered = await renderIcons();
    expect(rendered.size).toBe(ICON_SIZES.length * 2);
    for (const [name, png] of rendered) {
      const committed = await readFile(path.join(ICONS_DIR, name));
      expect(committed.equals(png), `${name} differs from a fresh render`).toBe(true);
    }
  });

  it.each(ICON_SIZES.flatMap((size) => (['on', 'off'] as const).map((variant) => [variant, size] as const)))(
    '%s icon at %i px is a square PNG of that size',
    async (variant, size) => {
      const png = await readFile(path.join(ICONS_DIR, iconFileName(variant, size)));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    },
  );

  it('the off icon differs from the on icon at every size', async () => {
    const rendered = await renderIcons();
    for (const size of ICON_SIZES) {
      const on = rendered.get(iconFileName('on', size));
      const off = rendered.get(iconFileName('off', size));
      expect(on && off && !on.equals(off)).toBe(true);
    }
  });

  it('the off drawing keeps no colour of the on drawing, and refuses colours it has no grey for', () => {
    const drawing = '<rect fill="#1D3557"/><path fill="#ffd23f"/><path fill="#ffffff"/>';
    const off = toOffDrawing(drawing);
    expect(off).not.toMatch(/#1d3557|#ffd23f|#ffffff/i);
    expect(off.match(/#[0-9a-f]{6}/gi)).toHaveLength(3);
    expect(() => toOffDrawing('<rect fill="#ff0000"/>')).toThrow(/#ff0000/);
  });
});

/**
 * `npm run icons`: renders icons/backstory.svg, the one source drawing, into the PNGs the
 * manifest and the toolbar use: icon-<size>.png, and icon-off-<size>.png for when Backstory is
 * switched off. The "off" drawing is the same shapes with the palette swapped for greys, so the
 * two can never drift apart.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICONS_DIR = path.join(root, 'icons');
const SOURCE = path.join(ICONS_DIR, 'backstory.svg');

/** The sizes Chrome and Firefox ask for: toolbar (16, 32), extensions page (48), store (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** Each colour of the drawing and its grey for the "off" icon (same lightness order, so the B stays readable). */
const OFF_PALETTE: Readonly<Record<string, string>> = {
  '#1d3557': '#5f6673', // tile
  '#ffd23f': '#a7adb7', // highlighter stroke
  '#ffffff': '#f4f5f7', // letter
};

export type IconVariant = 'on' | 'off';

export function iconFileName(variant: IconVariant, size: number): string {
  return variant === 'on' ? `icon-${size}.png` : `icon-off-${size}.png`;
}

/** Swaps every palette colour; throws when the drawing uses a colour the palette does not know. */
export function toOffDrawing(svg: string): string {
  const used = new Set((svg.match(/#[0-9a-fA-F]{6}\b/g) ?? []).map((colour) => colour.toLowerCase()));
  const unknown = [...used].filter((colour) => !(colour in OFF_PALETTE));
  if (unknown.length > 0) {
    throw new Error(`icons/backstory.svg uses ${unknown.join(', ')}; give each a grey in OFF_PALETTE`);
  }
  return svg.replace(/#[0-9a-fA-F]{6}\b/g, (colour) => OFF_PALETTE[colour.toLowerCase()] ?? colour);
}

function renderPng(svg: string, size: number): Buffer {
  // No text in the drawing, so no fonts: rendering depends on nothing installed on the machine.
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/** Every icon file name and its PNG bytes, rendered from the source drawing. */
export async function renderIcons(): Promise<Map<string, Buffer>> {
  const drawing = await readFile(SOURCE, 'utf8');
  const drawings: Record<IconVariant, string> = { on: drawing, off: toOffDrawing(drawing) };
  const icons = new Map<string, Buffer>();
  for (const variant of ['on', 'off'] as const) {
    for (const size of ICON_SIZES) {
      icons.set(iconFileName(variant, size), renderPng(drawings[variant], size));
    }
  }
  return icons;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const icons = await renderIcons();
  for (const [name, png] of icons) await writeFile(path.join(ICONS_DIR, name), png);
  process.stdout.write(`wrote ${[...icons.keys()].join(', ')} to icons/\n`);
}

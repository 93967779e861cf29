import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(__dirname, '../../src/reader');
const html = readFileSync(path.join(dir, 'reader.html'), 'utf8');
const css = readFileSync(path.join(dir, 'reader.css'), 'utf8');

/** The custom properties set in `:root` blocks: the first for light, the one under prefers-color-scheme: dark. */
function palette(scheme: 'light' | 'dark'): Record<string, string> {
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const block = scheme === 'light' ? css.slice(0, darkStart) : css.slice(darkStart, css.indexOf('\n}\n', darkStart));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('reader.html', () => {
  it('loads the bundle and stylesheet the build puts beside it, with no inline script (extension CSP)', () => {
    expect(html).toMatch(/<script src="reader\.js" defer><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="reader\.css" \/>/);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('id="reader-root"');
  });

  it('declares its language and both colour schemes', () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<meta name="color-scheme" content="light dark" />');
  });
});

describe('reader.css', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps text readable on the page, the target paragraph and the passage (${scheme})`, () => {
      const colours = palette(scheme);
      expect(contrast(colours['--text']!, colours['--background']!)).toBeGreaterThanOrEqual(7);
      expect(contrast(colours['--text']!, colours['--target-background']!)).toBeGreaterThanOrEqual(7);
      expect(contrast(colours['--passage-text']!, colours['--passage-background']!)).toBeGreaterThanOrEqual(7);
      expect(contrast(colours['--muted']!, colours['--background']!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours['--link']!, colours['--background']!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('animates nothing, so reduced motion is honoured by the scroll alone', () => {
    const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(rules).not.toMatch(/animation|transition|scroll-behavior:\s*smooth/);
  });

  it('keeps the highlight visible in forced-colours mode', () => {
    expect(css).toMatch(/@media \(forced-colors: active\)[\s\S]*\.passage[\s\S]*Mark/);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickColorScheme } from '../../../src/content/card/color-scheme';

function systemPrefersDark(dark: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) => ({ matches: dark && query.includes('dark'), media: query }) as MediaQueryList,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('pickColorScheme', () => {
  it('follows a dark page even on a light system', () => {
    systemPrefersDark(false);
    document.body.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pickColorScheme(document)).toBe('dark');
  });

  it('follows a light page even on a dark system', () => {
    systemPrefersDark(true);
    document.body.style.backgroundColor = 'rgb(250, 248, 240)';
    expect(pickColorScheme(document)).toBe('light');
  });

  it('looks at the root element when the body is transparent', () => {
    systemPrefersDark(false);
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    document.documentElement.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(pickColorScheme(document)).toBe('dark');
  });

  it('falls back to the system preference where the page paints no background', () => {
    systemPrefersDark(true);
    expect(pickColorScheme(document)).toBe('dark');
    vi.restoreAllMocks();
    systemPrefersDark(false);
    expect(pickColorScheme(document)).toBe('light');
  });
});

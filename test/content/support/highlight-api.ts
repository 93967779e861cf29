/**
 * The CSS Custom Highlight API for happy-dom, which has none: `Highlight` is a set of ranges with a
 * priority, and `CSS.highlights` a map from name to highlight, as in browsers. Import it before
 * the code under test runs. Ranges in happy-dom are not live: they keep the offsets they were
 * given, which is what the highlighter's own bookkeeping relies on anyway.
 */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type: 'highlight' | 'spelling-error' | 'grammar-error' = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const scope = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: Map<string, FakeHighlight> } };
scope.Highlight ??= FakeHighlight;
// happy-dom's `CSS` is a getter that makes a new object on every read, so a registry put on one
// read would be gone on the next: pin one object (happy-dom's own, for CSS.escape and the rest).
const css = scope.CSS ?? {};
css.highlights ??= new Map<string, FakeHighlight>();
Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });

/** Every registered highlight of ours whose name starts with `prefix`, as name → ranges. */
export function registeredHighlights(prefix = 'backstory-'): Map<string, AbstractRange[]> {
  const found = new Map<string, AbstractRange[]>();
  for (const [name, highlight] of (CSS.highlights as unknown as Map<string, Set<AbstractRange>>)) {
    if (name.startsWith(prefix)) found.set(name, [...highlight]);
  }
  return found;
}

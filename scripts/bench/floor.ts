/**
 * The floor: the least work any highlighter must do on a page — one TreeWalker pass over the
 * text and one combined RegExp over each text node, no DOM writes. The extension's cost is shown
 * as a multiple of it, measured in the same page, in the same browser, a moment apart.
 */

/** Letters, digits and combining marks: a name must not start or end inside a word. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One alternation of every form, longest first, on word boundaries that work beyond ASCII. Like
 * the matcher's own pattern it is case-sensitive and lists the spellings it accepts (as written,
 * upper case, lower case) instead of using the `i` flag, which is several times slower on text
 * with typographic quotes.
 */
export function combinedPattern(forms: readonly string[]): { source: string; flags: string } {
  const spellings = new Set<string>();
  for (const form of forms) {
    if (form.length === 0) continue;
    spellings.add(form).add(form.toUpperCase()).add(form.toLowerCase());
  }
  const ordered = [...spellings].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternation = ordered.length > 0 ? ordered.map(escapeRegExp).join('|') : '(?!)';
  return { source: `(?<!${WORD_CHAR})(?:${alternation})(?!${WORD_CHAR})`, flags: 'gu' };
}

/**
 * A stand-in for the real matcher, so the knowledge base build can be tested on small made-up
 * catalogs: full forms match literally; short forms match only after a full form appeared on the
 * page, as the real matcher's contract says.
 */
import type { CatalogEntry } from '../../../../src/shared/catalog/types';
import type { CompiledMatcher, Mention } from '../../../../src/shared/matcher/types';

export function literalMatcher(catalog: readonly CatalogEntry[]): CompiledMatcher {
  return {
    mayName: () => true,
    newPage() {
      const seen = new Set<string>();
      return {
        settle: () => false,
        heldBack: () => false,
        scanBlock(text: string): Mention[] {
          const found: Mention[] = [];
          for (const entry of catalog) {
            const fullAt = entry.forms.map((form) => text.indexOf(form)).filter((at) => at >= 0);
            // A short form counts after a full form: earlier on the page, or earlier in this block.
            const shortFrom = seen.has(entry.id) ? 0 : fullAt.length > 0 ? Math.min(...fullAt) : Infinity;
            for (const [form, from] of [
              ...entry.forms.map((f) => [f, 0] as const),
              ...(entry.shortForms ?? []).map((f) => [f, shortFrom] as const),
            ]) {
              for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                if (at >= from) found.push({ start: at, end: at + form.length, entityId: entry.id });
              }
            }
            if (fullAt.length > 0) seen.add(entry.id);
          }
          found.sort((a, b) => a.start - b.start || b.end - a.end);
          return found.filter((m, i) => !found.slice(0, i).some((o) => o.start < m.end && m.start < o.end));
        },
      };
    },
  };
}

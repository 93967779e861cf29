/**
 * A finder that starts cheap and switches to fast. Compiling the catalog's one combined pattern
 * costs a browser milliseconds on every page that meets a single candidate, most of which name
 * nothing; walking the trie from word starts costs nothing to set up but more per hit. So pages
 * start with the walk, and a page that has shown itself full of names (FINDER_SWITCH_HITS hits)
 * switches to the pattern, which then pays for itself. Both find exactly the same hits.
 */
import type { FormFinder } from './form-finder';

export function switchingFinder(cheap: () => FormFinder, fast: () => FormFinder, switchAfter: number): FormFinder {
  let current: FormFinder | null = null;
  let hits = 0;
  let switched = false;
  const finder: FormFinder = {
    hitStart: -1,
    hitEnd: -1,
    find(text, from) {
      if (!switched && hits >= switchAfter) {
        current = fast();
        switched = true;
      }
      current ??= cheap();
      if (!current.find(text, from)) return false;
      hits++;
      finder.hitStart = current.hitStart;
      finder.hitEnd = current.hitEnd;
      return true;
    },
  };
  return finder;
}

/**
 * The floor passes, run inside the page: one TreeWalker over the text, one combined RegExp over
 * each text node (see ../floor.ts for the pattern), no DOM writes; with `paint`, each match is also
 * made a Range and added to one CSS highlight, the cheapest way to show a mention.
 */

export interface FloorReading {
  /** Milliseconds of each repeat; the first is cold (pattern compiled, code not yet optimised). */
  times: number[];
  matches: number;
  textNodes: number;
}

/** Text inside these is never prose: the floor skips it, as any highlighter must. */
const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);

/** The registry name the highlight floor paints under (never one of ours). */
const FLOOR_HIGHLIGHT_NAME = 'bench-floor';

/** `repeats` timed passes; a painting pass is taken down after its timing, so each paints afresh. */
export function floorPass(source: string, flags: string, repeats: number, paint = false): FloorReading {
  const times: number[] = [];
  let matches = 0;
  let textNodes = 0;
  for (let run = 0; run < repeats; run++) {
    const pattern = new RegExp(source, flags);
    matches = 0;
    textNodes = 0;
    const start = performance.now();
    const highlight = paint ? new Highlight() : null;
    if (highlight) CSS.highlights.set(FLOOR_HIGHLIGHT_NAME, highlight);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentNode && SKIPPED_PARENTS.has(node.parentNode.nodeName)) continue;
      textNodes++;
      pattern.lastIndex = 0;
      const text = node.data;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        matches++;
        if (!highlight) continue;
        const range = new Range();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        highlight.add(range);
      }
    }
    times.push(performance.now() - start);
    if (highlight) CSS.highlights.delete(FLOOR_HIGHLIGHT_NAME);
  }
  return { times, matches, textNodes };
}

/**
 * Random page trees for the exact-undo property, shared by the happy-dom test
 * (undo-property.test.ts) and the real-browser run (test/e2e/realworld-undo.test.ts).
 *
 * A tree is plain data (a spec), so the same seed gives the same pages in Node and in a browser.
 * The trees carry what real pages carry: real catalog names, sometimes split across inline
 * elements or across adjacent text nodes the page made itself; comments; block and inline
 * elements; everything the highlighter must never touch (form controls, code, scripts, styles,
 * editors, SVG) with names inside; and the page's own, sometimes nested, <mark>s.
 */
import fc from 'fast-check';
import { CATALOG } from '../../../src/shared/catalog/entities';

export type TreeSpec =
  | { kind: 'text'; data: string }
  /** Adjacent text nodes the page made on purpose (never normalised away). */
  | { kind: 'texts'; parts: string[] }
  | { kind: 'comment'; data: string }
  | { kind: 'element'; tag: string; svg: boolean; attributes: Array<[string, string]>; children: TreeSpec[] };

/** Every full form in the catalog: these match anywhere, without context. */
export const FULL_FORMS: readonly string[] = [...new Set(CATALOG.flatMap((entry) => entry.forms))];

/** Short, ambiguous and trap forms, and the words that give them context. */
const OTHER_WORDS = [
  'MSS', 'Xi', 'Trump', 'Miller', 'Blackwell', 'Typhoon', 'Volt Typhoon', 'China', "China’s", 'Beijing',
  "Nvidia’s", 'H200s', 'maximum segment size', 'the', 'said', ', ', '. ', ' ', '\n', '  ', '',
];

const INLINE_TAGS = ['em', 'span', 'a', 'b', 'i', 'strong', 'small', 'abbr'];
const BLOCK_TAGS = ['p', 'div', 'li', 'td', 'section', 'h2', 'blockquote', 'figcaption'];

const textData = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FULL_FORMS) },
  { weight: 3, arbitrary: fc.constantFrom(...OTHER_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...FULL_FORMS).map((name) => `The ${name} said, `) },
);

/** A name cut at `at` into two adjacent text nodes, or into text and an inline element. */
const splitName = fc
  .tuple(fc.constantFrom(...FULL_FORMS), fc.nat(), fc.constantFrom(...INLINE_TAGS), fc.boolean())
  .map(([name, cut, tag, acrossElement]): TreeSpec => {
    const at = 1 + (cut % Math.max(1, name.length - 1));
    const head = name.slice(0, at);
    const tail = name.slice(at);
    if (!acrossElement) return { kind: 'texts', parts: [head, tail] };
    return element(tag, [{ kind: 'text', data: head }, element(tag, [{ kind: 'text', data: tail }])]);
  });

function element(tag: string, children: TreeSpec[], attributes: Array<[string, string]> = []): TreeSpec {
  return { kind: 'element', tag, svg: false, attributes, children };
}

const nameText = fc.constantFrom(...FULL_FORMS).map((data): TreeSpec => ({ kind: 'text', data }));

/** Things the highlighter must leave alone, each holding a name it would otherwise mark. */
const untouchable: fc.Arbitrary<TreeSpec> = fc.oneof(
  fc.constantFrom(...FULL_FORMS).map((name) => element('input', [], [['value', name]])),
  nameText.map((text) => element('textarea', [text])),
  nameText.map((text) => element('code', [text])),
  nameText.map((text) => element('pre', [text, element('b', [text])])),
  // A data block, never run: a script element the page adds executes otherwise.
  nameText.map((text) => element('script', [text], [['type', 'text/plain']])),
  nameText.map((text) => element('style', [text])),
  nameText.map((text) => element('div', [text, element('em', [text])], [['contenteditable', 'true']])),
  nameText.map(
    (text): TreeSpec => ({
      kind: 'element',
      tag: 'svg',
      svg: true,
      attributes: [],
      children: [{ kind: 'element', tag: 'text', svg: true, attributes: [], children: [text] }],
    }),
  ),
  // The page's own highlights, sometimes nested.
  nameText.map((text) => element('mark', [text])),
  nameText.map((text) => element('mark', [text, element('mark', [text])], [['class', 'page-mark']])),
);

const tree = fc.letrec<{ node: TreeSpec; element: TreeSpec }>((tie) => ({
  node: fc.oneof(
    { weight: 4, arbitrary: textData.map((data): TreeSpec => ({ kind: 'text', data })) },
    { weight: 2, arbitrary: fc.array(textData, { minLength: 2, maxLength: 3 }).map((parts): TreeSpec => ({ kind: 'texts', parts })) },
    { weight: 2, arbitrary: splitName },
    { weight: 1, arbitrary: fc.constantFrom('c', ' Salt Typhoon ').map((data): TreeSpec => ({ kind: 'comment', data })) },
    { weight: 1, arbitrary: untouchable },
    { weight: 3, arbitrary: tie('element') },
  ),
  element: fc
    .tuple(fc.constantFrom(...INLINE_TAGS, ...BLOCK_TAGS), fc.array(tie('node'), { maxLength: 5 }))
    .map(([tag, children]) => element(tag, children)),
}));

/** One page's body: a few top-level trees. */
export const pageSpec: fc.Arbitrary<TreeSpec[]> = fc.array(tree.node, { minLength: 1, maxLength: 6 });

/**
 * Builds a spec's nodes in `doc`. Self-contained (no helpers, no closures) so the real-browser
 * test can send its source into a page and build the same trees there.
 */
export function buildTree(spec: TreeSpec, doc: Document): Node[] {
  if (spec.kind === 'text') return [doc.createTextNode(spec.data)];
  if (spec.kind === 'texts') return spec.parts.map((part) => doc.createTextNode(part));
  if (spec.kind === 'comment') return [doc.createComment(spec.data)];
  const made = spec.svg ? doc.createElementNS('http://www.w3.org/2000/svg', spec.tag) : doc.createElement(spec.tag);
  for (const [name, value] of spec.attributes) made.setAttribute(name, value);
  for (const child of spec.children) made.append(...buildTree(child, doc));
  return [made];
}

/** The seed of this run: BACKSTORY_PROPERTY_SEED when set (to replay a failure), else a fresh one. */
export function propertySeed(): number {
  const given = process.env.BACKSTORY_PROPERTY_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`BACKSTORY_PROPERTY_SEED must be an integer, got ${given}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

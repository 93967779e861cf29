/**
 * Article text from a saved HTML page, the way capture will read it: Mozilla's Readability on a
 * happy-dom document, then the article's block elements as plain-text paragraphs. Eval only.
 */
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';

export interface ArticleText {
  title: string;
  paragraphs: string[];
  /** The language the page declares, as Readability reports it. */
  lang: string | null;
}

/** Blocks whose text is one paragraph; list items and headings count too. */
const BLOCKS = 'p, li, h1, h2, h3, h4, blockquote';

export function extractArticle(html: string, url = 'https://example.com/'): ArticleText | null {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true } });
  try {
    window.document.write(html);
    const parsed = new Readability(window.document as unknown as Document).parse();
    if (!parsed?.content) return null;
    const holder = window.document.createElement('div');
    holder.innerHTML = parsed.content;
    const paragraphs: string[] = [];
    for (const block of holder.querySelectorAll(BLOCKS)) {
      // A block inside another block (a <p> in a <li>) is read once, as part of the outer one.
      if (block.parentElement?.closest(BLOCKS)) continue;
      const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) paragraphs.push(text);
    }
    return { title: (parsed.title ?? '').trim(), paragraphs, lang: parsed.lang ?? null };
  } finally {
    void window.happyDOM.close();
  }
}

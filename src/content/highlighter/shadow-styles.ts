/**
 * A shadow tree takes no rules from the document, so the `::highlight()` rules that paint our
 * highlights are adopted into each open shadow root that holds some: the one change Backstory
 * makes to a page's root, and undone when it stops. The sheet is constructed once, from the very
 * text the manifest injects into the document.
 */
import highlightRules from '../highlights.css';

export class ShadowStyles {
  #sheet: CSSStyleSheet | null | undefined;
  readonly #adopted = new Set<ShadowRoot>();

  adoptInto(root: ShadowRoot): void {
    if (this.#adopted.has(root)) return;
    const sheet = this.#constructed();
    if (!sheet) return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.#adopted.add(root);
    } catch {
      // A browser that will not let this world adopt into the page's root: the ranges stay
      // registered (counted, hoverable) and only go unpainted there.
    }
  }

  /** Gives every root back the sheets it had, in their order. */
  releaseAll(): void {
    const sheet = this.#sheet;
    for (const root of this.#adopted) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      } catch {
        // The root's document is gone; nothing is left to give back.
      }
    }
    this.#adopted.clear();
  }

  #constructed(): CSSStyleSheet | null {
    if (this.#sheet !== undefined) return this.#sheet;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightRules);
      this.#sheet = sheet;
    } catch {
      this.#sheet = null;
    }
    return this.#sheet;
  }
}

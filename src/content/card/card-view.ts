/**
 * The card's frame on the page: ONE host element of our own (`<backstory-ui>`) with an open shadow
 * root, so page CSS cannot reach in and ours cannot leak out. The card is a popover
 * (`popover="manual"`) so it sits in the top layer, above any stacking context, `overflow: hidden`
 * or fullscreen element; where the popover API is missing it falls back to a fixed element with
 * the highest z-index.
 */
import { t } from '../../shared/i18n';
import { OWN_UI_FALLBACK_ATTRIBUTE as HOST_FALLBACK_ATTRIBUTE, OWN_UI_TAG as HOST_TAG } from '../highlighter/element-rules';
import css from './card.css';
import { themeCss, type ColorScheme } from './palette';
import type { CardSlots } from './render';

const NAME_ID = 'backstory-card-name';

export class CardView {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly card: HTMLElement;
  readonly slots: CardSlots;
  readonly closeButton: HTMLButtonElement;
  readonly #usesPopover: boolean;
  #attached = false;

  constructor(doc: Document) {
    [this.host, this.shadow] = createHost(doc);
    adoptStyles(this.shadow, `${themeCss()}\n${css}`);

    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-labelledby', NAME_ID);
    this.#usesPopover = typeof this.card.showPopover === 'function';
    if (this.#usesPopover) this.card.setAttribute('popover', 'manual');
    else this.card.hidden = true;

    const header = doc.createElement('div');
    header.className = 'header';
    const category = doc.createElement('p');
    category.className = 'category';
    const name = doc.createElement('h2');
    name.className = 'name';
    name.id = NAME_ID;
    this.closeButton = doc.createElement('button');
    this.closeButton.type = 'button';
    this.closeButton.className = 'close';
    this.closeButton.setAttribute('aria-label', t('cardClose'));
    this.closeButton.textContent = '×';
    header.append(category, name);

    const body = doc.createElement('div');
    body.className = 'body';
    // The close button comes last in the DOM (it is drawn in the corner), so Tab from the mention
    // reaches the first "Read in" first and a screen reader hears the name before "Close".
    this.card.append(header, body, this.closeButton);
    this.shadow.append(this.card);
    this.slots = { category, name, body };
  }

  /** Puts the host in `container` if it is not there already; true when it moved. */
  attachTo(container: Element): boolean {
    if (this.host.parentNode === container) return false;
    container.append(this.host);
    this.#attached = true;
    return true;
  }

  /** Whether the host was put in the page and is no longer there (the page took it out). */
  wasRemoved(): boolean {
    return this.#attached && !this.host.isConnected;
  }

  show(scheme: ColorScheme): void {
    this.card.dataset.scheme = scheme;
    // Marked before it opens: marked after, the open card's first style pass was thrown away.
    this.card.dataset.shown = '';
    // Not hidden until placed: the placement that follows settles within this task (its promises
    // resolve as microtasks), before any frame paints the card where it stood. Hiding it meanwhile
    // toggled `visibility`, which every element inside inherits, and cost the first frame a restyle.
    if (this.#usesPopover) {
      if (!this.card.matches(':popover-open')) this.card.showPopover();
    } else {
      this.card.hidden = false;
    }
  }

  hide(): void {
    delete this.card.dataset.shown;
    if (this.#usesPopover) {
      if (this.card.matches(':popover-open')) this.card.hidePopover();
    } else {
      this.card.hidden = true;
    }
  }

  /** Places the card at viewport coordinates; visible unless its mention is out of sight. */
  placeAt(x: number, y: number, mentionHidden: boolean): void {
    this.card.style.left = `${x}px`;
    this.card.style.top = `${y}px`;
    this.card.style.visibility = mentionHidden ? 'hidden' : '';
  }

  /** Keeps the card within the space left beside the mention (set by the positioning). */
  limitTo(width: number, height: number): void {
    const room = `${Math.max(0, width)}px`;
    // The card's own properties, not custom ones: those are inherited, and a change to them
    // restyled everything in the card, in the task that opens it.
    const { style } = this.card;
    style.minWidth = `min(var(--bs-min-width), ${room})`;
    style.maxWidth = `min(var(--bs-max-width), ${room})`;
    style.maxHeight = `${Math.max(0, height)}px`;
  }

  /** Gives the dialog focus (opened from the keyboard), without scrolling the page. */
  focusFirst(): void {
    this.card.tabIndex = -1;
    this.card.focus({ preventScroll: true });
  }

  /** Buttons in the card, in tab order. */
  focusables(): HTMLElement[] {
    return [...this.card.querySelectorAll<HTMLElement>('button, a[href]')].filter((el) => !el.closest('[hidden]'));
  }

  /** The element focused inside the card, if any. */
  focusedElement(): Element | null {
    return this.shadow.activeElement;
  }

  remove(): void {
    this.hide();
    this.host.remove();
    this.#attached = false;
  }
}

/**
 * Our host and its shadow root. A page that defined `backstory-ui` itself may have given the
 * element a shadow root of its own in its constructor: then the host is a plain <div>, which no
 * page constructor can claim, marked so the highlighter leaves it alone.
 */
function createHost(doc: Document): [HTMLElement, ShadowRoot] {
  const host = doc.createElement(HOST_TAG);
  try {
    return [host, host.attachShadow({ mode: 'open' })];
  } catch {
    const plain = doc.createElement('div');
    plain.setAttribute(HOST_FALLBACK_ATTRIBUTE, '');
    return [plain, plain.attachShadow({ mode: 'open' })];
  }
}

/** A constructed stylesheet where the browser takes one from this context, a <style> element otherwise. */
function adoptStyles(shadow: ShadowRoot, text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox content scripts may refuse a sheet built in the extension's compartment; fall through.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = text;
  shadow.append(style);
}

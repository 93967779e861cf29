/**
 * The card: background for a highlighted name, on hover, keyboard focus or tap.
 *
 * Decisions worth knowing before changing it:
 * - Touch: the first tap on a mention opens its card; if the mention sits inside a link, that tap
 *   does not follow the link. A tap on a mention whose card is already showing is left alone, so
 *   the second tap follows the link. Mouse clicks are never blocked.
 * - Colour scheme: taken from the page's own background (Yomitan's approach), falling back to
 *   prefers-color-scheme where the page paints none; both palettes meet WCAG AA.
 * - A link's native `title` tooltip is not suppressed: that would mean editing the page's
 *   attributes, which the extension never does.
 * - The host moves into the fullscreen element, or into an open modal <dialog> holding the
 *   mention, since outside those the card would be hidden or inert.
 */
export { createCardController, type CardController, type CardDeps } from './card-controller';

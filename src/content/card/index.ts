/** The card: background for a highlighted name, on hover, keyboard focus or tap. */
export { createCardController, type CardController, type CardDeps } from './card-controller';
export { HOST_TAG } from './card-view';

/** The bench's page-side helpers, bundled into one script (../in-page-script.ts) for the main world and the floor's isolated worlds. */
import { watchCard } from './card-watch';
import { floorPass } from './floor-pass';
import { hasSettled, installProbe, readProbe } from './probe';

const helpers = { installProbe, hasSettled, readProbe, floorPass, watchCard };

declare global {
  interface Window {
    __bench?: typeof helpers;
  }
}

window.__bench = helpers;

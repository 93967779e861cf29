/** The bench's page-side helpers, bundled into one script (../in-page-script.ts) and injected into the main world. */
import { watchCard } from './card-watch';
import { floorPass, highlightFloorPass } from './floor-pass';
import { hasSettled, installProbe, readProbe } from './probe';

const helpers = { installProbe, hasSettled, readProbe, floorPass, highlightFloorPass, watchCard };

export type BenchHelpers = typeof helpers;

declare global {
  interface Window {
    __bench?: BenchHelpers;
  }
}

window.__bench = helpers;

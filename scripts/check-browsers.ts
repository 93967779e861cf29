/**
 * Runs before the real-browser tests: both browsers must be installed, or the run stops here
 * with the one command that installs them, instead of failing later inside a launch.
 *
 * Also the one place that says where the browsers live, for the e2e harness and `npm start`.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BrowserName = 'chromium' | 'firefox';

/** Debian's packages; CHROMIUM_PATH / FIREFOX_PATH point elsewhere when a machine differs. */
export function browserPath(name: BrowserName): string {
  return name === 'chromium'
    ? process.env.CHROMIUM_PATH || '/usr/bin/chromium'
    : process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

const DEBIAN_PACKAGE: Record<BrowserName, string> = { chromium: 'chromium', firefox: 'firefox-esr' };
const ENV_OVERRIDE: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why `name` cannot run, naming its package and the path looked at; null when it is installed. */
export function missingBrowser(name: BrowserName): string | null {
  if (isExecutable(browserPath(name))) return null;
  return `${DEBIAN_PACKAGE[name]} is missing: no executable at ${browserPath(name)} (set ${ENV_OVERRIDE[name]} to use another path)`;
}

/** One line per missing browser. */
export function missingBrowsers(): string[] {
  return (['chromium', 'firefox'] as const).map(missingBrowser).filter((line): line is string => line !== null);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingBrowsers();
  if (missing.length > 0) {
    process.stderr.write(
      `${missing.join('\n')}\n\nThe real-browser tests need Chromium and Firefox ESR. Install them with:\n\n  ${INSTALL_COMMAND}\n\n`,
    );
    process.exit(1);
  }
}

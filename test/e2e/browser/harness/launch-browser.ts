import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; `.ci/run` installs it). */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Locally, without Chromium, they are skipped with a warning
 * (`describe.skipIf(!chromiumAvailable)`); under `CI=true` a missing Chromium is a failure: this
 * module throws on import, failing every browser test file.
 */
export const chromiumAvailable: boolean = (() => {
  if (existsSync(chromiumPath)) return true;
  if (process.env['CI'] === 'true') {
    throw new Error(`Chromium is missing at ${chromiumPath}: the browser tests cannot run. Install it (apt-get install -y chromium); under CI=true this is a failure, not a skip.`);
  }
  console.warn(`[browser tests] ${chromiumPath} not found: browser tests are skipped. Install chromium to run them.`);
  return false;
})();

/**
 * Starts headless Chromium with flags for a sandboxed, offline test box: no first-run or sync
 * chatter, no background or component-update traffic, no QUIC. Never a `--user-data-dir`:
 * Playwright gives each launch a fresh temporary profile. Close it in `afterAll`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Debian's chromium driven by playwright-core (never a downloaded browser). With CI=true a
 * missing chromium is a failure, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM_PATH);

if (chromiumMissing && process.env.CI === 'true') {
  throw new Error(`chromium is required in CI but missing at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
}
if (chromiumMissing) console.warn(`⚠ Browser tests SKIPPED (not CI): no chromium at ${CHROMIUM_PATH}`);

/** `extraArgs`: more chromium switches, e.g. `--host-resolver-rules` to open the app under a LAN-style name. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches the system Chromium headless. Missing, it fails with what to install: a browser test
 * that silently skipped would let a broken dashboard through CI.
 */
export async function launchChromium(executablePath = process.env.HOOKSIM_CHROMIUM ?? CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`the browser tests need Chromium at ${executablePath}: install it with \`apt-get install -y chromium\` (Debian), or set HOOKSIM_CHROMIUM to its path`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

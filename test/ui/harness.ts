import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/load.js';
import { startDashboard, type Dashboard } from '../../src/ui/server.js';
import { launchChromium } from './browser.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Where screenshots go: docs/screenshots/ for the README when asked (`npm run screenshots`), else a
 * scratch folder, so an ordinary test run leaves the working tree as it found it.
 */
const screenshots = process.env.HOOKSIM_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : join(tmpdir(), 'hooksim-screenshots/');

/** The dashboard over the bundled hooksim.config.ts (the demo targets), and a browser page on it. */
export interface Session {
  dashboard: Dashboard;
  browser: Browser;
  page: Page;
  /** Errors the page threw or logged: a test ends with none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  // The browser first: without Chromium the test fails right here, with what to install.
  const browser = await launchChromium();
  const { config } = await loadConfig(root);
  const dashboard = await startDashboard({ config, cwd: root, env: {}, port: 0, ports: { logto: 0, dexie: 0 } });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // A 400 is the server refusing bad input on purpose (shown on the page); anything else is a bug.
    if (message.type() === 'error' && !message.text().includes('status of 400')) pageErrors.push(message.text());
  });
  await page.goto(dashboard.url);
  await page.waitForSelector('body[data-ready="true"]');
  return {
    dashboard,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await dashboard.close();
    },
  };
}

/** Saves a screenshot of the page for the README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  // The caret blinks and the clock moves: hide what would make two runs' images differ for no reason.
  // A request preview still being rebuilt would show the previous event.
  await page.waitForSelector('#send-preview:not([data-pending="true"])', { state: 'attached' });
  const path = `${screenshots}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  // A view that rendered nothing would still "pass" the test that took it.
  if (statSync(path).size < 5_000) throw new Error(`screenshot ${name} is nearly empty (${statSync(path).size} bytes)`);
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script without types
import { embeddedSource } from '../../src/ui/embed-assets.mjs';
import { launchChromium } from './browser.js';

describe('dashboard assets', () => {
  it('the embedded copy is the asset files as they are (run `node src/ui/embed-assets.mjs` after editing them)', () => {
    expect(readFileSync(new URL('../../src/ui/assets/embedded.ts', import.meta.url), 'utf8')).toBe((embeddedSource as () => string)());
  });

  it('the page shows data as text only: no innerHTML, no eval, no inline script, nothing from another origin', () => {
    const script = readFileSync(new URL('../../src/ui/assets/app.js', import.meta.url), 'utf8');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    const html = readFileSync(new URL('../../src/ui/assets/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<script>|<style>|\son\w+=|(?:src|href)="(?:https?:)?\/\//);
    expect(html).toContain('<script type="module" src="/app.js"></script>');
  });
});

describe('the browser tests without Chromium', () => {
  it('fail with what to install, instead of skipping', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow('the browser tests need Chromium at /nonexistent/chromium: install it with `apt-get install -y chromium` (Debian), or set HOOKSIM_CHROMIUM to its path');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { startServe, type ServeProcess } from '../emulator/helpers.js';

let ui: ServeProcess;
beforeAll(async () => {
  // As on a fresh clone: the bundled hooksim.config.ts, no environment set up.
  ui = await startServe(['--port', '0', '--logto-port', '0', '--dexie-port', '0'], {}, 'ui');
}, 30_000);
afterAll(async () => {
  await ui?.stop();
});

describe('hooksim ui from the command line', () => {
  it('prints the dashboard URL with its token; the page is served with a strict content security policy', async () => {
    expect(ui.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const page = await fetch(ui.control);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>hooksim dashboard</title>');
  });

  it('offers the bundled demo targets, ready to use: a signed Logto event is accepted by the demo hook', async () => {
    const token = new URL(ui.control).searchParams.get('token')!;
    const catalog = (await (await fetch(new URL('/api/catalog', ui.control), { headers: { 'x-hooksim-token': token } })).json()) as { targets: { name: string }[]; signing: Record<string, boolean> };
    expect(catalog.targets.map((target) => target.name)).toEqual(expect.arrayContaining(['logto-signed', 'logto-default-role', 'dexie-domain', 'dexie-status-201', 'dexie-back-office']));
    // Every signing provider of the demo has its key configured (never sent to the page, only whether it is there).
    expect(catalog.signing).toEqual({ logto: true, enrollment: true, 'standard-webhooks': true });
    const triggered = await cli(['trigger', 'logto', 'PostRegister', '--to', 'logto-signed', '--emulator', ui.control]);
    expect(triggered.stderr).toBe('');
    expect(triggered.stdout).toContain('verdict  PASS: the hook kept the contract');
    expect(triggered.code).toBe(0);
  });

  it('a trigger without the token is refused by the dashboard', async () => {
    const url = new URL(ui.control);
    url.search = '';
    const refused = await cli(['trigger', 'logto', 'PostRegister', '--to', 'logto-signed', '--emulator', url.href]);
    expect(refused).toMatchObject({ code: 2, stderr: 'hooksim: refused: missing or wrong token (open the URL hooksim printed, with its ?token=)\n' });
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await ui.stop()).toBe(0);
  });
});

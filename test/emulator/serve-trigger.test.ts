import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { startExampleApp } from './fixtures/example-app.js';
import { startServe, type ServeProcess } from './helpers.js';

const signingKey = 'exampleAppSigningKey0123456789ab';
const config = 'test/emulator/fixtures/empty.config.json';
const ports = ['--port', '0', '--logto-port', '0', '--dexie-port', '0', '--config', config];

let running: { stop(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of running.reverse()) await thing.stop();
  running = [];
});

async function serve(extra: string[] = []): Promise<ServeProcess> {
  const started = await startServe([...ports, ...extra], { HOOKSIM_SIGNING_KEY: signingKey });
  running.push(started);
  return started;
}

async function managementUser(logto: string, userId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const tokenResponse = await fetch(`${logto}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'hooksim-m2m', client_secret: 'hooksim-m2m-secret', resource: 'https://default.logto.app/api', scope: 'all' }),
  });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(`${logto}/api/users/${userId}`, { headers: { authorization: `Bearer ${access_token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('hooksim serve + hooksim trigger drive an app started separately', () => {
  it('a triggered PostRegister reaches the app, which finds the new user in the emulator\'s Management API; the state file keeps the user across restarts', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'hooksim-serve-')), 'tenant.json');
    const emulator = await serve(['--state', stateFile]);
    const app = await startExampleApp({ logtoEndpoint: emulator.logto, signingKey });
    running.push({ stop: app.close });

    const triggered = await cli(['trigger', 'logto', 'PostRegister', '--to', `${app.url}/hooks/logto`, '--emulator', emulator.control, '--json']);
    expect(triggered.stderr).toBe('');
    expect(triggered.code).toBe(0);
    const delivery = JSON.parse(triggered.stdout) as { userId: string; verdict: { pass: boolean }; request: { headers: Record<string, string> } };
    expect(delivery.verdict.pass).toBe(true);
    // The page and the CLI never get the signature itself.
    expect(delivery.request.headers['logto-signature-sha-256']).toMatch(/^\[redacted/);

    // The app saw the event, and the user it speaks of was already in the tenant when the app asked.
    expect(app.seen).toEqual([{ event: 'PostRegister', userId: delivery.userId, apiStatus: 200, apiUser: expect.objectContaining({ id: delivery.userId }) }]);
    const fromApi = await managementUser(emulator.logto, delivery.userId);
    expect(fromApi.status).toBe(200);
    expect(fromApi.body.primaryEmail).toBe(app.seen[0]!.apiUser!.primaryEmail);

    // A sign-in of that same user, by id.
    const signIn = await cli(['trigger', 'logto', 'PostSignIn', '--to', `${app.url}/hooks/logto`, '--user', delivery.userId, '--emulator', emulator.control]);
    expect(signIn.code).toBe(0);
    expect(signIn.stdout).toContain(`user     ${delivery.userId}`);
    expect(app.seen.map((seen) => [seen.event, seen.userId])).toEqual([['PostRegister', delivery.userId], ['PostSignIn', delivery.userId]]);

    expect(await emulator.stop()).toBe(0);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { logto: { users: { id: string }[] } };
    expect(saved.logto.users.map((user) => user.id)).toEqual([delivery.userId]);

    const restarted = await serve(['--state', stateFile]);
    expect((await managementUser(restarted.logto, delivery.userId)).status).toBe(200);
    expect((await managementUser(restarted.logto, 'nobody')).status).toBe(404);
  }, 60_000);

  it('a hook that refuses the event: trigger exits 1 and prints the violation; bad input is one line with exit 2', async () => {
    const emulator = await serve();
    const app = await startExampleApp({ logtoEndpoint: emulator.logto, signingKey: 'anotherKeyTheEmulatorDoesNotUse0' });
    running.push({ stop: app.close });
    const triggered = await cli(['trigger', 'logto', 'PostRegister', '--to', `${app.url}/hooks/logto`, '--emulator', emulator.control]);
    expect(triggered.code).toBe(1);
    expect(triggered.stdout).toContain(': 401 in ');
    expect(triggered.stdout).toContain('Logto logs Error after 1 attempt(s)');
    expect(app.seen).toEqual([]);

    const unknownTarget = await cli(['trigger', 'logto', 'PostRegister', '--to', 'nope', '--emulator', emulator.control]);
    expect(unknownTarget).toMatchObject({ code: 2, stdout: '' });
    expect(unknownTarget.stderr).toBe('hooksim: unknown target "nope": no config file defines targets; a URL needs its scheme (http://...)\n');
    const unknownUser = await cli(['trigger', 'logto', 'PostSignIn', '--to', 'http://127.0.0.1:9/x', '--user', 'ghost', '--emulator', emulator.control]);
    // Logto creates the user before it fires PostRegister: the refused event's user is in the tenant all the same.
    const registered = /user {5}(\S+)/.exec(triggered.stdout)![1];
    expect(unknownUser.stderr).toBe(`hooksim: no user "ghost" in the emulator's Logto tenant; known: ${registered}\n`);
    await emulator.stop();
    const gone = await cli(['trigger', 'logto', 'PostRegister', '--to', 'http://127.0.0.1:9/x', '--emulator', emulator.control]);
    expect(gone).toMatchObject({ code: 2, stderr: `hooksim: no emulator at ${emulator.control}: start one with \`hooksim serve\` (or pass --emulator URL)\n` });
  }, 60_000);
});

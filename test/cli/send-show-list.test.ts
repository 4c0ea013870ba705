import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signLogtoBody } from '../../src/providers/logto/signing.js';
import { cli } from './helpers.js';

const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';
const NOW = '2026-03-01T09:00:00.000Z';
let server: Server;
let base: string;
const received: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/dexie-good') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, action: 'prod', userData: { displayName: 'Ada' } }));
      } else if (req.url === '/dexie-201') {
        res.statusCode = 201;
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true,"action":"eval"}');
      } else if (req.url === '/down') {
        res.statusCode = 503;
        res.end('maintenance');
      } else if (req.url === '/echo-key') {
        res.end(`your key is ${KEY}`);
      } else {
        res.statusCode = 204;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('hooksim send', () => {
  test('exit 0 and a human report when the Dexie hook keeps the contract', async () => {
    const { code, stdout, stderr } = await cli(['send', 'dexie-cloud', 'new-user', '--to', `${base}/dexie-good`, '--now', NOW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ the hook kept the contract');
    expect(stdout).toContain('"login": "accepted"');
    expect(stdout).toContain('"name": "Ada"');
  });

  test('exit 1 with the violation path when the hook answers 201', async () => {
    const { code, stdout } = await cli(['send', 'dexie-cloud', 'new-user', '--to', `${base}/dexie-201`]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/- status: expected status 200, got 201/);
    expect(stdout).toContain('WEBHOOK_ERROR');
  });

  test('signs with the key from HOOKSIM_SIGNING_KEY and never prints it, even when echoed back', async () => {
    const { code, stdout } = await cli(['send', 'logto', 'PostSignIn', '--to', `${base}/echo-key`, '--json', '--now', NOW], {
      HOOKSIM_SIGNING_KEY: KEY,
    });
    expect(code).toBe(0);
    expect(stdout).not.toContain(KEY);
    const result = JSON.parse(stdout);
    const last = received.at(-1)!;
    expect(last.headers['logto-signature-sha-256']).toBe(signLogtoBody(KEY, last.body));
    expect(result.request.body).toBe(last.body);
    expect(result.options.signingKey).toBe('[redacted]');
    expect(result.response.body).toBe('your key is [redacted]');
  });

  test('--set overrides a field before signing; --unset removes one', async () => {
    const { code } = await cli([
      'send', 'logto', 'PostRegister', '--to', `${base}/logto`, '--signing-key', KEY,
      '--set', 'user.primaryEmail=a@b.test', '--set', 'user.customData={"plan":"pro"}', '--unset', 'application',
    ]);
    expect(code).toBe(0);
    const last = received.at(-1)!;
    const body = JSON.parse(last.body);
    expect(body.user.primaryEmail).toBe('a@b.test');
    expect(body.user.customData).toEqual({ plan: 'pro' });
    expect('application' in body).toBe(false);
    expect(last.headers['logto-signature-sha-256']).toBe(signLogtoBody(KEY, last.body));
  });

  test('exit 1 and a clear message when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { code, stdout } = await cli(['send', 'logto', 'PostSignIn', '--to', `http://127.0.0.1:${port}/`]);
    expect(code).toBe(1);
    expect(stdout).toContain('connection refused');
  });

  test.each([
    [['send', 'dexie', 'new-user', '--to', 'http://127.0.0.1:9/'], /unknown provider "dexie" \(did you mean "dexie-cloud"\?\)/],
    [['send', 'logto', 'PostSigIn', '--to', 'http://127.0.0.1:9/'], /unknown logto event "PostSigIn" \(did you mean "PostSignIn"\?\)/],
    [['send', 'logto', 'User.Created', '--variant', 'managment-api', '--to', 'http://x/'], /did you mean "management-api"/],
    [['send', 'logto', 'PostSignIn', '--to', 'ftp://example.test/'], /only http and https/],
    [['send', 'logto', 'PostSignIn', '--to', 'not a url'], /invalid target URL "not a url"/],
    [['send', 'logto', 'PostSignIn'], /send needs --to/],
    [['send', 'logto', 'PostSignIn', '--to', 'http://x/', '--set', 'noequals'], /invalid --set "noequals": expected path=value/],
    [['send', 'logto', 'PostSignIn', '--to', 'http://x/', '--retries', 'always'], /retries/],
    [['send', 'logto', 'PostSignIn', '--to', 'http://x/', '--option', 'verison=1.43'], /unknown logto option "verison" \(did you mean "version"\?\)/],
    [['send', 'dexie-cloud', 'new-user', '--to', 'http://x/', '--retries', 'none'], /--retries does not apply to dexie-cloud/],
    [['send', 'logto', 'PostSignIn', '--to', 'http://x/', '--timeout', 'soon'], /--timeout expects a whole number/],
    [['send', 'logto', 'PostSignIn', '--to', 'http://x/', '--now', 'yesterday'], /--now expects an ISO date/],
    [['send', 'logto', 'PostSignIn', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('usage error %j: exit 2, one line, no stack', async (argv, message) => {
    const { code, stderr, stdout } = await cli(argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});

describe('hooksim show', () => {
  test('prints the exact body bytes with --raw; same seed and time give the same bytes', async () => {
    const a = await cli(['show', 'logto', 'User.Created', '--raw', '--seed', '7', '--now', NOW]);
    const b = await cli(['show', 'logto', 'User.Created', '--raw', '--seed', '7', '--now', NOW]);
    const c = await cli(['show', 'logto', 'User.Created', '--raw', '--seed', '8', '--now', NOW]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(Object.keys(JSON.parse(a.stdout))).toEqual([
      'event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId',
    ]);
  });

  test('--json shows the signature but not the key', async () => {
    const { code, stdout } = await cli(['show', 'logto', 'PostRegister', '--json', '--signing-key', KEY, '--now', NOW]);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown.request.headers['logto-signature-sha-256']).toBe(signLogtoBody(KEY, shown.request.body));
    expect(stdout).not.toContain(KEY);
  });

  test('sends nothing', async () => {
    const before = received.length;
    await cli(['show', 'dexie-cloud', 'new-user']);
    expect(received.length).toBe(before);
  });
});

describe('hooksim test-hook', () => {
  test('204 when the endpoint answers 2xx: exit 0, the fake payload shown, the key not', async () => {
    const { code, stdout } = await cli(['test-hook', 'PostRegister', 'Role.Created', '--to', `${base}/logto`, '--signing-key', KEY]);
    expect(code).toBe(0);
    expect(stdout).toContain('Logto answers 204');
    expect(stdout).toContain('"sessionId": "fake-session-id"');
    expect(stdout).toContain('"path": "/fake-path/:id"');
    expect(stdout).not.toContain(KEY);
  });

  test('422 with the endpoint status and body: exit 1', async () => {
    const { code, stdout } = await cli(['test-hook', 'PostSignIn', '--to', `${base}/down`, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).response).toEqual({
      status: 422,
      body: { code: 'hook.endpoint_responded_with_error', message: expect.any(String), data: { responseStatus: 503, responseBody: 'maintenance' } },
    });
  });

  test('an unknown event is a usage error with a suggestion', async () => {
    const { code, stderr } = await cli(['test-hook', 'PostRegistr', '--to', `${base}/logto`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/did you mean "PostRegister"/);
  });
});

describe('hooksim list and schema', () => {
  test('list names every provider, event and variant', async () => {
    const { code, stdout } = await cli(['list']);
    expect(code).toBe(0);
    for (const text of ['dexie-cloud', 'new-user', 'custom-auth', 'logto', 'PostRegister', 'User.Created', 'management-api']) {
      expect(stdout).toContain(text);
    }
  });

  test('schema prints a JSON Schema of the Dexie reply contract', async () => {
    const { code, stdout } = await cli(['schema', 'dexie-cloud', 'new-user-reply']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.properties.action.enum).toEqual(['reject', 'eval', 'prod']);
    expect(schema.required).toEqual(['ok', 'action']);
  });

  test('schema scenario prints the JSON Schema of scenario files, strict like the loader', async () => {
    const { code, stdout } = await cli(['schema', 'scenario']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.required).toEqual(['name', 'provider', 'steps']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.steps.items.properties)).toContain('deviate');
  });

  test('schema with an unknown contract suggests the nearest', async () => {
    const { code, stderr } = await cli(['schema', 'dexie-cloud', 'new-user-replies']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/did you mean "new-user-reply"/);
  });
});

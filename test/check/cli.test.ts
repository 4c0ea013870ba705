import { providers } from '../../src/providers/registry.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFailOpenSignatureHook } from '../../examples/logto/broken/fail-open-signature.js';
import { createNoOpUserStoreHook } from '../../examples/logto/broken/no-op-user-store.js';
import { createLogtoSignedHook } from '../../examples/logto/signed-hook.js';
import { cli } from '../cli/helpers.js';

const signingKey = 'cli-check-signing-key-0123456789';
const servers: Server[] = [];

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/logto`;
}

let good: string;
let failOpen: string;
let dir: string;

beforeAll(async () => {
  good = await serve(createLogtoSignedHook({ signingKey }).nodeHandler);
  failOpen = await serve(createFailOpenSignatureHook({ signingKey }).app);
  // 400 to requests without a signature: refused, but not with 401/403 (a warning).
  good400 = await serve((req, res) => {
    res.statusCode = req.headers['logto-signature-sha-256'] ? 200 : 400;
    res.end('{}');
  });
  dir = await mkdtemp(join(tmpdir(), 'hooksim-check-'));
});
let good400: string;

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const base = (to: string, ...more: string[]) => ['check', 'logto', '--to', to, '--signing-key', signingKey, '--fuzz', '0', ...more];

describe('hooksim check: exit codes', () => {
  it('0 when no check fails, with the pretty report on stdout', async () => {
    const { code, stdout, stderr } = await cli(base(good, '--only', 'signature.', '--only', 'body.'));
    expect(stderr).toBe('');
    expect(stdout).toContain('✔ signature.missing  refused with 401/403');
    expect(stdout).toMatch(/Checks {4}8: 8 passed, 0 failed, 0 warnings\n/);
    expect(code).toBe(0);
  });

  it('1 when a check fails', async () => {
    const { code, stdout } = await cli(base(failOpen, '--only', 'signature.missing'));
    expect(stdout).toContain('✘ signature.missing  a request without a signature is refused');
    expect(stdout).toContain(`replay: printf %s '{"event":"User.Created"`);
    expect(stdout).toContain(`'${failOpen}'`);
    expect(code).toBe(1);
  });

  it('a warning passes, and fails with --strict', async () => {
    const lenient = await cli(base(good400, '--only', 'signature.missing'));
    expect(lenient.stdout).toContain('! signature.missing');
    expect(lenient.code).toBe(0);
    const strict = await cli(base(good400, '--only', 'signature.missing', '--strict'));
    expect(strict.stdout).toContain('(strict: warnings fail)');
    expect(strict.code).toBe(1);
  });

  it.each([
    [['check', 'logto'], 'hooksim: check needs --to <url|target>: the hook to audit'],
    [['check', 'logtoo', '--to', 'http://127.0.0.1:1/'], `hooksim: unknown provider "logtoo" (did you mean "logto"?); known: ${providers.map((provider) => provider.name).join(', ')}`],
    [['check', 'logto', '--to', 'http://127.0.0.1:1/', '--reporter', 'junitt'], 'hooksim: unknown reporter "junitt" (did you mean "junit"?); reporters: pretty, json, junit, github'],
    [['check', 'logto', '--to', 'http://127.0.0.1:1/', '--fuzz', '-1'], 'hooksim: --fuzz expects a whole number >= 0, got "-1"'],
    [['check', 'logto', '--to', 'http://127.0.0.1:1/', '--events', 'PostRegister,User.Craeted'], 'hooksim: unknown logto event "User.Craeted" (did you mean "User.Created"?); see `hooksim list`'],
    [['check', 'logto', '--to', 'http://127.0.0.1:1/', '--effects', 'no-such-file.yaml'], 'hooksim: --effects no-such-file.yaml: no such file'],
    [['check', 'dexie-cloud', '--to', 'http://127.0.0.1:1/', '--signing-key', 'k'], 'hooksim: dexie-cloud does not sign its requests: --signing-key does not apply'],
    [['check', 'logto', '--to', 'not a url'], 'hooksim: unknown target "not a url": no config file defines targets; a URL needs its scheme (http://...)'],
  ])('2 on a usage error, in one line: %j', async (argv, message) => {
    const { code, stderr, stdout } = await cli(argv, {}, dir);
    expect(stderr).toBe(`${message}\n`);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('2 on an effects file that is not data the command understands', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'User.Created:\n  request: users/1\n');
    const { code, stderr } = await cli(base(good, '--effects', 'bad.yaml'), {}, dir);
    expect(stderr).toBe('hooksim: bad.yaml: User.Created.request: expected "METHOD /path", e.g. "GET /users/${data.id}"\n');
    expect(code).toBe(2);
  });
});

describe('hooksim check: output', () => {
  it('--json prints one JSON document, the key nowhere in it', async () => {
    const { code, stdout } = await cli(base(failOpen, '--only', 'signature.missing', '--json'));
    const report = JSON.parse(stdout) as { exitCode: number; checks: { id: string; status: string }[] };
    expect(report.checks).toEqual([expect.objectContaining({ id: 'signature.missing', status: 'fail' })]);
    expect(stdout).not.toContain(signingKey);
    expect(code).toBe(1);
  });

  it('--reporter junit --out writes the XML file, pretty still on stdout', async () => {
    const { code, stdout } = await cli(base(failOpen, '--only', 'signature.missing', '--reporter', 'pretty', '--reporter', 'junit', '--out', 'reports/check.xml'), {}, dir);
    expect(stdout).toContain('✘ signature.missing');
    const xml = await readFile(join(dir, 'reports/check.xml'), 'utf8');
    expect(xml).toContain('<testcase name="signature.missing" classname="signature"');
    expect(xml).toContain('<failure message="missing: accepted (status 200)" type="fail">');
    expect(code).toBe(1);
  });

  it('a config target name works in --to (JSON config with a URL target)', async () => {
    await writeFile(join(dir, 'hooksim.config.json'), JSON.stringify({ targets: { 'my-hook': good } }));
    const { code, stdout } = await cli(['check', 'logto', '--to', 'my-hook', '--signing-key', signingKey, '--fuzz', '0', '--only', 'signature.tampered'], {}, dir);
    expect(stdout).toContain('✔ signature.tampered');
    expect(code).toBe(0);
  });

  it('HOOKSIM_SIGNING_KEY stands in for --signing-key', async () => {
    const { code, stdout } = await cli(['check', 'logto', '--to', good, '--fuzz', '0', '--only', 'signature.wrong-key'], { HOOKSIM_SIGNING_KEY: signingKey });
    expect(stdout).toContain('✔ signature.wrong-key');
    expect(code).toBe(0);
  });
});

describe('effects from the config file', () => {
  it('a config effect is checked like --effects, and a failing one fails the run', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hooksim-check-config-'));
    // The no-op hook answers 2xx but stores nothing: the config's effect must catch it.
    await writeFile(
      join(folder, 'hooksim.config.json'),
      JSON.stringify({ effects: { 'User.Created': { request: 'GET /users/${data.id}', expect: { status: 200 } } } }),
    );
    const noOpUrl = (await serve(createNoOpUserStoreHook({ signingKey }).app)).replace('/hooks/logto', '/hook');
    const { code, stdout } = await cli(['check', 'logto', '--to', noOpUrl, '--signing-key', signingKey, '--fuzz', '0', '--only', 'effects.User.Created'], {}, folder);
    expect(stdout).toMatch(/✘ effects\.User\.Created/);
    expect(stdout).toContain('expected status 200, got 404');
    expect(code).toBe(1);
    // Without the config's effects the same run has nothing to check there.
    const without = await cli(['check', 'logto', '--to', noOpUrl, '--signing-key', signingKey, '--fuzz', '0', '--only', 'events.User.Created'], {}, dir);
    expect(without.code).toBe(0);
  });
});

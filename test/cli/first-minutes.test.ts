/** The first five minutes with the CLI, as a new user meets it (issue 8 §6). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signLogtoBody } from '../../src/providers/logto/signing.js';
import { cli } from './helpers.js';

const KEY = 'firstMinutesKey0123456789abcdefg';
let server: Server;
let base: string;
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      if (req.url === '/moved') {
        res.writeHead(307, { location: '/logto' }).end();
        return;
      }
      const signed = req.headers['logto-signature-sha-256'] === signLogtoBody(KEY, body);
      res.writeHead(signed ? 204 : 401).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('help', () => {
  test('bare hooksim shows the help on stderr and exits 2 (a CI step that lost its command fails)', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: hooksim');
    expect(result.stderr).toContain('Exit codes:');
    expect(result.stdout).toBe('');
  });

  test('--help exits 0 with the commands and exit codes', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/send \[options\] <provider> <event>/);
    expect(result.stdout).toContain('2  usage or configuration error');
  });

  test("a command's --help marks required and repeatable flags, shows defaults, two examples and exit codes", async () => {
    const result = await cli(['send', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--to <url>\s+the hook URL \(http or https\) \[required\]/);
    expect(result.stdout).toMatch(/--set <path=value>[^-]*repeatable/);
    expect(result.stdout).toMatch(/--seed <n>[^-]*\(default: "1"\)/);
    expect(result.stdout.match(/^ {2}\$ hooksim send/gm)).toHaveLength(2);
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  test('an unknown command is one line with a suggestion', async () => {
    const result = await cli(['sned']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("hooksim: unknown command 'sned' (Did you mean send?)\n");
  });
});

describe('options read as their schema expects', () => {
  test('--option version=1.43 is the string profile 1.43, not the number 1.43', async () => {
    const result = await cli(['show', 'logto', 'PostRegister', '--option', 'version=1.43', '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).options.version).toBe('1.43');
  });

  test('numbers and booleans still parse: timeoutMs=5000, devFeatures=true', async () => {
    const result = await cli(['show', 'logto', 'PostRegister', '--option', 'timeoutMs=5000', '--option', 'devFeatures=true', '--json']);
    expect(JSON.parse(result.stdout).options).toMatchObject({ timeoutMs: 5000, devFeatures: true });
  });

  test('a value the schema refuses is a usage error', async () => {
    const result = await cli(['show', 'logto', 'PostRegister', '--option', 'version=1.0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hooksim: .*version/);
  });

  test('test-hook --version 1.43 selects the profile and sends (it does not print hooksim\'s version)', async () => {
    const before = bodies.length;
    const result = await cli(['test-hook', 'PostRegister', '--to', `${base}/logto`, '--signing-key', KEY, '--version', '1.43']);
    expect(result.stdout).not.toBe('0.1.0\n');
    expect(bodies.length).toBe(before + 1);
    expect(result.code).toBe(0);
  });

  test('hooksim --version prints the package version', async () => {
    const result = await cli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});

describe('send explains what a newcomer gets wrong', () => {
  test('an unsigned Logto request refused with 401 comes with a note on how to sign', async () => {
    const result = await cli(['send', 'logto', 'PostRegister', '--to', `${base}/logto`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/note: unsigned: .*--signing-key or HOOKSIM_SIGNING_KEY/);
  });

  test('a signed request has no such note', async () => {
    const result = await cli(['send', 'logto', 'PostRegister', '--to', `${base}/logto`, '--signing-key', KEY]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('unsigned');
  });

  test('--to without a scheme suggests http://', async () => {
    const result = await cli(['send', 'dexie-cloud', 'new-user', '--to', 'localhost:4005']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(did you mean "http://localhost:4005"?)');
  });

  test('a redirect that was followed is shown', async () => {
    const result = await cli(['send', 'logto', 'PostRegister', '--to', `${base}/moved`, '--signing-key', KEY]);
    expect(result.stdout).toMatch(/followed 307 redirect to http:\/\/127\.0\.0\.1:\d+\/logto/);
    expect(result.code).toBe(0);
  });
});

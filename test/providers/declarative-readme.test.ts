import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the tutorial's hook is plain JavaScript
import { acmeHook } from '../../examples/own-provider/hook.mjs';
import { loadProviderFile } from '../../src/providers/declarative/load.js';
import { send } from '../../src/send.js';
import { cli } from '../cli/helpers.js';

/**
 * The README's "Your own provider" section, step by step, in a fresh folder holding what the
 * section tells the reader to write (examples/own-provider): list, show, send, run, the library,
 * and the error a typo gives.
 */
const KEY = 'whsec_test';
let dir: string;
let url: string;
let server: { close(): void; listen(port: number, host: string, done: () => void): void; address(): AddressInfo };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hooksim-own-provider-'));
  cpSync(join(import.meta.dirname, '../../examples/own-provider'), dir, { recursive: true });
  server = acmeHook(KEY);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${server.address().port}/webhooks/acme`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const FILE = ['--provider-file', 'providers/acme.provider.yaml'];

describe('Your own provider (README)', () => {
  it('1. hooksim list shows the provider from the file', async () => {
    const { code, stdout } = await cli(['list', ...FILE, 'acme'], {}, dir);
    expect(code).toBe(0);
    expect(stdout).toBe('acme  Acme billing webhooks\n  invoice.paid  An invoice was paid\n                  --variant default (default): An invoice was paid\n');
    // Before the command too, as a global option.
    expect((await cli([...FILE, 'list', 'acme'], {}, dir)).stdout).toBe(stdout);
  });

  it('2. hooksim show prints the exact request, signed Stripe-style in acme-signature', async () => {
    const { code, stdout } = await cli(['show', ...FILE, 'acme', 'invoice.paid', '--signing-key', KEY, '--now', '2026-01-01T00:00:00Z'], {}, dir);
    expect(code).toBe(0);
    expect(stdout).toContain('  user-agent: Acme-Webhooks/1.0\n  acme-signature: t=1767225600,v1=');
    expect(stdout).toContain('"created": 1767225600');
    expect(stdout).toMatch(/"customer": "cus_[a-z0-9]{14}"/);
  });

  it('3. hooksim send delivers it to the hook, which verifies it', async () => {
    const { code, stdout } = await cli(['send', ...FILE, 'acme', 'invoice.paid', '--to', url, '--signing-key', KEY], {}, dir);
    expect(code).toBe(0);
    expect(stdout).toContain('✔ the hook kept the contract');
    expect(stdout).toContain('decision: invoice marked paid');
  });

  it('4. hooksim run takes the provider from the config and runs the scenario', async () => {
    const { code, stdout } = await cli(['run', '--target', url], {}, dir);
    expect(code).toBe(0);
    expect(stdout).toContain('✔ no signature (invoice.paid) status 401');
    expect(stdout).toContain('✔ signed 15 minutes ago (invoice.paid) status 401');
    expect(stdout).toContain('Steps      3 passed');
  });

  it('4b. a hook that does not check the timestamp fails the scenario', async () => {
    const lax = (await import('node:http')).createServer((_req, res) => res.writeHead(200).end('{}'));
    await new Promise<void>((done) => lax.listen(0, '127.0.0.1', done));
    try {
      const { code, stdout } = await cli(['run', '--target', `http://127.0.0.1:${(lax.address() as AddressInfo).port}/`], {}, dir);
      expect(code).toBe(1);
      expect(stdout).toContain('✘ no signature (invoice.paid)');
    } finally {
      lax.close();
    }
  });

  it('5. the library: loadProviderFile, then send({ provider })', async () => {
    const acme = await loadProviderFile(join(dir, 'providers/acme.provider.yaml'));
    const result = await send({ provider: acme, event: 'invoice.paid', target: url, signingKey: KEY });
    expect(result.verdict.pass).toBe(true);
    expect(result.outcome).toEqual({ delivered: true, result: 'invoice marked paid', status: 200, attempts: 1 });
  });

  it('6. a typo is one line with file:line:column and a suggestion, exit 2', async () => {
    const path = join(dir, 'providers/broken.provider.yaml');
    writeFileSync(path, readFileSync(join(dir, 'providers/acme.provider.yaml'), 'utf8').replace('number.int', 'number.integer'));
    const { code, stderr } = await cli(['list', '--provider-file', 'providers/broken.provider.yaml'], {}, dir);
    expect(code).toBe(2);
    expect(stderr).toBe('hooksim: providers/broken.provider.yaml:19:25: unknown generator "number.integer" (did you mean "number.int"?)\n');
  });
});

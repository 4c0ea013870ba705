// `--signing-key` and HOOKSIM_SIGNING_KEY fill the option the provider names for its key: a
// provider file's `keyOption`, whatever it is called, not only an option named `signingKey`.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'hooksim-key-option-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILE = join(dir, 'keyed.provider.yaml');
writeFileSync(
  FILE,
  `hooksim: provider/v1
name: keyed
title: A provider whose key option is not called signingKey
events:
  - name: ping
    summary: A ping
    payload: { kind: ping }
request:
  signing: { scheme: hmac-sha256-hex, header: x-keyed-signature, keyOption: endpointSecret }
reply:
  success: 2xx
`,
);

/** The request `hooksim show` prints, as JSON. */
async function shown(args: string[], env: Record<string, string> = {}) {
  const result = await cli(['show', '--provider-file', FILE, 'keyed', 'ping', '--json', ...args], env);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { options: Record<string, unknown>; request: { headers: Record<string, string> } };
}

describe('--signing-key goes to the option the provider names', () => {
  it('fills a provider file’s keyOption and signs with it', async () => {
    const signed = await shown(['--signing-key', 'flag-secret']);
    expect(signed.request.headers['x-keyed-signature']).toMatch(/^[0-9a-f]{64}$/);
    const same = await shown(['--option', 'endpointSecret=flag-secret']);
    expect(signed.request.headers['x-keyed-signature']).toBe(same.request.headers['x-keyed-signature']);
  });

  it('takes HOOKSIM_SIGNING_KEY for that option when no flag is given', async () => {
    const fromEnv = await shown([], { HOOKSIM_SIGNING_KEY: 'flag-secret' });
    const fromFlag = await shown(['--signing-key', 'flag-secret']);
    expect(fromEnv.request.headers['x-keyed-signature']).toBe(fromFlag.request.headers['x-keyed-signature']);
  });

  it('leaves the request unsigned without a key', async () => {
    expect((await shown([])).request.headers['x-keyed-signature']).toBeUndefined();
  });

  it('is a usage error for a provider that does not sign', async () => {
    const result = await cli(['show', 'dexie-cloud', 'new-user', '--signing-key', 'k']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('hooksim: --signing-key does not apply to dexie-cloud\n');
  });
});

describe('hooksim load --signing-key', () => {
  it('signs every request with the key in the option the provider names', async () => {
    const seen: boolean[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push(req.headers['x-keyed-signature'] === createHmac('sha256', 'load-secret').update(Buffer.concat(chunks)).digest('hex'));
        res.end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await cli(['load', '--provider-file', FILE, 'keyed', 'ping', '--to', `http://127.0.0.1:${port}/`, '--signing-key', 'load-secret', '--events', '3', '--connections', '1', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(seen).toEqual([true, true, true]);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});

describe('the library signingKey shortcut', () => {
  it('prepareEvent({ signingKey }) fills the option the provider names, as the flag does', async () => {
    const { loadProviderFile } = await import('../../src/providers/declarative/load.js');
    const { prepareEvent } = await import('../../src/send.js');
    const keyed = await loadProviderFile(FILE);
    const viaShortcut = prepareEvent({ provider: keyed, event: 'ping', now: 0, signingKey: 'lib-secret' } as never);
    const viaOption = prepareEvent({ provider: keyed, event: 'ping', now: 0, options: { endpointSecret: 'lib-secret' } } as never);
    expect(viaShortcut.request.headers['x-keyed-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(viaShortcut.request.headers['x-keyed-signature']).toBe(viaOption.request.headers['x-keyed-signature']);
  });
});

describe('the loadTest signingKey shortcut', () => {
  it('signs every event with the key in the option the provider names', async () => {
    const { loadProviderFile } = await import('../../src/providers/declarative/load.js');
    const { createEventStream } = await import('../../src/load/stream.js');
    const keyed = await loadProviderFile(FILE);
    const stream = createEventStream({ provider: keyed, events: ['ping'], signingKey: 'load-secret' });
    expect(stream.options).toMatchObject({ endpointSecret: 'load-secret' });
  });
});

import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { selfSignedCertificate } from '../faults/tls.js';
import { cli } from './helpers.js';

let server: Server;
let url: string;

beforeAll(async () => {
  const { cert, key } = selfSignedCertificate();
  server = createServer({ cert, key }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"action":"prod"}'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('send to a hook with a self-signed certificate', () => {
  test('is refused with a tls error that names the ways out (exit 1)', async () => {
    const result = await cli(['send', 'dexie-cloud', 'new-user', '--to', url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/no reply: .*(certificate|self-signed)/i);
    expect(result.stdout).toContain('NODE_EXTRA_CA_CERTS');
  });

  test('is delivered with --insecure (exit 0)', async () => {
    const result = await cli(['send', 'dexie-cloud', 'new-user', '--to', url, '--insecure']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('decision: prod user');
  });

  test('--max-total-ms must be a whole number', async () => {
    const result = await cli(['send', 'dexie-cloud', 'new-user', '--to', url, '--max-total-ms', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('hooksim: --max-total-ms expects a whole number >= 1, got "soon"\n');
  });
});

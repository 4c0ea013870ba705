import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { send } from '../../src/send.js';
import { transportFor } from '../../src/transports/target.js';

const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';
let server: Server | undefined;

/** A hook that counts the TCP connections it accepted; `close` answers with `connection: close`. */
async function hook(close = false): Promise<{ url: string; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (close) res.setHeader('connection', 'close');
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
  });
  server.on('connection', (socket: Socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, sockets };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('URL transport keeps connections alive, as fetch does', () => {
  test('three events in a row over one transport use one connection', async () => {
    const { url, sockets } = await hook();
    const transport = transportFor(url);
    for (const seed of [1, 2, 3]) {
      const result = await send({ provider: 'logto', event: 'PostRegister', seed, signingKey: KEY, target: transport });
      expect(result.verdict.pass).toBe(true);
    }
    await transport.close();
    expect(sockets).toHaveLength(1);
  });

  test('a reply with connection: close is not reused: each event opens its own connection', async () => {
    const { url, sockets } = await hook(true);
    const transport = transportFor(url);
    for (const seed of [1, 2, 3]) {
      const result = await send({ provider: 'logto', event: 'PostRegister', seed, signingKey: KEY, target: transport });
      expect(result.verdict.pass).toBe(true);
    }
    await transport.close();
    expect(sockets).toHaveLength(3);
  });

  test('concurrent events open one connection each, then reuse them', async () => {
    const { url, sockets } = await hook();
    const transport = transportFor(url);
    const wave = () => Promise.all([1, 2, 3].map((seed) => send({ provider: 'logto', event: 'PostRegister', seed, signingKey: KEY, target: transport })));
    await wave();
    const results = await wave();
    await transport.close();
    expect(results.every((result) => result.verdict.pass)).toBe(true);
    expect(sockets).toHaveLength(3);
  });

  test('close() closes the idle connections (the hook sees them end)', async () => {
    const { url, sockets } = await hook();
    const transport = transportFor(url);
    await send({ provider: 'logto', event: 'PostRegister', seed: 1, signingKey: KEY, target: transport });
    const ended = new Promise((resolve) => sockets[0]!.once('close', resolve));
    expect(sockets[0]!.destroyed).toBe(false);
    await transport.close();
    await ended;
    expect(sockets[0]!.destroyed).toBe(true);
  });
});

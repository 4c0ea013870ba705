import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadTest } from '../../src/load/index.js';
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
  const open = server;
  server = undefined;
  if (!open) return;
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
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

describe('load runs reuse connections, and lose no event when the hook closes them', () => {
  /** A hook counting its TCP connections, with the server tuned by `tune`. */
  async function countingHook(tune: (server: Server) => void = () => undefined) {
    const bodies: string[] = [];
    const sockets: Socket[] = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    });
    tune(server);
    server.on('connection', (socket: Socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, sockets };
  }

  test('one connection carries 25 events in a row', async () => {
    const hook = await countingHook();
    const report = await loadTest({ provider: 'logto', events: ['PostRegister'], target: hook.url, signingKey: KEY, count: 25, connections: 1 });
    expect(report.tally).toMatchObject({ sent: 25, kept: 25 });
    expect(hook.bodies).toHaveLength(25);
    expect(hook.sockets).toHaveLength(1);
  });

  test('4 connections carry 100 events: no more sockets than connections', async () => {
    const hook = await countingHook();
    const report = await loadTest({ provider: 'logto', events: ['PostRegister'], target: hook.url, signingKey: KEY, count: 100, connections: 4 });
    expect(report.tally).toMatchObject({ sent: 100, kept: 100 });
    expect(hook.sockets).toHaveLength(4);
  });

  test('a hook that closes each connection after 3 requests (connection: close on the third) gets every event once', async () => {
    const hook = await countingHook((s) => (s.maxRequestsPerSocket = 3));
    const report = await loadTest({ provider: 'logto', events: ['PostRegister'], target: hook.url, signingKey: KEY, count: 30, connections: 2 });
    expect(report.tally).toMatchObject({ sent: 30, kept: 30, errored: 0 });
    expect(hook.bodies).toHaveLength(30);
    expect(new Set(hook.bodies).size).toBe(30);
    expect(hook.sockets).toHaveLength(10);
  });

  test('a hook whose idle connections close too soon to reuse (keep-alive: timeout=1) gets every event once, each on its own connection', async () => {
    const hook = await countingHook((s) => (s.keepAliveTimeout = 1000));
    const report = await loadTest({ provider: 'logto', events: ['PostRegister'], target: hook.url, signingKey: KEY, count: 12, connections: 3 });
    expect(report.tally).toMatchObject({ sent: 12, kept: 12, errored: 0 });
    expect(new Set(hook.bodies).size).toBe(12);
    expect(hook.sockets).toHaveLength(12);
  });
});

describe('a connection is reused only after a clean reply', () => {
  test('bytes after the reply (more than its content-length) keep the reply but retire the connection', async () => {
    const { serveRaw, readRequest, closeAll } = await import('../transports/helpers.js');
    let connections = 0;
    const { url } = await serveRaw((socket) => {
      connections++;
      readRequest(socket, () => socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}EXTRA'));
    });
    const transport = transportFor(`${url}/hook`);
    try {
      for (const seed of [1, 2]) {
        const result = await send({ provider: 'logto', event: 'PostRegister', seed, signingKey: KEY, target: transport });
        expect(result.response?.body).toBe('{"ok":true}');
        expect(result.verdict.pass).toBe(true);
      }
    } finally {
      await transport.close();
      await closeAll();
    }
    expect(connections).toBe(2);
  });
});

describe('idle connections', () => {
  test('an idle connection is closed once it has idled the server\'s keep-alive timeout less 2 s (as undici does), not before', async () => {
    const { serveRaw, readRequest, closeAll } = await import('../transports/helpers.js');
    // A hook that announces `keep-alive: timeout=5` and never closes a connection itself:
    // only hooksim can, after 3 s idle.
    const sockets: Socket[] = [];
    const { url } = await serveRaw((socket) => {
      sockets.push(socket);
      readRequest(socket, () => socket.write('HTTP/1.1 200 OK\r\nconnection: keep-alive\r\nkeep-alive: timeout=5\r\ncontent-length: 2\r\n\r\n{}'));
    });
    // The pool's clock and timers only: sockets run on real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const transport = transportFor(`${url}/hook`);
    try {
      const deliver = async (seed: number) => expect((await send({ provider: 'logto', event: 'PostRegister', seed, signingKey: KEY, target: transport })).verdict.pass).toBe(true);
      await deliver(1);
      const closed = new Promise((resolve) => sockets[0]!.once('close', resolve));
      // 2.9 s idle: kept, and reused.
      vi.advanceTimersByTime(2_900);
      await deliver(2);
      // 2.9 s more: idle since the second reply only, so kept again (5.8 s after the first).
      vi.advanceTimersByTime(2_900);
      await deliver(3);
      expect(sockets).toHaveLength(1);
      // 3 s idle: closed by hooksim; the next event opens a new connection.
      vi.advanceTimersByTime(3_000);
      await closed;
      await deliver(4);
      expect(sockets).toHaveLength(2);
    } finally {
      vi.useRealTimers();
      await transport.close();
      await closeAll();
    }
  });
});

import { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { send } from '../../src/send.js';
import { nodeHandlerTransport } from '../../src/transports/node-handler.js';
import { closeAll, readRequest, serveHttp, serveRaw } from './helpers.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll();
});

const LIMITS = { timeoutMs: 2000, maxReplyBytes: 1024 };
const wire = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{"n":1}' };

describe('in-process delivery to a Node handler', () => {
  test('the app is left as it was: the same instance then serves real sockets (prototypes untouched)', async () => {
    const app = express();
    app.post('/hook', express.json(), (req, res) => res.json({ n: (req.body as { n: number }).n }));
    const requestProto = Object.getPrototypeOf(app.request) as object;
    const transport = nodeHandlerTransport(app, '/hook');
    expect((await transport.send(wire, LIMITS)).reply?.body).toBe('{"n":1}');
    await transport.close();
    expect(Object.getPrototypeOf(app.request)).toBe(requestProto);
    const { url } = await serveHttp(app);
    const response = await fetch(`${url}/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":2}' });
    expect(await response.json()).toEqual({ n: 2 });
  });

  test('a redirect within the app is followed in-process, with no socket', async () => {
    const app = express();
    app.post('/old', (_req, res) => res.redirect(308, '/new'));
    app.post('/new', express.text({ type: '*/*' }), (req, res) => res.json({ body: req.body as string, method: req.method }));
    const connect = vi.spyOn(Socket.prototype, 'connect');
    const result = await nodeHandlerTransport(app, '/old').send(wire, LIMITS);
    expect(result.reply).toMatchObject({ status: 200, redirects: [{ status: 308, location: 'http://hooksim.localhost/new' }] });
    expect(JSON.parse(result.reply!.body)).toEqual({ body: '{"n":1}', method: 'POST' });
    expect(connect).not.toHaveBeenCalled();
  });

  test('a gzip reply is decoded as fetch decodes it, in-process and over a URL alike', async () => {
    const handler = (_req: unknown, res: { writeHead(s: number, h: object): void; end(b: Buffer): void }) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"compressed":true}'));
    };
    const { url } = await serveHttp(handler as never);
    const inProcess = await nodeHandlerTransport(handler as never).send(wire, LIMITS);
    const { httpTransport } = await import('../../src/transports/http.js');
    const overUrl = await httpTransport(new URL(url)).send(wire, LIMITS);
    for (const result of [inProcess, overUrl]) expect(result.reply).toMatchObject({ status: 200, body: '{"compressed":true}', bytes: 19 });
  });

  test('a handler that throws, or rejects, fails that attempt only (handler-threw), never the process', async () => {
    const sync = await send({ provider: 'logto', event: 'PostSignIn', target: () => { throw new Error('boom'); } });
    expect(sync.error).toEqual({ kind: 'handler-threw', message: 'the in-process app threw: boom' });
    const rejecting = await send({ provider: 'logto', event: 'PostSignIn', target: async () => Promise.reject(new Error('async boom')) });
    expect(rejecting.error).toEqual({ kind: 'handler-threw', message: 'the in-process app threw: async boom' });
    expect(rejecting.outcome).toMatchObject({ result: 'Error' });
  });

  test('concurrent sends on one transport each get their own reply', async () => {
    let n = 0;
    const transport = nodeHandlerTransport((_req, res) => {
      const mine = ++n;
      setImmediate(() => res.end(String(mine)));
    });
    const replies = await Promise.all([1, 2, 3].map(() => transport.send(wire, LIMITS)));
    expect(replies.map((r) => r.reply?.body).sort()).toEqual(['1', '2', '3']);
    await transport.close();
  });

  test('a fetch handler reply over the cap is counted whole and kept as a prefix', async () => {
    const { fetchHandlerTransport } = await import('../../src/transports/fetch-handler.js');
    const result = await fetchHandlerTransport(() => new Response('f'.repeat(5000))).send(wire, LIMITS);
    expect(result.reply).toMatchObject({ status: 200, bytes: 5000, truncated: true, body: 'f'.repeat(1024) });
  });

  test("the server's own reason phrase is kept (ky's HTTPError quotes it), empty when none", async () => {
    const custom = await nodeHandlerTransport((_req, res) => res.writeHead(418, 'Short And Stout').end()).send(wire, LIMITS);
    expect(custom.reply).toMatchObject({ status: 418, statusText: 'Short And Stout' });
    const { url } = await serveRaw((socket) => readRequest(socket, () => socket.end('HTTP/1.1 500\r\ncontent-length: 0\r\n\r\n')));
    const { httpTransport } = await import('../../src/transports/http.js');
    expect((await httpTransport(new URL(url)).send(wire, LIMITS)).reply).toMatchObject({ status: 500, statusText: '' });
  });
});

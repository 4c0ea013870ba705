// nock only in this file (msw and nock share @mswjs/interceptors: ../shared/STACK.md).
import { Server as HttpServer } from 'node:http';
import { Socket } from 'node:net';
import express from 'express';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { send } from '../../src/send.js';
import { closeAll, serveHttp } from './helpers.js';

const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';

beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  nock.cleanAll();
  vi.restoreAllMocks();
  await closeAll();
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('in-process delivery after nock.disableNetConnect()', () => {
  test('opens no socket; the app\'s own outbound call is answered by nock', async () => {
    nock('https://crm.example.test').post('/contacts').reply(201, { id: 'c_1' });
    const app = express();
    app.post('/hook', express.json(), async (_req, res) => {
      const created = (await (await fetch('https://crm.example.test/contacts', { method: 'POST', body: '{}' })).json()) as { id: string };
      res.json({ contact: created.id });
    });
    const connect = vi.spyOn(Socket.prototype, 'connect');
    const listen = vi.spyOn(HttpServer.prototype, 'listen');
    const result = await send({ provider: 'logto', event: 'PostRegister', target: { app, path: '/hook' }, signingKey: KEY });
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.response!.body)).toEqual({ contact: 'c_1' });
    expect(connect).not.toHaveBeenCalled();
    expect(listen).not.toHaveBeenCalled();
    expect(nock.isDone()).toBe(true);
  });

  test('the same app over a plain Node handler, judged the same way', async () => {
    const result = await send({ provider: 'logto', event: 'PostSignIn', target: (_req, res) => res.writeHead(401).end('{"error":"bad signature"}'), signingKey: KEY });
    expect(result.response).toMatchObject({ status: 401, body: '{"error":"bad signature"}' });
    expect(result.verdict.violations[0]).toMatchObject({ path: 'status' });
  });

  test('a URL target is delivered on hooksim\'s own socket: nock neither blocks nor answers it', async () => {
    nock('http://127.0.0.1').persist().post(/.*/).reply(500, 'from nock');
    const hook = await serveHttp((_req, res) => res.writeHead(200).end('from the hook'));
    const result = await send({ provider: 'logto', event: 'PostSignIn', target: `${hook.url}/hook`, signingKey: KEY });
    expect(result.response).toMatchObject({ status: 200, body: 'from the hook' });
  });
});

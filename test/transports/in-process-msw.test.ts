// msw only in this file (msw and nock share @mswjs/interceptors: ../shared/STACK.md).
import { Server as HttpServer } from 'node:http';
import { Socket } from 'node:net';
import express from 'express';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { send } from '../../src/send.js';
import { closeAll, serveHttp } from './helpers.js';

const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';
const mswServer = setupServer(http.get('https://api.example.test/profile', () => HttpResponse.json({ plan: 'pro' })));
const unhandled: string[] = [];

beforeAll(() => {
  mswServer.listen({ onUnhandledRequest: 'error' });
  mswServer.events.on('request:unhandled', ({ request }) => unhandled.push(`${request.method} ${request.url}`));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll();
});
afterAll(() => mswServer.close());

/** An app that, like many hooks, calls another API while handling the hook (msw answers that call). */
function appCallingOut() {
  const app = express();
  app.post('/hooks/logto', express.json(), async (req, res) => {
    const profile = (await (await fetch('https://api.example.test/profile')).json()) as { plan: string };
    res.json({ event: (req.body as { event: string }).event, plan: profile.plan, host: req.get('host') });
  });
  return app;
}

describe('in-process delivery under msw with onUnhandledRequest: "error"', () => {
  test('opens no socket and never listens; msw sees only the app\'s own outbound call', async () => {
    const connect = vi.spyOn(Socket.prototype, 'connect');
    const listen = vi.spyOn(HttpServer.prototype, 'listen');
    const result = await send({ provider: 'logto', event: 'PostRegister', target: { app: appCallingOut(), path: '/hooks/logto' }, signingKey: KEY });
    expect(result.error).toBeUndefined();
    expect(result.verdict.pass).toBe(true);
    expect(JSON.parse(result.response!.body)).toEqual({ event: 'PostRegister', plan: 'pro', host: 'hooksim.localhost' });
    expect(connect).not.toHaveBeenCalled();
    expect(listen).not.toHaveBeenCalled();
    expect(unhandled).toEqual([]);
  });

  test('the app gets the exact signed bytes and the headers Logto\'s client sends', async () => {
    let seen: { body: string; headers: Record<string, unknown> } | undefined;
    const app = express();
    app.post('/h', express.text({ type: '*/*' }), (req, res) => {
      seen = { body: req.body as string, headers: req.headers };
      res.sendStatus(204);
    });
    const result = await send({ provider: 'logto', event: 'PostSignIn', target: { app, path: '/h' }, signingKey: KEY });
    expect(seen?.body).toBe(result.request.body);
    expect(seen?.headers).toMatchObject({
      host: 'hooksim.localhost',
      'user-agent': 'Logto (https://logto.io/)',
      'content-type': 'application/json',
      'logto-signature-sha-256': result.request.headers['logto-signature-sha-256'],
      accept: '*/*',
      'accept-language': '*',
      'sec-fetch-mode': 'cors',
      'accept-encoding': 'gzip, deflate',
      'content-length': String(Buffer.byteLength(result.request.body)),
    });
  });

  test('a URL target is delivered too: hooksim\'s own sockets are not msw\'s business', async () => {
    const hook = await serveHttp((_req, res) => res.writeHead(204).end());
    const result = await send({ provider: 'logto', event: 'PostSignIn', target: `${hook.url}/hook`, signingKey: KEY });
    expect(result.response?.status).toBe(204);
    expect(unhandled).toEqual([]);
  });
});

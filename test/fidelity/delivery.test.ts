import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../src/core/clock.js';
import { REDACTED, redact, redactOwned } from '../../src/core/redact.js';
import type { LogtoOutcome } from '../../src/providers/logto/outcome.js';
import { deliverPrepared, prepareEvent, send } from '../../src/send.js';
import { transportFor, type Target } from '../../src/transports/target.js';

const NOW = '2026-03-02T08:00:00.000Z';
const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';
const servers: Server[] = [];

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A hook that answers each call with the next status of the list (the last repeats). */
function statuses(...codes: number[]) {
  let calls = 0;
  const app = express();
  app.post('*splat', (_req, res) => {
    const code = codes[Math.min(calls, codes.length - 1)]!;
    calls += 1;
    res.status(code).json({ call: calls });
  });
  return { app, calls: () => calls };
}

const logto = (target: Target, options: Record<string, unknown> = {}, clock = manualClock(NOW), maxReplyBytes?: number) =>
  send({ provider: 'logto', event: 'PostSignIn', target, now: NOW, signingKey: KEY, options, clock, maxReplyBytes });

describe('Logto retries (logto.md §4)', () => {
  test('1.42 makes one attempt on a 500 and logs an Error with the response', async () => {
    const hook = statuses(500);
    const clock = manualClock(NOW);
    const result = await logto(hook.app, {}, clock);
    expect(hook.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(result.outcome.log).toMatchObject({ key: 'TriggerHook.PostSignIn', result: 'Error', response: { statusCode: 500, body: { call: 1 } } });
    expect(result.outcome.log.error).toMatch(/^HTTPError: \{"message":"Request failed with status code 500 Internal Server Error"/);
  });

  test('5xx-retry-3: three retries after 300, 600, 1200 ms, same bytes each time', async () => {
    const bodies: string[] = [];
    const app = express();
    app.post('*splat', express.text({ type: '*/*' }), (req, res) => {
      bodies.push(req.body as string);
      res.sendStatus(503);
    });
    const clock = manualClock(NOW);
    const result = await logto(app, { retries: '5xx-retry-3' }, clock);
    expect(result.attempts).toHaveLength(4);
    expect(clock.sleeps).toEqual([300, 600, 1200]);
    expect(new Set(bodies).size).toBe(1);
    expect(result.outcome.result).toBe('Error');
  });

  test('5xx-retry-3 stops at the first 2xx, and never retries a 4xx', async () => {
    const recovering = statuses(502, 500, 204);
    const clock = manualClock(NOW);
    const recovered = await logto(recovering.app, { retries: '5xx-retry-3' }, clock);
    expect(recovering.calls()).toBe(3);
    expect(clock.sleeps).toEqual([300, 600]);
    expect(recovered.verdict.pass).toBe(true);
    expect(recovered.outcome.result).toBe('Success');
    const refusing = statuses(429);
    await logto(refusing.app, { retries: '5xx-retry-3' });
    expect(refusing.calls()).toBe(1);
  });

  test('any 2xx is Success', async () => {
    for (const code of [200, 201, 202, 204]) {
      const result = await logto(statuses(code).app);
      expect(result.verdict.pass).toBe(true);
      expect(result.outcome.log.result).toBe('Success');
    }
  });
});

describe('timeouts, caps and unreachable hooks', () => {
  test('a hanging URL times out at the configured timeout, and is not retried', async () => {
    const url = await serve(() => undefined);
    const clock = manualClock(NOW);
    const result = await logto(url, { timeoutMs: 100, retries: '5xx-retry-3' }, clock);
    expect(result.error?.kind).toBe('timeout');
    expect(result.error?.message).toMatch(/no reply within 100 ms/);
    expect(result.attempts).toHaveLength(1);
    expect(result.verdict.violations).toEqual([{ path: 'delivery', message: result.error!.message }]);
    expect(result.outcome.log.error).toMatch(/^TimeoutError/);
  });

  test('a hanging in-process app and fetch handler time out too', async () => {
    const app = express();
    app.post('*splat', () => undefined);
    expect((await logto(app, { timeoutMs: 80 })).error?.kind).toBe('timeout');
    expect((await logto({ fetch: () => new Promise<Response>(() => undefined) }, { timeoutMs: 80 })).error?.kind).toBe('timeout');
  });

  test('a refused connection is named as such', async () => {
    const url = await serve(() => undefined);
    const closed = servers.pop()!;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await logto(url);
    expect(result.error?.kind).toBe('connection-refused');
    expect(result.error?.message).toMatch(/connection refused by 127\.0\.0\.1:\d+/);
  });

  test('a reply larger than the cap keeps its verdict: read and counted whole, kept as a prefix (issue 10 item 9)', async () => {
    const url = await serve((_req, res) => res.end('x'.repeat(5000)));
    const result = await logto(url, {}, manualClock(NOW), 1000);
    expect(result.error).toBeUndefined();
    expect(result.verdict.pass).toBe(true);
    expect(result.outcome.log.result).toBe('Success');
    expect(result.response).toMatchObject({ status: 200, bytes: 5000, truncated: true });
    expect(result.response?.body).toBe('x'.repeat(1000));
    const inProcess = await logto((_req: unknown, res: { end(s: string): void }) => res.end('y'.repeat(5000)), {}, manualClock(NOW), 1000);
    expect(inProcess.response).toMatchObject({ status: 200, bytes: 5000, truncated: true, body: 'y'.repeat(1000) });
    expect(inProcess.verdict.pass).toBe(true);
  });

  test('a reply of exactly the cap is whole; one byte more is truncated', async () => {
    const exact = await logto((_req: unknown, res: { end(s: string): void }) => res.end('z'.repeat(1000)), {}, manualClock(NOW), 1000);
    expect(exact.response).toMatchObject({ bytes: 1000, truncated: false, body: 'z'.repeat(1000) });
    const over = await logto((_req: unknown, res: { end(s: string): void }) => res.end('z'.repeat(1001)), {}, manualClock(NOW), 1000);
    expect(over.response).toMatchObject({ bytes: 1001, truncated: true, body: 'z'.repeat(1000) });
  });

  test('Dexie cannot judge a truncated reply: a body violation that says why, and the failure policy applies', async () => {
    const big = JSON.stringify({ ok: true, action: 'prod', userData: { pad: 'p'.repeat(3000) } });
    const app = (_req: unknown, res: { setHeader(n: string, v: string): void; end(s: string): void }) => {
      res.setHeader('content-type', 'application/json');
      res.end(big);
    };
    const truncated = await send({ provider: 'dexie-cloud', event: 'new-user', target: app, maxReplyBytes: 1000 });
    expect(truncated.verdict.violations).toEqual([{ path: 'body', message: expect.stringMatching(/^the reply body has 3\d{3} bytes, more than hooksim keeps \(maxReplyBytes, 1000 kept\)/) }]);
    expect(truncated.outcome).toMatchObject({ login: 'refused', error: { code: 'WEBHOOK_ERROR' } });
    const whole = await send({ provider: 'dexie-cloud', event: 'new-user', target: app, maxReplyBytes: 10_000 });
    expect(whole.verdict.pass).toBe(true);
  });

  test('redirects are followed, as fetch does for Logto', async () => {
    const final = await serve((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    const url = await serve((_req, res) => {
      res.writeHead(307, { location: final });
      res.end();
    });
    expect((await logto(url)).response?.status).toBe(204);
  });

  test('a fetch handler that throws is reported, not thrown', async () => {
    const result = await logto({ fetch: () => Promise.reject(new Error('boom')) });
    expect(result.error).toEqual({ kind: 'handler-threw', message: 'the fetch handler threw: boom' });
  });
});

describe('transports deliver the same bytes and give the same verdict', () => {
  test('URL, Express app, Node handler and fetch handler', async () => {
    const received: { body: string; signature: string | undefined; agent: string | undefined }[] = [];
    const handler: RequestListener = (req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ body, signature: req.headers['logto-signature-sha-256'] as string, agent: req.headers['user-agent'] });
        res.statusCode = body.includes('PostSignIn') ? 418 : 200;
        res.end('{"seen":true}');
      });
    };
    const app = express();
    app.use(handler);
    const url = await serve(handler);
    const fetchHandler = async (request: Request) => {
      const body = await request.text();
      received.push({ body, signature: request.headers.get('logto-signature-sha-256') ?? undefined, agent: request.headers.get('user-agent') ?? undefined });
      return new Response('{"seen":true}', { status: body.includes('PostSignIn') ? 418 : 200 });
    };
    const results = [];
    for (const target of [url, app, handler, { fetch: fetchHandler }] as Target[]) results.push(await logto(target));
    const first = results[0]!;
    for (const result of results) {
      expect(result.verdict).toEqual(first.verdict);
      expect(result.outcome).toEqual(first.outcome);
      expect(result.request.body).toBe(first.request.body);
    }
    expect(first.verdict.violations[0]).toMatchObject({ path: 'status' });
    for (const seen of received) {
      expect(seen.body).toBe(first.request.body);
      expect(seen.signature).toBe(first.request.headers['logto-signature-sha-256']);
      expect(seen.agent).toBe('Logto (https://logto.io/)');
    }
  });
});

describe('redaction', () => {
  test('the signing key never appears in a result, even when the hook echoes it', async () => {
    const app = express();
    app.post('*splat', (_req, res) => {
      res.json({ echoed: KEY, header: `Bearer ${KEY}` });
    });
    const result = await logto(app);
    const text = JSON.stringify(result);
    expect(text).not.toContain(KEY);
    expect(result.options.signingKey).toBe('[redacted]');
    expect(result.response?.body).toContain('[redacted]');
  });

  test('a secret the payload carries (set on the event) is redacted in the parsed request too', async () => {
    const app = express();
    app.post('*splat', (_req, res) => res.json({ ok: true }));
    const prepared = prepareEvent({ provider: 'logto', event: 'PostSignIn', now: NOW, signingKey: KEY, set: { 'user.name': `x ${KEY} y`, 'user.customData': { password: 'hunter2', nested: { headers: { authorization: 'Basic abc', 'x-api-key': 'k', accept: '*/*' } } } } });
    const transport = transportFor({ app });
    const result = await deliverPrepared(prepared, transport);
    await transport.close();
    const json = (result.request as { json: { user: { name: string; customData: unknown } } }).json;
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(json.user.name).toBe(`x ${REDACTED} y`);
    expect(json.user.customData).toEqual({ password: REDACTED, nested: { headers: { authorization: REDACTED, 'x-api-key': REDACTED, accept: '*/*' } } });
    // The prepared event itself is left as it was.
    expect(prepared.payload).toMatchObject({ user: { name: `x ${KEY} y` } });
  });

  test('redactOwned gives what redact gives, copying only what it changes', () => {
    const secret = 'S3cr3tValue!';
    const text = fc.oneof(fc.string(), fc.constantFrom(secret, `a${secret}b`, ''));
    const key = fc.oneof(fc.string(), fc.constantFrom('password', 'Token', 'headers', 'authorization', 'x-dexiecloud-token', '__proto__', 'plain'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const before = JSON.stringify(value);
        const copied = redact(value, [secret]);
        const owned = redactOwned(structuredClone(value), [secret]);
        expect(owned).toStrictEqual(copied);
        expect(JSON.stringify(owned)).not.toContain(secret);
        expect(JSON.stringify(value)).toBe(before);
      }),
      { numRuns: 300 },
    );
    const clean = { a: [1, { b: 'text' }], headers: { accept: '*/*' } };
    const same = redactOwned(clean, [secret]);
    expect(same).toBe(clean);
    expect(same.a).toBe(clean.a);
    const dirty = { a: [1, { b: secret }], c: { d: 'e' } };
    const changed = redactOwned(dirty, [secret]);
    expect(changed).not.toBe(dirty);
    expect(changed.c).toBe(dirty.c);
    expect(changed.a[1]).toEqual({ b: REDACTED });
  });
});

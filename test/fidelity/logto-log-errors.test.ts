import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oracle from 'logto-schemas-oracle';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryRecord, WireRequest } from '../../src/core/types.js';
import { logEntry } from '../../src/providers/logto/logs.js';
import { judgeLogto } from '../../src/providers/logto/outcome.js';
import { logto } from '../../src/providers/logto/index.js';
import { send } from '../../src/send.js';

/**
 * Log rows' `error` (issue 10, item 10): `String(normalizeError(e))` of ky 1.2.3's errors, i.e.
 * `Name: {json of the error's own properties}`, with the reason phrase the server really sent.
 */

const NOW = '2026-03-02T08:00:00.000Z';
const payload = { event: 'User.Created', createdAt: NOW, hookId: 'jhcgbb09lfhk448jds1jr' };
const request: WireRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
const judge = (record: DeliveryRecord, options = { retries: 'none' as const, timeoutMs: 10_000 }) => judgeLogto('User.Created', request, record, options).outcome.log;
const replied = (status: number, statusText?: string): DeliveryRecord => ({ attempts: [{ number: 1, durationMs: 1, reply: { status, headers: {}, body: '', bytes: 0, ...(statusText === undefined ? {} : { statusText }) } }] });

/** Splits `Name: {json}` into its parts. */
function parts(text: string): { name: string; fields: Record<string, any> } {
  const colon = text.indexOf(': ');
  return { name: text.slice(0, colon), fields: JSON.parse(text.slice(colon + 2)) };
}

describe('the error text of a log row', () => {
  test('HTTPError: message, response, request, options, name, as ky 1.2.3 declares them', () => {
    const error = judge(replied(401, 'Unauthorized')).error!;
    const { name, fields } = parts(error);
    expect(name).toBe('HTTPError');
    expect(Object.keys(fields)).toEqual(['message', 'response', 'request', 'options', 'name']);
    expect(fields).toMatchObject({ message: 'Request failed with status code 401 Unauthorized', response: {}, request: {}, name: 'HTTPError' });
    expect(error.startsWith('HTTPError: {"message":"Request failed with status code 401 Unauthorized","response":{},"request":{},"options":{')).toBe(true);
  });

  test("ky's normalised options: Logto's json and its serialised body, retry limit 3, the timeout, POST", () => {
    const { fields } = parts(judge(replied(500, 'Internal Server Error'), { retries: 'none', timeoutMs: 2500 }).error!);
    expect(Object.keys(fields.options)).toEqual(['headers', 'json', 'retry', 'timeout', 'method', 'hooks', 'prefixUrl', 'throwHttpErrors', 'signal', 'duplex', 'body']);
    expect(fields.options).toMatchObject({ json: payload, body: request.body, timeout: 2500, method: 'POST', throwHttpErrors: true });
    expect(fields.options.retry).toEqual({ limit: 3, methods: ['get', 'put', 'head', 'delete', 'options', 'trace'], statusCodes: [408, 413, 429, 500, 502, 503, 504], afterStatusCodes: [413, 429, 503], maxRetryAfter: null, backoffLimit: null });
  });

  test('with 5xx-retry-3 the retry options allow POST on 500-599', () => {
    const { fields } = parts(judge(replied(503, 'Service Unavailable'), { retries: '5xx-retry-3' as never, timeoutMs: 10_000 }).error!);
    expect(fields.options.retry.methods).toEqual(['post']);
    expect(fields.options.retry.statusCodes).toHaveLength(100);
  });

  test("the reason phrase is the server's; without one, Node's phrase for the code", () => {
    expect(parts(judge(replied(401, 'Go Away')).error!).fields.message).toBe('Request failed with status code 401 Go Away');
    expect(parts(judge(replied(418)).error!).fields.message).toBe("Request failed with status code 418 I'm a Teapot");
    expect(parts(judge(replied(599, '')).error!).fields.message).toBe('Request failed with status code 599');
  });

  test('TimeoutError: message, request, name', () => {
    const error = judge({ attempts: [{ number: 1, durationMs: 10, error: { kind: 'timeout', message: 'no reply within 10 ms' } }] }).error;
    expect(error).toBe('TimeoutError: {"message":"Request timed out","request":{},"name":"TimeoutError"}');
  });

  test("fetch's TypeError: no own name, the socket error as cause", () => {
    const error = judge({ attempts: [{ number: 1, durationMs: 1, error: { kind: 'connection-refused', message: 'connection refused by 127.0.0.1:9' } }] }).error;
    expect(error).toBe('TypeError: {"message":"fetch failed","cause":{"message":"connection refused by 127.0.0.1:9"}}');
  });

  test('a success has no error', () => {
    expect(judge(replied(204, 'No Content')).error).toBeUndefined();
  });
});

describe('over HTTP: the phrase a real server sends reaches the log', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.statusCode = 403;
      res.statusMessage = 'Signature Mismatch';
      res.end('{"error":"bad signature"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a custom reason phrase, and the row passes Logs.guard of @logto/schemas 1.42.0', async () => {
    const result = await send({ provider: logto, target: url, event: 'PostSignIn', now: NOW, seed: 3 });
    expect(parts(result.outcome.log.error!).fields.message).toBe('Request failed with status code 403 Signature Mismatch');
    const row = logEntry(result.outcome.log, 'aaaaaaaaaaaaaaaaaaaaa', Date.parse(NOW));
    const logs = (oracle as unknown as { Logs: { guard: { omit(keys: Record<string, true>): { safeParse(v: unknown): { success: boolean } } } } }).Logs.guard;
    expect(logs.omit({ tenantId: true }).safeParse(row).success).toBe(true);
  });
});

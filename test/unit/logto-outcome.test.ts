// Logto's judgement of one delivery: any 2xx on the last attempt is Success, everything else
// (3xx, 4xx, 5xx, timeout, network error) is Error, with the log row Logto would store.
import { describe, expect, it } from 'vitest';
import type { Attempt, DeliveryRecord, WireRequest } from '../../src/core/types.js';
import { judgeLogto } from '../../src/providers/logto/outcome.js';

const payload = { event: 'User.Created', createdAt: '2026-01-01T00:00:00.000Z', hookId: 'hook123', data: { id: 'u1' } };
const request: WireRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };

function replied(status: number, body = '{"received":true}'): Attempt {
  return { number: 1, durationMs: 5, reply: { status, headers: {}, body, bytes: body.length } };
}

function judge(...attempts: Attempt[]) {
  const record: DeliveryRecord = { attempts: attempts.map((attempt, index) => ({ ...attempt, number: index + 1 })) };
  return judgeLogto('User.Created', request, record);
}

describe('a reply with a 2xx status', () => {
  it.each([200, 201, 204, 299])('%i is a Success that keeps the contract, logged with the reply', (status) => {
    const { verdict, outcome } = judge(replied(status));
    expect(verdict).toEqual({ pass: true, violations: [] });
    expect(outcome).toEqual({
      result: 'Success',
      attempts: 1,
      log: {
        key: 'TriggerHook.User.Created',
        result: 'Success',
        hookId: 'hook123',
        hookRequest: { body: payload },
        response: { statusCode: status, body: { received: true } },
      },
    });
  });

  it('logs a body that is not JSON as text', () => {
    expect(judge(replied(200, 'thanks')).outcome.log.response).toEqual({ statusCode: 200, body: 'thanks' });
  });
});

describe('a reply with another status', () => {
  it.each([
    [100, 'HTTPError: Request failed with status code 100'],
    [199, 'HTTPError: Request failed with status code 199'],
    [300, 'HTTPError: Request failed with status code 300'],
    [302, 'HTTPError: Request failed with status code 302'],
    [400, 'HTTPError: Request failed with status code 400 Bad Request'],
    [401, 'HTTPError: Request failed with status code 401 Unauthorized'],
    [404, 'HTTPError: Request failed with status code 404 Not Found'],
    [500, 'HTTPError: Request failed with status code 500 Internal Server Error'],
    [503, 'HTTPError: Request failed with status code 503 Service Unavailable'],
  ])('%i is an Error that breaks the contract', (status, logged) => {
    const { verdict, outcome } = judge(replied(status));
    expect(verdict).toEqual({
      pass: false,
      violations: [{ path: 'status', message: `expected a 2xx status, got ${status}: Logto logs the delivery as an Error` }],
    });
    expect(outcome.result).toBe('Error');
    expect(outcome.log.result).toBe('Error');
    expect(outcome.log.error).toContain(logged.slice('HTTPError: '.length));
    expect(outcome.log.error).toMatch(/^HTTPError\b/);
    expect(outcome.log.response).toEqual({ statusCode: status, body: { received: true } });
  });

  it('names each status text Logto logs', () => {
    const texts: Record<number, string> = {
      403: 'Forbidden',
      405: 'Method Not Allowed',
      409: 'Conflict',
      422: 'Unprocessable Entity',
      429: 'Too Many Requests',
      502: 'Bad Gateway',
      504: 'Gateway Timeout',
    };
    for (const [status, text] of Object.entries(texts)) {
      expect(judge(replied(Number(status))).outcome.log.error).toContain(`status code ${status} ${text}`);
    }
  });

  it('after retries, the last attempt decides and the violation says how many were made', () => {
    const failed = judge(replied(500), replied(502), replied(503));
    expect(failed.outcome).toMatchObject({ result: 'Error', attempts: 3 });
    expect(failed.verdict.violations).toEqual([
      { path: 'status', message: 'expected a 2xx status, got 503: Logto logs the delivery as an Error after 3 attempts' },
    ]);
    const recovered = judge(replied(500), replied(200));
    expect(recovered.verdict.pass).toBe(true);
    expect(recovered.outcome).toMatchObject({ result: 'Success', attempts: 2, log: { response: { statusCode: 200 } } });
  });
});

describe('no reply', () => {
  it('a timeout is an Error logged as a TimeoutError, with no response', () => {
    const { verdict, outcome } = judge({ number: 1, durationMs: 10_000, error: { kind: 'timeout', message: 'no reply within 10000 ms' } });
    expect(verdict).toEqual({ pass: false, violations: [{ path: 'delivery', message: 'no reply within 10000 ms' }] });
    expect(outcome.result).toBe('Error');
    const { error, ...log } = outcome.log;
    expect(log).toEqual({ key: 'TriggerHook.User.Created', result: 'Error', hookId: 'hook123', hookRequest: { body: payload } });
    expect(error).toMatch(/^TimeoutError: .*Request timed out/);
  });

  it('a network error is an Error logged as a failed fetch, with its reason', () => {
    const { verdict, outcome } = judge({ number: 1, durationMs: 1, error: { kind: 'connection-refused', message: 'connect ECONNREFUSED 127.0.0.1:9' } });
    expect(verdict.violations).toEqual([{ path: 'delivery', message: 'connect ECONNREFUSED 127.0.0.1:9' }]);
    expect(outcome.log.error).toMatch(/^TypeError: .*fetch failed/);
    expect(outcome.log.result).toBe('Error');
  });
});

describe('a reply larger than hooksim keeps', () => {
  it('is judged by its status alone, and logged as the prefix kept', () => {
    const truncated: Attempt = { number: 1, durationMs: 5, reply: { status: 200, headers: {}, body: '{"a":', bytes: 5_000_000, truncated: true } };
    const { verdict, outcome } = judge(truncated);
    expect(verdict.pass).toBe(true);
    expect(outcome.log.response).toEqual({ statusCode: 200, body: '{"a":' });
    const complete: Attempt = { number: 1, durationMs: 5, reply: { status: 200, headers: {}, body: '{"a":1}', bytes: 7, truncated: false } };
    expect(judge(complete).outcome.log.response).toEqual({ statusCode: 200, body: { a: 1 } });
  });
});

describe('the log row', () => {
  it('has no hookId when the payload carries none', () => {
    const bare = { ...request, body: JSON.stringify({ event: 'User.Created' }) };
    expect(judgeLogto('User.Created', bare, { attempts: [replied(200)] }).outcome.log.hookId).toBe('');
    const numeric = { ...request, body: JSON.stringify({ hookId: 7 }) };
    expect(judgeLogto('User.Created', numeric, { attempts: [replied(200)] }).outcome.log.hookId).toBe('');
    const list = { ...request, body: '["hookId"]' };
    expect(judgeLogto('User.Created', list, { attempts: [replied(200)] }).outcome.log.hookId).toBe('');
  });

  it('is keyed by the event', () => {
    expect(judgeLogto('PostRegister', request, { attempts: [replied(200)] }).outcome.log.key).toBe('TriggerHook.PostRegister');
  });
});

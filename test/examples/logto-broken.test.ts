import { createHmac } from 'node:crypto';
import express from 'express';
import { afterAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import type { LogtoOutcome } from '../../src/providers/logto/outcome.js';
import { send } from '../../src/send.js';
import type { Target } from '../../src/transports/target.js';
import { createError500Hook } from '../../examples/logto/broken/error-500.js';
import { createReserializedSignatureHook } from '../../examples/logto/broken/reserialized-signature.js';
import { createSlowHook, type SlowHookSettlement } from '../../examples/logto/broken/slow-hook.js';
import { createLogtoSignedHook } from '../../examples/logto/signed-hook.js';
import { closeServers, listen } from './transports.js';
import { logto } from '../../src/providers/logto/index.js';

const NOW = '2026-03-02T08:00:00.000Z';
const KEY = 'exampleSigningKey0123456789abcdef';

afterAll(closeServers);

const deliver = (target: Target, event: string, options: Record<string, unknown> = {}, extra: { set?: Record<string, string>; clock?: ReturnType<typeof manualClock> } = {}) =>
  send({ provider: logto, event, target, seed: 3, now: NOW, signingKey: KEY, options, ...extra });

describe('reserialized-signature: verifying a re-serialised object refuses genuine deliveries', () => {
  for (const event of ['PostRegister', 'PostSignIn', 'PostResetPassword', 'User.Created']) {
    test(`${event}: correctly signed, answered 401, reported as a status violation`, async () => {
      const result = await deliver(createReserializedSignatureHook({ signingKey: KEY }), event);
      expect(result.verdict).toEqual({
        pass: false,
        violations: [{ path: 'status', message: 'expected a 2xx status, got 401: Logto logs the delivery as an Error' }],
      });
      expect(result.outcome).toMatchObject({ result: 'Error', log: { response: { statusCode: 401 } } });
      // The same bytes pass the good hook, so the signature itself was right.
      const good = createLogtoSignedHook({ signingKey: KEY });
      expect((await deliver(good.app, event)).verdict.pass).toBe(true);
    });
  }

  test('why the example reshapes the object: JSON.stringify(req.body) alone reproduces the bytes Logto signs', async () => {
    // Logto serialises with JSON.stringify, and parsing then re-serialising its output gives the
    // same text, even for non-ASCII, U+2028 and astral characters. The naive check is fragile
    // (anything that re-encodes the body breaks it), but it does not fail on faithful bytes.
    const naive = express();
    naive.post('*splat', express.json(), (req, res) => {
      const signature = createHmac('sha256', KEY).update(JSON.stringify(req.body)).digest('hex');
      res.sendStatus(signature === req.get('logto-signature-sha-256') ? 200 : 401);
    });
    const result = await deliver(naive, 'PostRegister', {}, { set: { 'user.name': 'Zoë \u2028 \u00e9\u0301 😀', 'user.username': 'zoe' } });
    expect(result.request.body).toContain('"name":"Zoë \u2028 \u00e9\u0301 😀"');
    expect(result.verdict).toEqual({ pass: true, violations: [] });
  });
});

describe('slow-hook: a hook that works before answering meets the timeout', () => {
  /** A slow hook whose settlements a test can await. */
  function slow(delayMs: number) {
    const settlements: SlowHookSettlement[] = [];
    let settle: (how: SlowHookSettlement) => void = () => {};
    const settled = new Promise<SlowHookSettlement>((resolve) => (settle = resolve));
    const app = createSlowHook({
      delayMs,
      onSettled: (how) => {
        settlements.push(how);
        settle(how);
      },
    });
    return { app, settlements, settled };
  }

  for (const transport of ['in-process app', 'url'] as const) {
    test(`${transport}: 2 s of work against a 100 ms timeout is a delivery violation of kind timeout`, async () => {
      const hook = slow(2000);
      const target: Target = transport === 'url' ? await listen(hook.app) : hook.app;
      const started = performance.now();
      const result = await deliver(target, 'PostSignIn', { timeoutMs: 100 });
      expect(performance.now() - started).toBeLessThan(1500);
      expect(result.error?.kind).toBe('timeout');
      expect(result.response).toBeUndefined();
      expect(result.verdict.pass).toBe(false);
      expect(result.verdict.violations).toEqual([{ path: 'delivery', message: expect.stringMatching(/^no reply within 100 ms/) }]);
      expect(result.outcome).toMatchObject({ result: 'Error', attempts: 1, log: { result: 'Error', error: 'TimeoutError: {"message":"Request timed out","request":{},"name":"TimeoutError"}' } });
      expect(result.outcome.log.response).toBeUndefined();
      // The hook saw the caller leave and dropped its timer: nothing is left to keep the process alive.
      expect(await hook.settled).toBe('abandoned');
      expect(hook.settlements).toEqual(['abandoned']);
    });
  }

  test('within the budget the same hook passes', async () => {
    const hook = slow(20);
    const result = await deliver(hook.app, 'PostSignIn', { timeoutMs: 1000 });
    expect(result.verdict).toEqual({ pass: true, violations: [] });
    expect(await hook.settled).toBe('answered');
    expect(hook.settlements).toEqual(['answered']);
  });

  test('timeouts are never retried, even with 5xx-retry-3', async () => {
    const hook = slow(2000);
    const clock = manualClock(NOW);
    const result = await deliver(hook.app, 'PostSignIn', { timeoutMs: 100, retries: '5xx-retry-3' }, { clock });
    expect(result.attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(await hook.settled).toBe('abandoned');
  });
});

describe('error-500: retry modes made visible', () => {
  test('Logto 1.42 (retries: none) tries once', async () => {
    const hook = createError500Hook();
    const clock = manualClock(NOW);
    const result = await deliver(hook.app, 'PostSignIn', {}, { clock });
    expect(hook.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(result.verdict.violations).toEqual([{ path: 'status', message: 'expected a 2xx status, got 500: Logto logs the delivery as an Error' }]);
    expect(result.outcome).toMatchObject({ result: 'Error', attempts: 1 });
  });

  test('5xx-retry-3 makes 4 attempts, waiting 300, 600 and 1200 ms on the clock, not in real time', async () => {
    const hook = createError500Hook();
    const clock = manualClock(NOW);
    const started = performance.now();
    const result = await deliver(hook.app, 'PostSignIn', { retries: '5xx-retry-3' }, { clock });
    expect(performance.now() - started).toBeLessThan(2100);
    expect(hook.calls()).toBe(4);
    expect(clock.sleeps).toEqual([300, 600, 1200]);
    expect(clock.now()).toBe(Date.parse(NOW) + 2100);
    expect(result.attempts.map((attempt) => [attempt.number, attempt.reply?.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 500],
    ]);
    expect(result.verdict).toEqual({
      pass: false,
      violations: [{ path: 'status', message: 'expected a 2xx status, got 500: Logto logs the delivery as an Error after 4 attempts' }],
    });
    expect(result.outcome).toMatchObject({
      result: 'Error',
      attempts: 4,
      log: {
        key: 'TriggerHook.PostSignIn',
        result: 'Error',
        response: { statusCode: 500, body: { error: 'database unavailable' } },
        error: expect.stringMatching(/^HTTPError: \{"message":"Request failed with status code 500 Internal Server Error",/),
      },
    });
  });
});

import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import type { Overrides } from '../../src/core/json.js';
import type { LogtoOutcome } from '../../src/providers/logto/outcome.js';
import { signLogtoBody } from '../../src/providers/logto/signing.js';
import { send, type SendResult } from '../../src/send.js';
import type { Target } from '../../src/transports/target.js';
import { createLogtoReceiver, createLogtoSignedHook, verifyLogtoSignature, type SignedHook } from '../../examples/logto/signed-hook.js';
import { closeServers, targetFor, TRANSPORTS, type TransportName } from './transports.js';
import { logto } from '../../src/providers/logto/index.js';

const NOW = '2026-03-02T08:00:00.000Z';
const KEY = 'exampleSigningKey0123456789abcdef';

afterAll(closeServers);

interface Door {
  transport: TransportName;
  hook: SignedHook;
  target: Target;
}

/** A fresh hook per transport, so each sees the deliveries as new (idempotency is per hook). */
async function doors(signingKey = KEY): Promise<Door[]> {
  const result: Door[] = [];
  for (const transport of TRANSPORTS) {
    const hook = createLogtoSignedHook({ signingKey });
    result.push({ transport, hook, target: await targetFor(transport, hook, '/webhooks/logto') });
  }
  return result;
}

interface Delivery {
  event: string;
  variant?: string;
  set?: Overrides;
  seed?: number;
  signingKey?: string;
}

const deliver = (target: Target, delivery: Delivery) =>
  send({
    provider: logto,
    target,
    event: delivery.event,
    variant: delivery.variant,
    set: delivery.set,
    seed: delivery.seed ?? 11,
    now: NOW,
    ...(delivery.signingKey !== '' ? { signingKey: delivery.signingKey ?? KEY } : {}),
  });

/** Delivers to every door; asserts every transport got the same verdict and outcome. */
async function overEveryDoor(all: Door[], delivery: Delivery): Promise<SendResult<LogtoOutcome>> {
  const results: SendResult<LogtoOutcome>[] = [];
  for (const door of all) results.push(await deliver(door.target, delivery));
  const [first, ...rest] = results as [SendResult<LogtoOutcome>, ...SendResult<LogtoOutcome>[]];
  for (const [index, result] of rest.entries()) {
    const transport = all[index + 1]!.transport;
    expect({ transport, status: result.response?.status, verdict: result.verdict, outcome: result.outcome }).toEqual({
      transport,
      status: first.response?.status,
      verdict: first.verdict,
      outcome: first.outcome,
    });
  }
  return first;
}

const HANDLED: Delivery[] = [
  { event: 'PostRegister' },
  { event: 'PostSignIn' },
  { event: 'PostResetPassword' },
  { event: 'User.Created', variant: 'management-api' },
  { event: 'User.Created', variant: 'experience', seed: 12 },
];

describe('signed hook: every handled event passes over Express, node:http, fetch and a URL', () => {
  test('each handled event is answered 200, logged as Success, and processed once per hook', async () => {
    const all = await doors();
    const expected: { event: string; hookId: string; createdAt: string; userId: string }[] = [];
    for (const delivery of HANDLED) {
      const result = await overEveryDoor(all, delivery);
      expect(result.verdict).toEqual({ pass: true, violations: [] });
      expect(result.outcome).toMatchObject({ result: 'Success', attempts: 1, log: { key: `TriggerHook.${delivery.event}`, result: 'Success', response: { statusCode: 200, body: { received: true } } } });
      expect(result.outcome.log.error).toBeUndefined();
      const body = JSON.parse(result.request.body) as { event: string; hookId: string; createdAt: string; userId?: string; data?: { id: string } };
      expected.push({ event: body.event, hookId: body.hookId, createdAt: body.createdAt, userId: body.userId ?? body.data!.id });
    }
    expect(expected.map((entry) => entry.event)).toEqual(['PostRegister', 'PostSignIn', 'PostResetPassword', 'User.Created', 'User.Created']);
    for (const { transport, hook } of all) {
      expect({ transport, processed: hook.processed, duplicates: hook.duplicates, ignored: hook.ignored }).toEqual({ transport, processed: expected, duplicates: [], ignored: [] });
    }
  });

  test('events the hook does not act on, and names from a future Logto, are acknowledged with 2xx', async () => {
    const all = await doors();
    const unhandled = await overEveryDoor(all, { event: 'Role.Created' });
    const future = await overEveryDoor(all, { event: 'User.Created', set: { event: 'User.Teleported' } });
    for (const result of [unhandled, future]) {
      expect(result.verdict.pass).toBe(true);
      expect(result.outcome.log.response).toEqual({ statusCode: 200, body: { received: true, ignored: true } });
    }
    for (const { hook } of all) {
      expect(hook.ignored).toEqual(['Role.Created', 'User.Teleported']);
      expect(hook.processed).toEqual([]);
    }
  });

  test('the same delivery twice is answered 200 both times but processed once', async () => {
    const all = await doors();
    const first = await overEveryDoor(all, { event: 'PostRegister', seed: 4 });
    const again = await overEveryDoor(all, { event: 'PostRegister', seed: 4 });
    expect(again.request.body).toBe(first.request.body);
    expect(first.outcome.log.response?.body).toEqual({ received: true });
    expect(again.verdict.pass).toBe(true);
    expect(again.outcome.log.response).toEqual({ statusCode: 200, body: { received: true, duplicate: true } });
    const { hookId, event, createdAt } = JSON.parse(first.request.body) as { hookId: string; event: string; createdAt: string };
    for (const { hook } of all) {
      expect(hook.processed).toHaveLength(1);
      const { userId } = JSON.parse(first.request.body) as { userId: string };
      expect(hook.duplicates).toEqual([`${hookId}|${event}|${createdAt}|${userId}`]);
    }
  });

  test('two users created in the same millisecond by the same hook are two events, not a duplicate', async () => {
    const [door] = await doors();
    const options = { hookId: 'jhcgbb09lfhk448jds1jr' };
    const results: SendResult<LogtoOutcome>[] = [];
    for (const seed of [8, 9]) {
      results.push(await send({ provider: 'logto', event: 'User.Created', variant: 'management-api', target: door!.target, seed, now: NOW, signingKey: KEY, options }));
    }
    const bodies = results.map((result) => JSON.parse(result.request.body) as { hookId: string; createdAt: string; data: { id: string } });
    expect(bodies[0]!.hookId).toBe(bodies[1]!.hookId);
    expect(bodies[0]!.createdAt).toBe(bodies[1]!.createdAt);
    expect(bodies[0]!.data.id).not.toBe(bodies[1]!.data.id);
    expect(door!.hook.processed.map((entry) => entry.userId)).toEqual(bodies.map((body) => body.data.id));
    expect(door!.hook.duplicates).toEqual([]);
  });

  test('signed with another key: 401 on every transport, a status violation, nothing processed', async () => {
    const all = await doors('theHookIsConfiguredWithThisKey000');
    const result = await overEveryDoor(all, { event: 'PostSignIn' });
    expect(result.verdict).toEqual({
      pass: false,
      violations: [{ path: 'status', message: 'expected a 2xx status, got 401: Logto logs the delivery as an Error' }],
    });
    expect(result.outcome).toMatchObject({
      result: 'Error',
      log: { result: 'Error', response: { statusCode: 401, body: { error: 'invalid signature' } }, error: expect.stringMatching(/^HTTPError: \{"message":"Request failed with status code 401 Unauthorized","response":\{\},/) },
    });
    for (const { hook } of all) expect(hook.processed).toEqual([]);
  });

  test('a legacy hook without a signing key sends no signature: refused with 401', async () => {
    const all = await doors();
    const result = await overEveryDoor(all, { event: 'PostSignIn', signingKey: '' });
    expect(result.request.headers).not.toHaveProperty('logto-signature-sha-256');
    expect(result.verdict.violations).toEqual([{ path: 'status', message: 'expected a 2xx status, got 401: Logto logs the delivery as an Error' }]);
  });
});

describe('the receiver on bytes (what the doors share)', () => {
  const body = Buffer.from('{"event":"PostSignIn","createdAt":"2026-03-02T08:00:00.000Z","userId":"k2m9x4p7q1zt","hookId":"jhcgbb09lfhk448jds1jr"}');
  const sign = (bytes: Buffer, key = KEY) => createHmac('sha256', key).update(bytes).digest('hex');

  test('agrees with hooksim on what a valid signature is', async () => {
    const result = await deliver({ fetch: async () => new Response(null, { status: 204 }) }, { event: 'PostRegister', set: { 'user.name': 'Zoë \u2028 😀' } });
    const signature = result.request.headers['logto-signature-sha-256'];
    expect(signature).toBe(signLogtoBody(KEY, result.request.body));
    expect(verifyLogtoSignature(KEY, Buffer.from(result.request.body, 'utf8'), signature)).toBe(true);
    expect(verifyLogtoSignature('another key', Buffer.from(result.request.body, 'utf8'), signature)).toBe(false);
  });

  test('a body changed after signing is refused, even by one byte', () => {
    const receiver = createLogtoReceiver({ signingKey: KEY });
    const signature = sign(body);
    const tampered = Buffer.from(body.toString().replace('k2m9x4p7q1zt', 'k2m9x4p7q1zu'));
    expect(receiver.receive(tampered, signature)).toEqual({ status: 401, body: { error: 'invalid signature' } });
    expect(receiver.receive(body, signature).status).toBe(200);
    expect(receiver.processed).toEqual([{ event: 'PostSignIn', hookId: 'jhcgbb09lfhk448jds1jr', createdAt: '2026-03-02T08:00:00.000Z', userId: 'k2m9x4p7q1zt' }]);
  });

  test('malformed signatures are refused without throwing (timingSafeEqual needs equal lengths)', () => {
    const receiver = createLogtoReceiver({ signingKey: KEY });
    const good = sign(body);
    for (const signature of [undefined, '', good.slice(0, 62), `${good}00`, good.replace(/^../, 'zz'), Buffer.from(good, 'hex').toString('base64'), `sha256=${good}`]) {
      expect(receiver.receive(body, signature).status).toBe(401);
    }
    expect(receiver.receive(body, good.toUpperCase()).status).toBe(200);
  });

  test('a correctly signed body that is not a Logto event is a 400, not a crash', () => {
    const receiver = createLogtoReceiver({ signingKey: KEY });
    for (const text of ['not json', '[]', 'null', '{"event":"PostSignIn"}']) {
      const bytes = Buffer.from(text);
      expect(receiver.receive(bytes, sign(bytes))).toEqual({ status: 400, body: { error: 'expected a JSON object with event, hookId and createdAt' } });
    }
    expect(receiver.processed).toEqual([]);
  });
});

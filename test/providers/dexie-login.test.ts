import express from 'express';
import { describe, expect, test } from 'vitest';
import { simulateDexieLogin } from '../../src/providers/dexie-cloud/flows/simulate-login.js';
import { createLoginState } from '../../src/providers/dexie-cloud/login.js';

const NOW = Date.parse('2026-03-02T08:00:00.000Z');

function hook(reply: object) {
  let calls = 0;
  const app = express();
  app.post('*splat', express.json(), (_req, res) => {
    calls += 1;
    res.json(reply);
  });
  return { app, calls: () => calls };
}

describe('the five "Policy for new users" settings', () => {
  test.each([
    ['auto-eval', 'ada@acme.test', 'eval'],
    ['auto-prod', 'ada@acme.test', 'prod'],
    ['prod-domains', 'ada@acme.test', 'prod'],
    ['prod-domains', 'ada@elsewhere.test', 'eval'],
  ])('%s: %s becomes %s without calling the hook', async (policy, email, type) => {
    const { app, calls } = hook({ ok: true, action: 'reject' });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: email, email }, target: app, options: { policy, prodDomains: ['acme.test'] }, now: NOW });
    expect(result.hookCalled).toBe(false);
    expect(calls()).toBe(0);
    expect(result.outcome).toMatchObject({ login: 'accepted', user: { type }, token: { userType: type }, license: { type, status: 'ok' } });
  });

  test('reject-unknown refuses an unknown user with USER_NOT_REGISTERED, labelled inferred, without a call', async () => {
    const { app, calls } = hook({ ok: true, action: 'prod' });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'x@y.test', email: 'x@y.test' }, target: app, options: { policy: 'reject-unknown' }, now: NOW });
    expect(calls()).toBe(0);
    expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code: 'USER_NOT_REGISTERED', message: 'User x@y.test is not registered.' } });
    expect(result.outcome.reason).toContain('inferred from dexie/Dexie.js#1869');
  });

  test.each([
    [undefined, 'USER_NOT_REGISTERED'],
    ['login', 'USER_NOT_REGISTERED'],
    ['register', 'USER_NOT_ACCEPTED'],
  ] as const)('reject-unknown with intent %s: %s', async (intent, code) => {
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'x@y.test', email: 'x@y.test', ...(intent ? { intent } : {}) }, options: { policy: 'reject-unknown' }, now: NOW });
    expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code } });
    if (intent === 'register') expect(result.outcome.reason).toContain('inferred from the JSDoc of LoginHints.intent');
  });

  test('a registered user gets in under reject-unknown, whatever the intent', async () => {
    const state = createLoginState();
    state.users.set('x@y.test', { userId: 'x@y.test', type: 'prod', maxAllowedEvalDaysLeft: 30, data: {}, email: 'x@y.test' });
    const result = await simulateDexieLogin({ state, attempt: { userId: 'x@y.test', email: 'x@y.test', intent: 'register' }, options: { policy: 'reject-unknown' }, now: NOW });
    expect(result.outcome).toMatchObject({ login: 'accepted', user: { type: 'prod' } });
  });

  test('intent "register" leaves the other policies alone: the hook is still called under webhook', async () => {
    const { app, calls } = hook({ ok: true, action: 'eval' });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'n@acme.test', email: 'n@acme.test', intent: 'register' }, target: app, now: NOW });
    expect(calls()).toBe(1);
    expect(result.outcome).toMatchObject({ login: 'accepted', user: { type: 'eval' } });
  });

  test('webhook: the hook decides, and is called only the first time', async () => {
    const state = createLoginState();
    const { app, calls } = hook({ ok: true, action: 'eval', userData: { displayName: 'Ada' } });
    const first = await simulateDexieLogin({ state, attempt: { userId: 'ada@acme.test', email: 'ada@acme.test' }, target: app, now: NOW });
    expect(first.hookCalled).toBe(true);
    expect(first.outcome).toMatchObject({ login: 'accepted', token: { claims: { sub: 'ada@acme.test', name: 'Ada' }, userType: 'eval', evalDaysLeft: 30, data: { displayName: 'Ada' } } });
    const second = await simulateDexieLogin({ state, attempt: { userId: 'ada@acme.test', email: 'ada@acme.test' }, target: app, now: NOW });
    expect(second.hookCalled).toBe(false);
    expect(calls()).toBe(1);
    expect(second.outcome).toMatchObject({ login: 'accepted', user: { type: 'eval' }, reason: 'existing user: the hook is not called' });
  });

  test('custom auth: no email is sent, the hook supplies it', async () => {
    const seen: unknown[] = [];
    const app = express();
    app.post('*splat', express.json(), (req, res) => {
      seen.push(req.body);
      res.json({ ok: true, action: 'prod', userData: { email: 'grace@acme.test' } });
    });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'usr_42' }, target: app, now: NOW });
    expect(seen).toEqual([{ userId: 'usr_42' }]);
    expect(result.outcome).toMatchObject({ token: { claims: { sub: 'usr_42', email: 'grace@acme.test' } } });
  });
});

describe('logins that never reach the hook', () => {
  test('demo users (@demo.local) are never new: not called', async () => {
    const { app, calls } = hook({ ok: true, action: 'prod' });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'alice@demo.local', email: 'alice@demo.local' }, target: app, now: NOW });
    expect(calls()).toBe(0);
    expect(result.outcome).toMatchObject({ login: 'refused', error: { code: 'USER_NOT_REGISTERED' } });
  });

  test('demo users with intent "register": USER_NOT_ACCEPTED (the register mapping), still no call', async () => {
    const { app, calls } = hook({ ok: true, action: 'prod' });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'alice@demo.local', email: 'alice@demo.local', intent: 'register' }, target: app, now: NOW });
    expect(calls()).toBe(0);
    expect(result.outcome).toMatchObject({ login: 'refused', error: { code: 'USER_NOT_ACCEPTED' } });
  });

  test('intent "login" for an unknown user: USER_NOT_REGISTERED, no call', async () => {
    const { app, calls } = hook({ ok: true, action: 'prod' });
    const result = await simulateDexieLogin({ state: createLoginState(), attempt: { userId: 'new@acme.test', email: 'new@acme.test', intent: 'login' }, target: app, now: NOW });
    expect(calls()).toBe(0);
    expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code: 'USER_NOT_REGISTERED' } });
  });
});

describe('seats', () => {
  test('prod users take seats; when they run out the login is refused with NO_SEATS_AVAILABLE', async () => {
    const state = createLoginState(2);
    const { app } = hook({ ok: true, action: 'prod' });
    const codes: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const { outcome } = await simulateDexieLogin({ state, attempt: { userId: `${name}@acme.test`, email: `${name}@acme.test` }, target: app, now: NOW });
      codes.push(outcome.login === 'accepted' ? 'accepted' : outcome.error.code);
    }
    expect(codes).toEqual(['accepted', 'accepted', 'NO_SEATS_AVAILABLE']);
    expect(state.seats.used).toBe(2);
    expect(state.users.has('c@acme.test')).toBe(false);
  });

  test('eval users take no seat', async () => {
    const state = createLoginState(0);
    const { app } = hook({ ok: true, action: 'eval' });
    const { outcome } = await simulateDexieLogin({ state, attempt: { userId: 'e@acme.test', email: 'e@acme.test' }, target: app, now: NOW });
    expect(outcome.login).toBe('accepted');
  });
});

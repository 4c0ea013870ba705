// Dexie Cloud's reading of the new-user hook's reply: only a 200 JSON `{ok: true, action}` is a
// decision; anything else is a hook failure handled by the failure policy.
import { describe, expect, it } from 'vitest';
import type { Attempt, WireRequest } from '../../src/core/types.js';
import { judgeDexie, licenseOf, tokenResponse, type DexieCreatedUser } from '../../src/providers/dexie-cloud/outcome.js';
import type { DexieOptions } from '../../src/providers/dexie-cloud/options.js';

const now = Date.UTC(2026, 0, 1);
const options: DexieOptions & { now: number } = { failurePolicy: 'webhook-error', policy: 'webhook', prodDomains: [], evalDays: 14, timeoutMs: 10_000, now };
const request: WireRequest = { method: 'POST', headers: {}, body: JSON.stringify({ userId: 'ada@acme.test', email: 'ada@acme.test' }) };

function reply(body: unknown, status = 200, type: string | null = 'application/json'): Attempt {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { number: 1, durationMs: 3, reply: { status, headers: type === null ? {} : { 'content-type': type }, body: text, bytes: text.length } };
}

function judge(attempt: Attempt, overrides: Partial<DexieOptions> = {}, sent: WireRequest = request) {
  return judgeDexie(sent, { attempts: [attempt] }, { ...options, ...overrides });
}

const webhookError = { login: 'refused', status: 403, error: { code: 'WEBHOOK_ERROR', message: 'The new-user web hook failed. Please try again later.' } };

describe('a decision', () => {
  it('action prod accepts a production user, with token and license', () => {
    const { verdict, outcome } = judge(reply({ ok: true, action: 'prod', userData: { displayName: 'Ada', plan: 'pro' } }));
    expect(verdict).toEqual({ pass: true, violations: [] });
    expect(outcome).toEqual({
      login: 'accepted',
      action: 'prod',
      reason: 'the hook answered action "prod"',
      user: { userId: 'ada@acme.test', type: 'prod', maxAllowedEvalDaysLeft: 14, data: { displayName: 'Ada', plan: 'pro' }, name: 'Ada', email: 'ada@acme.test' },
      token: {
        type: 'tokens',
        claims: { sub: 'ada@acme.test', email: 'ada@acme.test', name: 'Ada', license: 'ok' },
        accessToken: 'hooksim-access-token-not-a-jwt',
        accessTokenExpiration: now + 3_600_000,
        refreshToken: 'hooksim-refresh-token',
        refreshTokenExpiration: null,
        userType: 'prod',
        data: { displayName: 'Ada', plan: 'pro' },
      },
      license: { type: 'prod', status: 'ok' },
    });
  });

  it('action eval accepts an evaluation user with the evaluation days', () => {
    const { outcome } = judge(reply({ ok: true, action: 'eval' }));
    expect(outcome).toMatchObject({
      login: 'accepted',
      action: 'eval',
      user: { type: 'eval', evalDaysLeft: 14, maxAllowedEvalDaysLeft: 14, data: {} },
      token: { userType: 'eval', evalDaysLeft: 14, claims: { sub: 'ada@acme.test', email: 'ada@acme.test', license: 'ok' } },
      license: { type: 'eval', status: 'ok', evalDaysLeft: 14 },
    });
    if (outcome.login !== 'accepted') throw new Error('accepted expected');
    expect(outcome.user).not.toHaveProperty('name');
    expect(outcome.token?.claims).not.toHaveProperty('name');
  });

  it('action reject refuses the login as not accepted', () => {
    expect(judge(reply({ ok: true, action: 'reject' }))).toEqual({
      verdict: { pass: true, violations: [] },
      outcome: { login: 'refused', status: 403, error: { code: 'USER_NOT_ACCEPTED', message: 'You are not allowed to use this app.' }, reason: 'the hook answered action "reject"' },
    });
  });

  it('the email comes from the request, else from userData.email (custom authentication)', () => {
    const noEmail: WireRequest = { ...request, body: JSON.stringify({ userId: 'ext-1' }) };
    const emptyEmail: WireRequest = { ...request, body: JSON.stringify({ userId: 'ext-1', email: '' }) };
    const fromData = reply({ ok: true, action: 'prod', userData: { email: 'hook@acme.test' } });
    expect(judge(fromData, {}, noEmail).outcome).toMatchObject({ user: { userId: 'ext-1', email: 'hook@acme.test' }, token: { claims: { email: 'hook@acme.test' } } });
    expect(judge(fromData, {}, emptyEmail).outcome).toMatchObject({ user: { email: 'hook@acme.test' } });
    expect(judge(fromData).outcome).toMatchObject({ user: { email: 'ada@acme.test' } });
    const neither = judge(reply({ ok: true, action: 'prod' }), {}, noEmail).outcome;
    if (neither.login !== 'accepted') throw new Error('accepted expected');
    expect(neither.user).not.toHaveProperty('email');
    expect(neither.token?.claims).toEqual({ sub: 'ext-1', license: 'ok' });
  });

  it('a displayName that is not text does not name the user', () => {
    const { outcome } = judge(reply({ ok: true, action: 'prod', userData: { displayName: 5 } }));
    expect(outcome.login).toBe('refused');
  });
});

describe('the reply breaks the contract', () => {
  it.each([201, 204, 302, 400, 500])('status %i is a failure', (status) => {
    const { verdict, outcome } = judge(reply({ ok: true, action: 'prod' }, status));
    expect(verdict).toEqual({ pass: false, violations: [{ path: 'status', message: `expected status 200, got ${status}` }] });
    expect(outcome).toEqual({ ...webhookError, reason: `the hook failed: status: expected status 200, got ${status}` });
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8', 'Application/JSON', 'application/vnd.api+json', 'application/problem+json', 'application/json ; charset=utf-8'])(
    'content type %s is JSON',
    (type) => {
      expect(judge(reply({ ok: true, action: 'eval' }, 200, type)).verdict.pass).toBe(true);
    },
  );

  it.each(['text/plain', 'text/json', 'application/jsonp', 'application/json-seq', 'application/xml', 'xapplication/json', 'application/+json'])('content type %s is not JSON', (type) => {
    expect(judge(reply({ ok: true, action: 'eval' }, 200, type)).verdict.violations).toEqual([
      { path: 'headers.content-type', message: `expected application/json, got "${type}"` },
    ]);
  });

  it('a missing content type is a violation', () => {
    expect(judge(reply({ ok: true, action: 'eval' }, 200, null)).verdict.violations).toEqual([
      { path: 'headers.content-type', message: 'expected application/json, got no content-type' },
    ]);
  });

  it('a body that is not JSON is a violation showing its start', () => {
    expect(judge(reply('OK')).verdict.violations).toEqual([{ path: 'body', message: 'expected a JSON body, got "OK"' }]);
    expect(judge(reply('')).verdict.violations).toEqual([{ path: 'body', message: 'expected a JSON body, got an empty body' }]);
    const sixty = 'x'.repeat(60);
    expect(judge(reply(sixty)).verdict.violations[0]!.message).toBe(`expected a JSON body, got "${sixty}"`);
    expect(judge(reply(`${sixty}yz`)).verdict.violations[0]!.message).toBe(`expected a JSON body, got "${sixty}…"`);
  });

  it('every broken rule is reported, status and type and body together', () => {
    const { verdict, outcome } = judge(reply('<html>', 500, 'text/html'));
    expect(verdict.violations.map((v) => v.path)).toEqual(['status', 'headers.content-type', 'body']);
    expect(outcome).toMatchObject({ reason: 'the hook failed: status: expected status 200, got 500' });
  });

  it('a body of the wrong shape says which field and what it got', () => {
    expect(judge(reply({ ok: true, action: 'maybe' })).verdict.violations).toEqual([
      { path: 'body.action', message: 'expected one of "reject", "eval", "prod", got "maybe"' },
    ]);
    expect(judge(reply({ action: 'eval' })).verdict.violations).toEqual([{ path: 'body.ok', message: 'expected boolean, got nothing' }]);
    expect(judge(reply({ ok: 'yes', action: 'eval' })).verdict.violations).toEqual([{ path: 'body.ok', message: 'expected boolean, got "yes"' }]);
    expect(judge(reply({ ok: true, action: 'eval', userData: { displayName: 5 } })).verdict.violations).toEqual([
      { path: 'body.userData.displayName', message: 'expected string, got 5' },
    ]);
    expect(judge(reply([1])).verdict.violations).toEqual([{ path: 'body', message: 'expected object, got [1]' }]);
  });

  it('a reply larger than hooksim keeps cannot be judged: a failure that says so', () => {
    const prefix = '{"ok":true,"action":"prod","userData":{"pad":"';
    const truncated: Attempt = { number: 1, durationMs: 3, reply: { status: 200, headers: { 'content-type': 'application/json' }, body: prefix, bytes: 2_000_000, truncated: true } };
    const { verdict, outcome } = judge(truncated);
    expect(verdict.pass).toBe(false);
    expect(verdict.violations).toHaveLength(1);
    expect(verdict.violations[0]!.path).toBe('body');
    expect(verdict.violations[0]!.message).toContain('2000000 bytes');
    expect(verdict.violations[0]!.message).toContain(`${prefix.length} kept`);
    expect(outcome.login).toBe('refused');
    const whole: Attempt = { number: 1, durationMs: 3, reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"action":"prod"}', bytes: 27, truncated: false } };
    expect(judge(whole).verdict.pass).toBe(true);
  });

  it('ok: false is a failure, not a decision', () => {
    const { verdict, outcome } = judge(reply({ ok: false, action: 'prod' }));
    expect(verdict.violations).toEqual([
      {
        path: 'body.ok',
        message: 'ok is false: Dexie Cloud treats this as a failed hook (inferred), not as a decision; answer action "reject" to refuse a user',
      },
    ]);
    expect(outcome.login).toBe('refused');
  });
});

describe('no reply', () => {
  it('a timeout is a failure', () => {
    const { verdict, outcome } = judge({ number: 1, durationMs: 10_000, error: { kind: 'timeout', message: 'no reply within 10000 ms' } });
    expect(verdict).toEqual({ pass: false, violations: [{ path: 'delivery', message: 'no reply within 10000 ms' }] });
    expect(outcome).toEqual({ ...webhookError, reason: 'the hook failed: delivery: no reply within 10000 ms' });
  });
});

describe('failure policies', () => {
  const failure = reply('oops', 500, 'text/plain');
  const why = 'the hook failed: status: expected status 200, got 500';

  it('webhook-error (default) refuses with WEBHOOK_ERROR', () => {
    expect(judge(failure).outcome).toEqual({ ...webhookError, reason: why });
  });

  it('eval falls back to an evaluation account, ignoring any userData', () => {
    const { verdict, outcome } = judge(reply({ ok: false, action: 'prod', userData: { displayName: 'X' } }), { failurePolicy: 'eval' });
    expect(verdict.pass).toBe(false);
    expect(outcome).toMatchObject({ login: 'accepted', action: 'eval', user: { type: 'eval', evalDaysLeft: 14, data: {} } });
    expect(outcome.reason).toMatch(/^the hook failed: body\.ok: ok is false.* \(failure policy "eval"\)$/);
    expect(judge(failure, { failurePolicy: 'eval' }).outcome.reason).toBe(`${why} (failure policy "eval")`);
  });

  it('reject refuses as not accepted', () => {
    expect(judge(failure, { failurePolicy: 'reject' }).outcome).toEqual({
      login: 'refused',
      status: 403,
      error: { code: 'USER_NOT_ACCEPTED', message: 'You are not allowed to use this app.' },
      reason: `${why} (failure policy "reject")`,
    });
  });
});

describe('token and license', () => {
  const user: DexieCreatedUser = { userId: 'u1', type: 'eval', evalDaysLeft: 0, maxAllowedEvalDaysLeft: 0, data: {} };
  it('an eval user with no days left still carries evalDaysLeft 0', () => {
    expect(tokenResponse(user, 5).evalDaysLeft).toBe(0);
    expect(licenseOf(user)).toEqual({ type: 'eval', status: 'ok', evalDaysLeft: 0 });
  });
  it('a prod user has no evalDaysLeft', () => {
    const prod: DexieCreatedUser = { userId: 'u1', type: 'prod', maxAllowedEvalDaysLeft: 30, data: {} };
    expect(tokenResponse(prod, 5)).not.toHaveProperty('evalDaysLeft');
    expect(licenseOf(prod)).toStrictEqual({ type: 'prod', status: 'ok' });
  });
});

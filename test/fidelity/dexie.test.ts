import express from 'express';
import { describe, expect, test } from 'vitest';
import { prepareEvent, send } from '../../src/send.js';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';
import { dexieCloud } from '../../src/providers/dexie-cloud/index.js';

const NOW = '2026-03-02T08:00:00.000Z';

/** A hook that answers with the given status, content type and raw body. */
function replying(status: number, body: string, type = 'application/json') {
  const app = express();
  app.post('/', (_req, res) => {
    res.status(status).type(type).send(body);
  });
  return app;
}

const sendTo = (app: express.Express, options: Record<string, unknown> = {}, variant?: string) =>
  send({ provider: dexieCloud, event: 'new-user', target: app, now: NOW, seed: 3, options, variant });

describe('the new-user request (dexie-cloud.md §0)', () => {
  test('POST, content-type application/json, compact {"userId","email"}; no other provider headers', () => {
    const { request } = prepareEvent({ provider: 'dexie-cloud', event: 'new-user', seed: 3 });
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({ 'content-type': 'application/json' });
    expect(Object.keys(JSON.parse(request.body))).toEqual(['userId', 'email']);
    expect(request.body).not.toMatch(/\s/);
  });

  test('variants: otp (userId is the email), opaque-id (hash), custom-auth (no email)', () => {
    const body = (variant: string) => JSON.parse(prepareEvent({ provider: dexieCloud, event: 'new-user', seed: 3, variant }).request.body);
    const otp = body('otp');
    expect(otp.userId).toBe(otp.email);
    expect(otp.email).toMatch(/^[^@]+@[^@]+$/);
    const opaque = body('opaque-id');
    expect(opaque.userId).toMatch(/^[0-9a-f]{64}$/);
    expect(opaque.email).toBe(otp.email);
    expect(Object.keys(body('custom-auth'))).toEqual(['userId']);
  });

  test('X-DexieCloud-Token only when asked for, and never shown', async () => {
    const seen: string[] = [];
    const app = express();
    app.post('/', (req, res) => {
      seen.push(String(req.headers['x-dexiecloud-token']));
      res.json({ ok: true, action: 'eval' });
    });
    const result = await sendTo(app, { token: 'secret-token-123456' });
    expect(seen).toEqual(['secret-token-123456']);
    expect(JSON.stringify(result)).not.toContain('secret-token-123456');
    expect(result.request.headers['x-dexiecloud-token']).toBe('[redacted]');
  });
});

describe('reading the reply: every violation class', () => {
  test.each([
    ['status 201', replying(201, '{"ok":true,"action":"eval"}'), 'status', /expected status 200, got 201/],
    ['text/plain', replying(200, '{"ok":true,"action":"eval"}', 'text/plain'), 'headers.content-type', /expected application\/json, got "text\/plain/],
    ['not JSON', replying(200, '<html>ok</html>'), 'body', /expected a JSON body, got "<html>ok<\/html>"/],
    ['empty body', replying(200, ''), 'body', /expected a JSON body, got an empty body/],
    ['unknown action', replying(200, '{"ok":true,"action":"production"}'), 'body.action', /expected one of "reject", "eval", "prod", got "production"/],
    ['missing action', replying(200, '{"ok":true}'), 'body.action', /got nothing/],
    ['ok not boolean', replying(200, '{"ok":"yes","action":"eval"}'), 'body.ok', /expected boolean, got "yes"/],
    ['ok false', replying(200, '{"ok":false,"action":"reject"}'), 'body.ok', /ok is false/],
    ['userData not an object', replying(200, '{"ok":true,"action":"eval","userData":"Ada"}'), 'body.userData', /expected object, got "Ada"/],
    ['displayName not a string', replying(200, '{"ok":true,"action":"eval","userData":{"displayName":7}}'), 'body.userData.displayName', /expected string, got 7/],
  ])('%s -> %s', async (_name, app, path, message) => {
    const result = await sendTo(app);
    expect(result.verdict.pass).toBe(false);
    const violation = result.verdict.violations.find((v) => v.path === path);
    expect(violation?.message).toMatch(message);
    expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code: 'WEBHOOK_ERROR' } });
  });

  test('application/json with a charset and +json types are JSON', async () => {
    const result = await sendTo(replying(200, '{"ok":true,"action":"eval"}', 'application/json; charset=utf-8'));
    expect(result.verdict.pass).toBe(true);
  });
});

describe('outcomes (dexie-cloud.md §1.3, §6)', () => {
  test('prod: a production user with userData as data, displayName as name, the authenticated email', async () => {
    const result = await sendTo(replying(200, '{"ok":true,"action":"prod","userData":{"displayName":"Ada","email":"other@x.test","plan":"team"}}'));
    const sent = JSON.parse(result.request.body);
    expect(result.outcome).toEqual({
      login: 'accepted',
      action: 'prod',
      user: { userId: sent.userId, type: 'prod', maxAllowedEvalDaysLeft: 30, data: { displayName: 'Ada', email: 'other@x.test', plan: 'team' }, name: 'Ada', email: sent.email },
      // The client's view: TokenFinalResponse and db.cloud.currentUser's license (dexie-cloud.md §3.2-3.3).
      token: {
        type: 'tokens',
        claims: { sub: sent.userId, email: sent.email, name: 'Ada', license: 'ok' },
        accessToken: '[redacted]', // tokens are never printed, placeholders included
        accessTokenExpiration: Date.parse(NOW) + 3_600_000,
        refreshToken: '[redacted]',
        refreshTokenExpiration: null,
        userType: 'prod',
        data: { displayName: 'Ada', email: 'other@x.test', plan: 'team' },
      },
      license: { type: 'prod', status: 'ok' },
      reason: 'the hook answered action "prod"',
    });
  });

  test('eval: evalDaysLeft from the options, userData applied too (the #2104 fix)', async () => {
    const result = await sendTo(replying(200, '{"ok":true,"action":"eval","userData":{"plan":"trial"}}'), { evalDays: 14 });
    expect(result.outcome).toMatchObject({
      login: 'accepted',
      user: { type: 'eval', evalDaysLeft: 14, maxAllowedEvalDaysLeft: 14, data: { plan: 'trial' } },
      token: { userType: 'eval', evalDaysLeft: 14, claims: { license: 'ok' } },
      license: { type: 'eval', status: 'ok', evalDaysLeft: 14 },
    });
  });

  test('custom auth: userData.email supplies the missing email', async () => {
    const result = await sendTo(replying(200, '{"ok":true,"action":"eval","userData":{"email":"grace@acme.test"}}'), {}, 'custom-auth');
    expect(result.outcome).toMatchObject({ user: { email: 'grace@acme.test' } });
  });

  test('reject: 403 USER_NOT_ACCEPTED and no user', async () => {
    const result = await sendTo(replying(200, '{"ok":true,"action":"reject"}'));
    expect(result.verdict.pass).toBe(true);
    expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code: 'USER_NOT_ACCEPTED' } });
    expect(result.outcome).not.toHaveProperty('user');
  });

  test('failure policies: webhook-error (default), eval, reject', async () => {
    const broken = replying(500, 'oops', 'text/plain');
    expect((await sendTo(broken)).outcome).toMatchObject({ login: 'refused', error: { code: 'WEBHOOK_ERROR' } });
    expect((await sendTo(broken, { failurePolicy: 'eval' })).outcome).toMatchObject({ login: 'accepted', user: { type: 'eval', data: {} } });
    expect((await sendTo(broken, { failurePolicy: 'reject' })).outcome).toMatchObject({ login: 'refused', error: { code: 'USER_NOT_ACCEPTED' } });
  });

  test('no retry: one attempt, even on 5xx', async () => {
    const result = await sendTo(replying(503, '{}'));
    expect(result.attempts).toHaveLength(1);
  });
});

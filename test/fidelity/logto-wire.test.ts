import { describe, expect, test } from 'vitest';
import { logtoInteractionPayload, logtoManagementApiPayload, logtoExperiencePayload } from '../../src/providers/logto/contract.js';
import { signLogtoBody } from '../../src/providers/logto/signing.js';
import { prepareEvent } from '../../src/send.js';
import { logto } from '../../src/providers/logto/index.js';

// ../shared/contracts/logto.md §2.4: the byte-exact User.Created body and its HMAC.
const VECTOR_BODY =
  '{"event":"User.Created","createdAt":"2025-08-22T10:00:00.015Z","userAgent":"node","ip":"::ffff:10.0.0.12","path":"/users","method":"POST","status":200,"params":{},"matchedRoute":"/users","data":{"id":"r5t8y2u6i9o1","username":"bob","primaryEmail":"bob@example.com","primaryPhone":null,"name":"Bob","avatar":null,"customData":{"plan":"pro"},"identities":{},"lastSignInAt":null,"createdAt":1755856800000,"updatedAt":1755856800000,"profile":{},"applicationId":null,"isSuspended":false,"hasPassword":true},"hookId":"jhcgbb09lfhk448jds1jr"}';
const VECTOR_KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';
const VECTOR_SIGNATURE = '4f5777c47678236deec33e7b8bd08f3c8e8a868349c835d06e0d50c30a52c950';

// userInfoSelectFields (logto.md §2.3), written out here rather than read from the code.
const USER_FIELDS_142 = ['id', 'username', 'primaryEmail', 'primaryPhone', 'name', 'avatar', 'customData', 'identities', 'lastSignInAt', 'createdAt', 'updatedAt', 'profile', 'applicationId', 'isSuspended'];
const USER_FIELDS_143 = [...USER_FIELDS_142.slice(0, 13), 'cimdClientId', 'isSuspended'];
const NOW = '2026-03-02T08:00:00.000Z';

const payloadOf = (event: string, extra: Record<string, unknown> = {}) =>
  JSON.parse(prepareEvent({ provider: logto, event, now: NOW, seed: 5, ...extra }).request.body) as Record<string, any>;

describe('signature', () => {
  test('the contract test vector', () => {
    expect(signLogtoBody(VECTOR_KEY, VECTOR_BODY)).toBe(VECTOR_SIGNATURE);
  });

  test('hooksim reproduces the documented User.Created bytes and signature exactly', () => {
    const prepared = prepareEvent({
      provider: 'logto',
      event: 'User.Created',
      variant: 'management-api',
      now: '2025-08-22T10:00:00.015Z',
      options: { signingKey: VECTOR_KEY, hookId: 'jhcgbb09lfhk448jds1jr' },
      set: {
        ip: '::ffff:10.0.0.12',
        data: JSON.parse(VECTOR_BODY).data,
      },
    });
    expect(prepared.request.body).toBe(VECTOR_BODY);
    expect(prepared.request.headers['logto-signature-sha-256']).toBe(VECTOR_SIGNATURE);
  });

  test('headers: user agent, content type, signature; no signature without a key', () => {
    const signed = prepareEvent({ provider: 'logto', event: 'PostSignIn', now: NOW, signingKey: VECTOR_KEY }).request;
    expect(signed.method).toBe('POST');
    expect(signed.headers).toEqual({
      'content-type': 'application/json',
      'logto-signature-sha-256': signLogtoBody(VECTOR_KEY, signed.body),
      'user-agent': 'Logto (https://logto.io/)',
    });
    const unsigned = prepareEvent({ provider: 'logto', event: 'PostSignIn', now: NOW }).request;
    expect(Object.keys(unsigned.headers)).not.toContain('logto-signature-sha-256');
  });

  test('custom headers merge as Logto spreads them: they override the user agent and content type, never the signature', () => {
    const { headers, body } = prepareEvent({
      provider: 'logto',
      event: 'PostSignIn',
      now: NOW,
      signingKey: VECTOR_KEY,
      options: { headers: { 'user-agent': 'custom', 'content-type': 'application/vnd.x+json', 'x-tenant': 't1', 'logto-signature-sha-256': 'forged' } },
    }).request;
    expect(headers['user-agent']).toBe('custom');
    expect(headers['content-type']).toBe('application/vnd.x+json');
    expect(headers['x-tenant']).toBe('t1');
    expect(headers['logto-signature-sha-256']).toBe(signLogtoBody(VECTOR_KEY, body));
  });
});

describe('payload key order and types (logto.md §2.2, §2.4)', () => {
  test('interaction events: the key order of triggerInteractionHooks, hookId last', () => {
    for (const [event, interactionEvent] of [['PostRegister', 'Register'], ['PostSignIn', 'SignIn'], ['PostResetPassword', 'ForgotPassword']]) {
      const body = payloadOf(event!);
      expect(Object.keys(body)).toEqual(['event', 'interactionEvent', 'createdAt', 'sessionId', 'userAgent', 'userId', 'userIp', 'user', 'application', 'hookId']);
      expect(body.event).toBe(event);
      expect(body.interactionEvent).toBe(interactionEvent);
      expect(Object.keys(body.user)).toEqual(USER_FIELDS_142);
      expect(Object.keys(body.application)).toEqual(['id', 'type', 'name', 'description']);
      expect(body.userId).toBe(body.user.id);
      expect(logtoInteractionPayload.safeParse(body).success).toBe(true);
    }
  });

  test('types: ISO createdAt with ms, epoch-ms user timestamps, nulls kept, id formats', () => {
    const body = payloadOf('PostRegister');
    expect(body.createdAt).toBe(NOW);
    expect(body.user.createdAt).toEqual(expect.any(Number));
    expect(body.user.updatedAt).toEqual(expect.any(Number));
    expect(body.user.lastSignInAt).toEqual(expect.any(Number));
    expect(body.user.avatar).toBeNull();
    expect(body.user.applicationId).toBeNull();
    expect(body.user.id).toMatch(/^[a-z0-9]{12}$/);
    expect(body.hookId).toMatch(/^[a-z0-9]{21}$/);
    expect(body.user.createdAt).toBeLessThan(Date.parse(NOW));
  });

  test('version 1.43 adds cimdClientId before isSuspended', () => {
    const body = payloadOf('PostSignIn', { options: { version: '1.43' } });
    expect(Object.keys(body.user)).toEqual(USER_FIELDS_143);
    expect(body.user.cimdClientId).toBeNull();
  });

  test('User.Created from the Management API: route context without /api, data with hasPassword', () => {
    const body = payloadOf('User.Created', { variant: 'management-api' });
    expect(Object.keys(body)).toEqual(['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId']);
    expect(body).toMatchObject({ path: '/users', method: 'POST', status: 200, params: {}, matchedRoute: '/users' });
    expect(Object.keys(body.data)).toEqual([...USER_FIELDS_142, 'hasPassword']);
    expect(body.data.lastSignInAt).toBeNull();
    expect(logtoManagementApiPayload.safeParse(body).success).toBe(true);
  });

  test('User.Created from sign-up: Experience API metadata, applicationId and application, no route context', () => {
    const body = payloadOf('User.Created', { variant: 'experience' });
    expect(Object.keys(body)).toEqual(['event', 'createdAt', 'interactionEvent', 'userAgent', 'applicationId', 'sessionId', 'ip', 'application', 'data', 'hookId']);
    expect(body.applicationId).toBe(body.application.id);
    expect(Object.keys(body.data)).toEqual(USER_FIELDS_142);
    expect(body.data.lastSignInAt).toBeNull();
    expect(body.data.updatedAt).toBe(body.data.createdAt);
    expect(logtoExperiencePayload.safeParse(body).success).toBe(true);
  });

  test('the strict contracts reject what Logto would never send', () => {
    const body = payloadOf('PostSignIn');
    expect(logtoInteractionPayload.safeParse({ ...body, extra: 1 }).success).toBe(false);
    expect(logtoInteractionPayload.safeParse({ ...body, user: { ...body.user, lastSignInAt: new Date().toISOString() } }).success).toBe(false);
  });
});

describe('seeds and overrides', () => {
  test('same seed and time: byte-identical body and signature; another seed: another user', () => {
    const a = prepareEvent({ provider: 'logto', event: 'PostRegister', now: NOW, seed: 9, signingKey: VECTOR_KEY }).request;
    const b = prepareEvent({ provider: 'logto', event: 'PostRegister', now: NOW, seed: 9, signingKey: VECTOR_KEY }).request;
    const c = prepareEvent({ provider: 'logto', event: 'PostRegister', now: NOW, seed: 10, signingKey: VECTOR_KEY }).request;
    expect(a).toEqual(b);
    expect(JSON.parse(c.body).user.id).not.toBe(JSON.parse(a.body).user.id);
  });

  test('a path through __proto__ is refused, not silently lost', () => {
    expect(() => prepareEvent({ provider: 'logto', event: 'PostSignIn', now: NOW, set: { '__proto__.polluted': 1 } })).toThrow(/"__proto__" cannot be used as a key/);
    expect(() => prepareEvent({ provider: 'logto', event: 'PostSignIn', now: NOW, set: { 'user.constructor': 1 } })).toThrow(/cannot be used as a key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an override keeps the key in place; a new key is appended; the signature covers the result', () => {
    const { body, headers } = prepareEvent({ provider: 'logto', event: 'PostSignIn', now: NOW, signingKey: VECTOR_KEY, set: { 'user.name': 'Zoë', extra: true } }).request;
    const parsed = JSON.parse(body);
    expect(Object.keys(parsed.user)).toEqual(USER_FIELDS_142);
    expect(parsed.user.name).toBe('Zoë');
    expect(Object.keys(parsed).at(-1)).toBe('extra');
    expect(headers['logto-signature-sha-256']).toBe(signLogtoBody(VECTOR_KEY, body));
  });
});

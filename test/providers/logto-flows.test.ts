import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { dispatchLogtoEvents, signUpTriggers, type LogtoHookConfig } from '../../src/providers/logto/flows/fanout.js';
import { sendLogtoTestPayloads } from '../../src/providers/logto/flows/test-hook.js';
import { executionStats, logEntry, maskSensitive, recentLogs } from '../../src/providers/logto/logs.js';
import { logtoTestPayload } from '../../src/providers/logto/test-payload.js';
import { signLogtoBody } from '../../src/providers/logto/signing.js';
import type { LogtoLogPayload } from '../../src/providers/logto/outcome.js';

const NOW = Date.parse('2026-03-02T08:00:00.000Z');
const KEY = 'Xq3vR8tLm2Np7Ks4Wd9Yb6Hc1Jf5Gz0A';
const HOOK = 'jhcgbb09lfhk448jds1jr';

/** An in-process hook recording what it got and answering `status`. */
function recorder(status = 200) {
  const seen: { body: any; signature?: string; raw: string }[] = [];
  const app = express();
  app.post('*splat', express.text({ type: '*/*' }), (req, res) => {
    seen.push({ body: JSON.parse(req.body as string), signature: req.get('logto-signature-sha-256'), raw: req.body as string });
    res.status(status).send(status >= 400 ? 'nope' : '');
  });
  return { app, seen };
}

describe('test webhook mode ("Send test payload")', () => {
  test('interaction events: the fixed fakes, hookId second, no interactionEvent', () => {
    const payload = logtoTestPayload('PostSignIn', HOOK, NOW);
    expect(Object.keys(payload)).toEqual(['event', 'hookId', 'createdAt', 'userAgent', 'sessionId', 'userIp', 'userId', 'user', 'application']);
    expect(payload).toMatchObject({ userAgent: 'fake-user-agent', sessionId: 'fake-session-id', userIp: 'fake-user-ip', userId: 'fake-id' });
    expect(payload.user).toMatchObject({ id: 'fake-id', username: 'fake-user', customData: { theme: 'light' }, lastSignInAt: NOW });
    expect(payload.application).toEqual({ id: 'fake-spa-application-id', type: 'SPA', name: 'Fake Application', description: 'Fake application data for testing' });
    expect(logtoTestPayload('PostSignIn', HOOK, NOW, '1.43').user).toHaveProperty('cimdClientId', null);
  });

  test('other events: the fake Management API context', () => {
    expect(logtoTestPayload('Role.Created', HOOK, NOW)).toEqual({
      event: 'Role.Created', hookId: HOOK, createdAt: new Date(NOW).toISOString(), userAgent: 'fake-user-agent',
      path: '/fake-path/:id', method: 'POST', status: 200, params: { id: 'fake-id' }, data: { result: 'success' },
    });
  });

  test('204 when every endpoint answers 2xx; one request per event, deduplicated, signed', async () => {
    const hook = recorder(204);
    const { response, requests } = await sendLogtoTestPayloads({ target: hook.app, events: ['PostRegister', 'User.Created', 'PostRegister'], hookId: HOOK, signingKey: KEY, now: NOW });
    expect(response).toEqual({ status: 204 });
    expect(requests).toHaveLength(2);
    expect(hook.seen.map((s) => s.body.event).sort()).toEqual(['PostRegister', 'User.Created']);
    for (const seen of hook.seen) expect(seen.signature).toBe(signLogtoBody(KEY, seen.raw));
  });

  test('422 with the endpoint status and body; 422 send_test_payload_failed when unreachable', async () => {
    const refusing = recorder(500);
    const { response } = await sendLogtoTestPayloads({ target: refusing.app, events: ['PostSignIn'], hookId: HOOK, now: NOW });
    // RequestError.toBody: code, data, message, with Logto's English phrase.
    expect(response).toEqual({ status: 422, body: { code: 'hook.endpoint_responded_with_error', data: { responseStatus: 500, responseBody: 'nope' }, message: 'Endpoint responded with error.' } });
    expect(response.status === 422 && Object.keys(response.body)).toEqual(['code', 'data', 'message']);
    const hanging = express();
    hanging.post('*splat', () => undefined);
    const timedOut = await sendLogtoTestPayloads({ target: hanging, events: ['PostSignIn'], hookId: HOOK, now: NOW, timeoutMs: 50 });
    expect(timedOut.response).toEqual({ status: 422, body: { code: 'hook.send_test_payload_failed', message: 'Failed to send test payload: TimeoutError: Request timed out' } });
  });
});

describe('logs and execution stats', () => {
  const log = (result: 'Success' | 'Error'): LogtoLogPayload => ({ key: 'TriggerHook.PostSignIn', result, hookId: HOOK, hookRequest: { body: { event: 'PostSignIn' } } });

  test('the stored copy is masked as Logto masks it; the wire is not', () => {
    const masked = maskSensitive({
      password: 'p', client_secret: 's', accessToken: 't', token: 't', apiKey: 'k', Authorization: 'Bearer x', cookie: 'c', privateKey: 'k',
      hasPassword: true, passwordVerified: false, name: 'Ada', nested: [{ refresh_token: 'r', value: 'a\u0000b' }], customScript: 'x', environmentVariables: {},
    });
    expect(masked).toEqual({
      password: '******', client_secret: '******', accessToken: '******', token: '******', apiKey: '******', Authorization: '******', cookie: '******', privateKey: '******',
      hasPassword: true, passwordVerified: false, name: 'Ada', nested: [{ refresh_token: '******', value: 'ab' }],
    });
  });

  test('stats count the last 24 h; recent logs are newest first and filter by key', () => {
    const entries = [
      logEntry(log('Success'), 'a', NOW - 1000),
      logEntry(log('Error'), 'b', NOW - 2000),
      logEntry(log('Success'), 'c', NOW - 25 * 3_600_000),
      logEntry({ ...log('Success'), key: 'TriggerHook.User.Created' }, 'd', NOW - 500),
    ];
    expect(executionStats(entries, NOW)).toEqual({ requestCount: 3, successCount: 2 });
    expect(recentLogs(entries, { now: NOW }).map((entry) => entry.id)).toEqual(['d', 'a', 'b']);
    expect(recentLogs(entries, { now: NOW, logKey: 'TriggerHook.PostSignIn', pageSize: 1 }).map((entry) => entry.id)).toEqual(['a']);
  });
});

describe('fan-out to several hooks', () => {
  test('matching: subscribed events, the legacy single event, disabled hooks skipped; each hook gets its own id and signature', async () => {
    const subscribed = recorder();
    const legacy = recorder();
    const disabled = recorder();
    const other = recorder();
    const hooks: LogtoHookConfig[] = [
      { id: 'a'.repeat(21), events: ['PostSignIn', 'PostRegister'], target: subscribed.app, signingKey: KEY },
      { id: 'b'.repeat(21), event: 'PostSignIn', target: legacy.app },
      { id: 'c'.repeat(21), events: ['PostSignIn'], enabled: false, target: disabled.app },
      { id: 'd'.repeat(21), events: ['User.Created'], event: 'PostSignIn', target: other.app },
    ];
    const { deliveries, skipped } = await dispatchLogtoEvents({ hooks, triggers: [{ event: 'PostSignIn' }], now: NOW, clock: manualClock(NOW) });
    expect(deliveries.map((d) => d.hookId).sort()).toEqual(['a'.repeat(21), 'b'.repeat(21)]);
    expect(skipped.map((s) => s.hookId).sort()).toEqual(['c'.repeat(21), 'd'.repeat(21)]);
    expect(disabled.seen).toHaveLength(0);
    expect(other.seen).toHaveLength(0);
    expect(subscribed.seen[0]!.body.hookId).toBe('a'.repeat(21));
    expect(subscribed.seen[0]!.signature).toBe(signLogtoBody(KEY, subscribed.seen[0]!.raw));
    expect(legacy.seen[0]!.signature).toBeUndefined();
    // One payload per event: the same createdAt for every hook.
    expect(subscribed.seen[0]!.body.createdAt).toBe(legacy.seen[0]!.body.createdAt);
    for (const delivery of deliveries) expect(delivery.log).toMatchObject({ key: 'TriggerHook.PostSignIn', payload: { result: 'Success', hookId: delivery.hookId } });
  });

  test('at most 10 deliveries in flight, every delivery completed (25 hooks)', async () => {
    let inFlight = 0;
    let peak = 0;
    const servers: Server[] = [];
    const waiting: (() => void)[] = [];
    // Each hook holds its reply until ten are waiting, so the cap is what limits concurrency.
    const handler = (_req: unknown, res: { end(): void }) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      waiting.push(() => {
        inFlight -= 1;
        res.end();
      });
      if (waiting.length >= 10 || waiting.length >= remaining()) for (const release of waiting.splice(0)) release();
    };
    let done = 0;
    const remaining = () => 25 - done;
    const hooks: LogtoHookConfig[] = [];
    for (let i = 0; i < 25; i++) {
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => handler(req, { end: () => { done += 1; res.end(); } }));
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hooks.push({ id: `hook${String(i).padStart(17, '0')}`, events: ['User.Created'], target: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
    }
    try {
      const result = await dispatchLogtoEvents({ hooks, triggers: [{ event: 'User.Created' }], now: NOW });
      expect(result.deliveries).toHaveLength(25);
      expect(result.deliveries.every((d) => d.result.verdict.pass)).toBe(true);
      expect(result.maxInFlight).toBe(10);
      expect(peak).toBeLessThanOrEqual(10);
    } finally {
      for (const server of servers) server.close();
    }
  });

  test('the sign-up story: PostRegister and User.Created for the same user, in either order', async () => {
    const slowFirst = express();
    const seen: string[] = [];
    // The hook finishes the two events in the opposite order from how they were triggered.
    slowFirst.post('*splat', express.json(), (req, res) => {
      const delay = req.body.event === 'PostRegister' ? 30 : 0;
      setTimeout(() => {
        seen.push(req.body.event);
        res.sendStatus(200);
      }, delay);
    });
    const hooks: LogtoHookConfig[] = [{ id: 'e'.repeat(21), events: ['PostRegister', 'User.Created'], target: slowFirst }];
    const { deliveries } = await dispatchLogtoEvents({ hooks, triggers: signUpTriggers, now: NOW, seed: 5 });
    expect(seen).toEqual(['User.Created', 'PostRegister']);
    const [register, created] = deliveries.map((d) => JSON.parse(d.result.request.body));
    expect(register.event).toBe('PostRegister');
    expect(created.event).toBe('User.Created');
    expect(created.interactionEvent).toBe('Register');
    expect(created.data.id).toBe(register.user.id);
    expect(created.data.primaryEmail).toBe(register.user.primaryEmail);
    expect(created.data.lastSignInAt).toBeNull();
  });
});

afterAll(() => undefined);

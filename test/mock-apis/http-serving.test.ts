import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createBackOfficeHook } from '../../examples/callbacks/dexie-back-office.js';
import { createDefaultRoleHook } from '../../examples/callbacks/logto-default-role.js';
import { createDexieMockApi, createLogtoMockApi, dexieUser, serveMockApi, userRoleNames, type ServedMockApi } from '../../src/mock-apis/index.js';
import { parseScenario } from '../../src/scenarios/load.js';
import { runScenario } from '../../src/scenarios/run.js';
import { transportFor } from '../../src/transports/target.js';
import { describeFailure } from '../../src/vitest/scenarios.js';
import { prepareEvent, send } from '../../src/send.js';

const KEY = 'hooksimDemoSigningKey0123456789ab';

let served: ServedMockApi | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe('a node:http server on 127.0.0.1 for hooks elsewhere', () => {
  test('binds 127.0.0.1 on a port from the OS; answers over real HTTP; unknown routes are 501', async () => {
    const api = createLogtoMockApi();
    served = await serveMockApi(api);
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = await fetch(`${served.url}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'hooksim-m2m', client_secret: 'wrong', resource: 'https://default.logto.app/api' }),
    });
    expect(token.status).toBe(401);
    expect(await token.json()).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
    const unknown = await fetch(`${served.url}/api/applications`);
    expect(unknown.status).toBe(501);
    expect(await unknown.json()).toMatchObject({ message: "hooksim's logto mock does not emulate GET /api/applications" });
    expect(api.calls.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['POST /oidc/token 401', 'GET /api/applications 501']);
  });

  test('a body over 1 MB is refused with 413 and not handed to the mock; one just under it is', async () => {
    const api = createLogtoMockApi();
    served = await serveMockApi(api);
    const post = (bytes: number) => fetch(`${served!.url}/api/users`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(bytes) });
    const big = await post(1024 * 1024 + 1);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ code: 'hooksim.body_too_large', message: 'request bodies over 1048576 bytes are refused' });
    expect(api.calls.calls).toEqual([]);
    expect((await post(1024 * 1024)).status).toBe(501);
    expect(api.calls.calls).toHaveLength(1);
  });

  test('the default-role hook over real HTTP: form-encoded token request, role assigned, plan merged', async () => {
    const prepared = prepareEvent({ provider: 'logto', event: 'PostRegister', signingKey: KEY, seed: 11 });
    const events: string[] = [];
    const api = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] }, onDataEvent: (event) => events.push(event) });
    const actor = api.adopt(prepared);
    served = await serveMockApi(api);
    // OSS: the endpoint is wherever Logto runs, the indicator stays https://default.logto.app/api.
    const hook = createDefaultRoleHook({ signingKey: KEY, logtoEndpoint: served.url, resource: 'https://default.logto.app/api', clientId: 'hooksim-m2m', clientSecret: 'hooksim-m2m-secret', roleName: 'member' });
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, actor });
    expect(result.response?.status).toBe(204);
    const userId = JSON.parse(result.request.body).userId as string;
    await api.calls.waitForCalls({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 5000 });
    expect(api.calls.assertCalled({ method: 'POST', path: '/oidc/token' })[0]).toMatchObject({
      headers: { authorization: 'Basic [redacted]', 'content-type': 'application/x-www-form-urlencoded' },
      body: { grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' },
    });
    expect(userRoleNames(api.tenant, userId)).toEqual(['member']);
    expect(events).toEqual(['User.Data.Updated']);
    await Promise.all(hook.log.done);
    expect(hook.log.errors).toEqual([]);
  });

  test('the back-office hook upgrades a paying customer through the served REST API', async () => {
    const api = createDexieMockApi();
    served = await serveMockApi(api);
    const hook = createBackOfficeHook({ databaseUrl: served.url, clientId: 'hooksim-client', clientSecret: 'hooksim-secret', paidCustomers: ['grace@acme.test'] });
    const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: hook.app, set: { userId: 'grace@acme.test', email: 'grace@acme.test' } });
    expect(result.outcome).toMatchObject({ login: 'accepted', user: { type: 'eval' } });
    const upgrade = await api.calls.waitFor({ method: 'POST', path: '/users', body: [{ userId: 'grace@acme.test', type: 'prod' }] }, { timeoutMs: 2000 });
    expect(upgrade[0]?.status).toBe(200);
    expect(api.database.users.get('grace@acme.test')).toMatchObject({ type: 'prod', data: { plan: 'paid' } });
    expect(hook.errors).toEqual([]);
  });

  test('the scenario against a back office that asks for read-only scopes fails with the 403', async () => {
    const api = createDexieMockApi();
    served = await serveMockApi(api, { port: 0 });
    const text = readFileSync('scenarios/dexie-cloud/callbacks/back-office-upgrade.yaml', 'utf8').replace('serve: msw', 'serve: http');
    const loaded = parseScenario(text, 'back-office-upgrade.yaml');
    const hook = createBackOfficeHook({ databaseUrl: served.url, clientId: 'hooksim-client', clientSecret: 'hooksim-secret', paidCustomers: ['grace.hopper@acme.test'], mistake: 'read-only-scopes' });
    const transport = transportFor(hook.app);
    try {
      const result = await runScenario(loaded, { transport, env: {}, mockApi: { api, url: served.url, beforeDelivery: () => undefined, afterDelivery: () => undefined, drainFollowUps: () => [], close: async () => undefined } });
      expect(result.status).toBe('failed');
      expect(describeFailure(result)).toMatch(/calls\[0\]: expected at least one call POST \/token with a body containing .*GLOBAL_WRITE/);
      expect(describeFailure(result)).toMatch(/POST \/users -> 403/);
    } finally {
      await transport.close();
    }
  });
});

describe('a payment webhook upgrades an existing evaluation user through the served REST API', () => {
  test('the user the new-user hook admitted as eval becomes prod; the calls came in order', async () => {
    const api = createDexieMockApi({ database: { now: Date.parse('2026-03-02T08:00:00Z') } });
    served = await serveMockApi(api);
    const hook = createBackOfficeHook({ databaseUrl: served.url, clientId: 'hooksim-client', clientSecret: 'hooksim-secret', paidCustomers: [] });
    const admitted = await send({ provider: 'dexie-cloud', event: 'new-user', target: hook.app, set: { userId: 'ada@acme.test', email: 'ada@acme.test' } });
    expect(api.adopt(admitted)).toMatchObject({ userId: 'ada@acme.test', type: 'eval' });
    expect(dexieUser(api.database, 'ada@acme.test')).toMatchObject({ type: 'eval', evalDaysLeft: 30, data: { plan: 'trial' } });

    // The payment provider reaches the back office over HTTP too (127.0.0.1, a port from the OS).
    const backOffice = hook.app.listen(0, '127.0.0.1');
    await once(backOffice, 'listening');
    try {
      const { port } = backOffice.address() as AddressInfo;
      const reply = await fetch(`http://127.0.0.1:${port}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: 'payment.succeeded', userId: 'ada@acme.test', plan: 'team' }),
      });
      expect(reply.status).toBe(200);
    } finally {
      backOffice.closeAllConnections();
      await new Promise((resolve) => backOffice.close(resolve));
    }
    api.calls.assertOrder([{ method: 'POST', path: '/token', body: { scopes: ['GLOBAL_WRITE'] } }, { method: 'POST', path: '/users', body: [{ userId: 'ada@acme.test', type: 'prod' }] }]);
    api.calls.assertAllMatched();
    expect(dexieUser(api.database, 'ada@acme.test')).toMatchObject({ type: 'prod', data: { plan: 'team' }, created: '2026-03-02T08:00:00.000Z' });
    expect(api.calls.calls.every((call) => !JSON.stringify(call).includes('hooksim-secret'))).toBe(true);
  });
});

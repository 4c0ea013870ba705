import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createBackOfficeHook } from '../../examples/callbacks/dexie-back-office.js';
import { createDexieMockApi, createLogtoMockApi, serveMockApi, type ServedMockApi } from '../../src/mock-apis/index.js';
import { parseScenario } from '../../src/scenarios/load.js';
import { runScenario } from '../../src/scenarios/run.js';
import { transportFor } from '../../src/transports/target.js';
import { describeFailure } from '../../src/vitest/scenarios.js';
import { send } from '../../src/send.js';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';

let served: ServedMockApi | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe('an Express server on 127.0.0.1 for hooks elsewhere', () => {
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

  test('the back-office hook upgrades a paying customer through the served REST API', async () => {
    const api = createDexieMockApi();
    served = await serveMockApi(api);
    const hook = createBackOfficeHook({ databaseUrl: served.url, clientId: 'hooksim-client', clientSecret: 'hooksim-secret', paidCustomers: ['grace@acme.test'] });
    const result = await send<DexieOutcome>({ provider: 'dexie-cloud', event: 'new-user', target: hook.app, set: { userId: 'grace@acme.test', email: 'grace@acme.test' } });
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
      const result = await runScenario(loaded, { transport, env: {}, mockApi: { api, url: served.url, beforeDelivery: () => undefined, afterDelivery: () => undefined, drainDataEvents: () => [], close: async () => undefined } });
      expect(result.status).toBe('failed');
      expect(describeFailure(result)).toMatch(/calls\[0\]: expected at least one call POST \/token with a body containing .*GLOBAL_WRITE/);
      expect(describeFailure(result)).toMatch(/POST \/users -> 403/);
    } finally {
      await transport.close();
    }
  });
});

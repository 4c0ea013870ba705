// msw only in this file (it shares interceptors with nock: ../shared/STACK.md).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createDefaultRoleHook, type DefaultRoleHookOptions } from '../../examples/callbacks/logto-default-role.js';
import { createLogtoMockApi, logtoUser, startMockApis, userRoleNames } from '../../src/mock-apis/index.js';
import { parseScenario } from '../../src/scenarios/load.js';
import { runScenario } from '../../src/scenarios/run.js';
import { describeFailure } from '../../src/vitest/scenarios.js';
import { transportFor } from '../../src/transports/target.js';
import { prepareEvent, send } from '../../src/send.js';
import type { SetupServer } from 'msw/node';

const KEY = 'hooksimDemoSigningKey0123456789ab';
const hookOptions: DefaultRoleHookOptions = {
  signingKey: KEY,
  logtoEndpoint: 'https://default.logto.app',
  resource: 'https://default.logto.app/api',
  clientId: 'hooksim-m2m',
  clientSecret: 'hooksim-m2m-secret',
  roleName: 'member',
};
let server: SetupServer | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

describe('msw: a hook in this process calls the mock API back', () => {
  test('the hook replies first, then calls; waiting ends as soon as the calls arrive', async () => {
    const api = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server = await startMockApis(api);
    const hook = createDefaultRoleHook(hookOptions);
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, seed: 4 });
    expect(result.response?.status).toBe(204);
    const userId = JSON.parse(result.request.body).userId as string;
    // The user is not in this bare tenant: the hook's calls fail loudly, and are recorded.
    const calls = await api.calls.waitFor({ method: 'POST', path: '/api/users/:userId/roles' }, { timeoutMs: 2000 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: `/api/users/${userId}/roles`, status: 404 });
    await Promise.all(hook.log.done);
    expect(hook.log.errors[0]).toMatch(/assigning the role failed: 404 .*does not exist/);
  });

  test('a seeded tenant: the hook replies 204 first, then its token, role and plan calls arrive in order', async () => {
    // The user the event speaks of is in the tenant before delivery, as a scenario puts it there.
    const prepared = prepareEvent({ provider: 'logto', event: 'PostRegister', signingKey: KEY, seed: 5 });
    const api = createLogtoMockApi({ tenant: { users: [prepared.actor as never], roles: [{ name: 'member' }] } });
    const mark = api.calls.mark();
    server = await startMockApis(api);
    const hook = createDefaultRoleHook(hookOptions);
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, seed: 5 });
    expect(result.response?.status).toBe(204);
    const userId = JSON.parse(result.request.body).userId as string;
    expect(userId).toBe((prepared.actor as { user: { id: string } }).user.id);
    await api.calls.waitForCalls({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 5000, since: mark });
    api.calls.assertOrder([
      { method: 'POST', path: '/oidc/token', body: { grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' } },
      { method: 'GET', path: '/api/roles' },
      { method: 'POST', path: '/api/users/:userId/roles', status: 201 },
      { method: 'PATCH', path: '/api/users/:userId/custom-data', body: { customData: { plan: 'free' } } },
    ]);
    api.calls.assertAllMatched();
    expect(api.calls.calls[0]!.headers.authorization).toBe('Basic [redacted]');
    expect(userRoleNames(api.tenant, userId)).toEqual(['member']);
    expect(logtoUser(api.tenant, userId)).toMatchObject({ customData: { plan: 'free' } });
    await Promise.all(hook.log.done);
    expect(hook.log.errors).toEqual([]);
  });

  test('the broken hook that forgets the token: the Management API answers 401 and the wait names the calls made', async () => {
    const api = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server = await startMockApis(api);
    const hook = createDefaultRoleHook({ ...hookOptions, mistake: 'forgets-token' });
    await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, seed: 6 });
    await api.calls.waitForCalls({ method: 'GET', path: '/api/roles' }, { timeoutMs: 5000 });
    await Promise.all(hook.log.done);
    expect(api.calls.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /api/roles 401']);
    expect(hook.log.errors).toEqual(['GET /api/roles failed: 401']);
    expect(() => api.calls.assertCalled({ method: 'POST', path: '/oidc/token' })).toThrow(/got 0\.\nCalls made:\n  #0 GET \/api\/roles -> 401/);
  });

  test('a bounded wait for a call that never comes resolves empty, without sleeping past the bound', async () => {
    const api = createLogtoMockApi();
    const started = performance.now();
    const calls = await api.calls.waitFor({ path: '/api/never' }, { timeoutMs: 50 });
    expect(calls).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the default-role scenario against the good hook and its broken variants', () => {
  const text = readFileSync('scenarios/logto/callbacks/default-role.yaml', 'utf8');
  const run = async (mistake?: DefaultRoleHookOptions['mistake']) => {
    const loaded = parseScenario(text, 'default-role.yaml');
    const transport = transportFor(createDefaultRoleHook({ ...hookOptions, mistake }).app);
    try {
      return await runScenario(loaded, { transport, env: {} });
    } finally {
      await transport.close();
    }
  };

  test('the good hook: role assigned, plan set, data event accepted, tenant state as expected', async () => {
    const result = await run();
    expect(result.status, describeFailure(result)).toBe('passed');
    const register = result.steps[0]!;
    const events = register.deliveries.map((delivery) => JSON.parse(delivery.request.body).event);
    expect(events).toEqual(['PostRegister', 'User.Data.Updated']);
    const dataEvent = JSON.parse(register.deliveries[1]!.request.body);
    expect(Object.keys(dataEvent)).toEqual(['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId']);
    expect(dataEvent).toMatchObject({ path: `/users/${dataEvent.params.userId}/custom-data`, data: { plan: 'free' } });
    expect(dataEvent.hookId).toBe(JSON.parse(register.deliveries[0]!.request.body).hookId);
  });

  test('forgetting the token: the failure names the 401 the Management API answered', async () => {
    const result = await run('forgets-token');
    expect(result.status).toBe('failed');
    const failure = describeFailure(result);
    expect(failure).toMatch(/calls\[0\]: expected at least one call POST \/oidc\/token .*got calls made: GET \/api\/roles -> 401/);
    expect(failure).toMatch(/state\.users\.\w+\.roles: expected \["member"\], got \[\]/);
  });

  test('a wrong route: the failure shows the 501 that names the route hooksim does not emulate', async () => {
    const result = await run('wrong-route');
    expect(result.status).toBe('failed');
    expect(describeFailure(result)).toMatch(/calls\[1\]: expected at least one call POST \/api\/users\/:userId\/roles, got calls made: .*POST \/api\/users\/\w+\/role -> 501/);
  });
});

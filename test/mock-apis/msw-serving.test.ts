// msw only in this file (it shares interceptors with nock: ../shared/STACK.md).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createDefaultRoleHook, type DefaultRoleHookOptions } from '../../examples/callbacks/logto-default-role.js';
import { createDexieMockApi, createLogtoMockApi, logtoUser, requestsAlreadyIntercepted, startMockApis, userRoleNames } from '../../src/mock-apis/index.js';
import { UsageError } from '../../src/core/errors.js';
import { parseScenario } from '../../src/scenarios/load.js';
import { runScenario } from '../../src/scenarios/run.js';
import { describeFailure, describeScenarios } from '../../src/vitest/scenarios.js';
import { runScenarios } from '../../src/scenarios/run-all.js';
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
  test("without adopt() the event's user is not in the tenant: the hook's calls get Logto's 404, recorded", async () => {
    const api = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server = await startMockApis(api);
    const hook = createDefaultRoleHook(hookOptions);
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, seed: 4 });
    expect(result.response?.status).toBe(204);
    const userId = JSON.parse(result.request.body).userId as string;
    const calls = await api.calls.waitFor({ method: 'POST', path: '/api/users/:userId/roles' }, { timeoutMs: 5000 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: `/api/users/${userId}/roles`, status: 404 });
    await Promise.all(hook.log.done);
    expect(hook.log.errors[0]).toMatch(/assigning the role failed: 404 .*does not exist/);
  });

  test("adopt(prepared) puts the event's user in the tenant: the hook replies 204 first, then its token, role and plan calls arrive in order", async () => {
    const api = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    const actor = api.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister', signingKey: KEY, seed: 5 }));
    const mark = api.calls.mark();
    server = await startMockApis(api);
    const hook = createDefaultRoleHook(hookOptions);
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, actor });
    expect(result.response?.status).toBe(204);
    const userId = JSON.parse(result.request.body).userId as string;
    expect(logtoUser(api.tenant, userId)).toBeDefined();
    await api.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 5000, since: mark });
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

  test('adopt() takes a send() result or a bare actor too, and refuses anything without a user id in one line', async () => {
    const api = createLogtoMockApi();
    const prepared = prepareEvent({ provider: 'logto', event: 'PostSignIn', seed: 7 });
    const adopted = api.adopt(prepared.actor);
    expect(adopted).toBe(prepared.actor);
    const userId = adopted.user.id;
    expect(logtoUser(api.tenant, userId)).toMatchObject({ id: userId });
    const other = prepareEvent({ provider: 'logto', event: 'PostSignIn', seed: 8 });
    api.adopt({ ...other, response: undefined });
    expect(api.tenant.users.size).toBe(2);
    expect(() => api.adopt({ user: 'x' })).toThrow(UsageError);
    expect(() => api.adopt({ actor: {} })).toThrow(/^logto mock adopt\(\): expected prepareEvent\(\)'s or send\(\)'s result, or a Logto actor \{ user: \{ id, \.\.\. \} \}$/);
  });

  test('the broken hook that forgets the token: the Management API answers 401 and the wait names the calls made', async () => {
    const api = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server = await startMockApis(api);
    const hook = createDefaultRoleHook({ ...hookOptions, mistake: 'forgets-token' });
    await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey: KEY, seed: 6 });
    await api.calls.waitFor({ method: 'GET', path: '/api/roles' }, { timeoutMs: 5000 });
    await Promise.all(hook.log.done);
    expect(api.calls.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /api/roles 401']);
    expect(hook.log.errors).toEqual(['GET /api/roles failed: 401']);
    expect(() => api.calls.assertCalled({ method: 'POST', path: '/oidc/token' })).toThrow(/got 0\.\nCalls made:\n  #0 GET \/api\/roles -> 401/);
    await expect(api.calls.waitFor({ method: 'POST', path: '/oidc/token' }, { timeoutMs: 10 })).rejects.toThrow(
      /^Expected at least 1 call\(s\) POST \/oidc\/token within 10 ms, got 0\.\nCalls made:\n  #0 GET \/api\/roles -> 401$/,
    );
  });

  test("interception is detected from either interceptor's running instance alone (fetch, node:http)", () => {
    const global = globalThis as Record<symbol, unknown>;
    expect(requestsAlreadyIntercepted()).toBe(false);
    for (const name of ['fetch-interceptor', 'client-request-interceptor']) {
      global[Symbol.for(name)] = {};
      try {
        expect(requestsAlreadyIntercepted()).toBe(true);
      } finally {
        delete global[Symbol.for(name)];
      }
      expect(requestsAlreadyIntercepted()).toBe(false);
    }
  });

  test('a second msw server is refused in one line while one already intercepts requests', async () => {
    server = await startMockApis(createLogtoMockApi());
    await expect(startMockApis(createDexieMockApi())).rejects.toThrow(UsageError);
    await expect(startMockApis(createDexieMockApi())).rejects.toThrow(/^hooksim: an msw server \(or nock\) already intercepts requests in this process; add the mock APIs to it with server\.use/);
    server.close();
    server = await startMockApis(createDexieMockApi());
  });
});

describe('the default-role scenario against the good hook and its broken variants', () => {
  const text = readFileSync('scenarios/logto/callbacks/default-role.yaml', 'utf8');
  // A broken hook never makes some calls: each such expectation waits out its bound. Shorter
  // bounds keep these runs quick; the verdicts are the same.
  const quick = text.replace('          within: 200ms\n', '').replaceAll('        - method: ', '        - within: 250ms\n          method: ');
  const run = async (mistake?: DefaultRoleHookOptions['mistake']) => {
    const loaded = parseScenario(mistake ? quick : text, 'default-role.yaml');
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

// No msw server of the app's in this file: the same YAML as beside one (msw-coexistence.test.ts)
// passes with hooksim's own server, under runScenarios (what `hooksim run` calls) and describeScenarios.
const defaultRole = 'scenarios/logto/callbacks/default-role.yaml';
const targets = { 'logto-default-role': createDefaultRoleHook(hookOptions).app };
describe('the default-role scenario with no msw server of the app', () => {
  test('runScenarios: passes, and hooksim closes its own server afterwards', async () => {
    const run = await runScenarios({ paths: [defaultRole], config: { targets }, env: {} });
    expect(run.scenarios[0]?.status, describeFailure(run.scenarios[0]!)).toBe('passed');
    expect(requestsAlreadyIntercepted()).toBe(false);
  });
});
describeScenarios(defaultRole, { targets, env: {} });

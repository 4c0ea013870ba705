// The project's own msw server runs here, as in an app that already mocks its HTTP with msw;
// hooksim's mock APIs must join it, never start a second one (msw only in this file: ../shared/STACK.md).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createDefaultRoleHook } from '../../examples/callbacks/logto-default-role.js';
import { createLogtoMockApi, DEFAULT_M2M_CLIENT, mockApiHandlers, userRoleNames } from '../../src/mock-apis/index.js';
import '../../src/vitest/index.js';
import { runScenarios } from '../../src/scenarios/run-all.js';
import { prepareEvent, send } from '../../src/send.js';
import { describeFailure, describeScenarios } from '../../src/vitest/scenarios.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const hookOptions = {
  signingKey,
  logtoEndpoint: 'https://default.logto.app',
  resource: 'https://default.logto.app/api',
  // The M2M app every mock tenant has (hooksim-m2m / hooksim-m2m-secret).
  clientId: DEFAULT_M2M_CLIENT.clientId,
  clientSecret: DEFAULT_M2M_CLIENT.clientSecret,
  roleName: 'member',
};

// The app's own msw setup: its own handlers, and unhandled requests are errors.
const server = setupServer(http.get('https://payments.example.test/customers/:id', ({ params }) => HttpResponse.json({ id: params.id, paid: true })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("hooksim's mock API added to the app's msw server", () => {
  // The README's recipe is examples/readme/msw-mock-api.ts (test/readme/msw-example.test.ts runs
  // it); this test adds what the recipe does not show: each call handled once, the app's own
  // handlers still answering.
  test('a new user gets the member role and a plan', async () => {
    const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server.use(...(await mockApiHandlers(logto))); // hooksim's Logto joins your msw server
    const hook = createDefaultRoleHook(hookOptions);

    // The user the event speaks of exists in the tenant before the hook calls back.
    const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });

    expect(result).toHaveStatus(204);
    // The hook answered first and works in the background: wait for its last call.
    await logto.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 2000 });
    expect(logto).toHaveReceived('POST /api/users/:userId/roles', { body: { roleIds: [expect.any(String)] }, times: 1 });
    expect(logto).toHaveReceivedInOrder(['POST /oidc/token', 'GET /api/roles', 'POST /api/users/:userId/roles', 'PATCH /api/users/:userId/custom-data']);
    expect(userRoleNames(logto.tenant, actor.user.id)).toEqual(['member']);

    await Promise.all(hook.log.done);
    expect(hook.log.errors).toEqual([]);
    // Once each: no second server means no second handling (and no "Body is unusable" on POSTs).
    expect(logto.calls.calls.map((call) => `${call.method} ${call.path.replace(/users\/\w+/, 'users/:id')} ${call.status}`)).toEqual([
      'POST /oidc/token 200',
      'GET /api/roles 200',
      'POST /api/users/:id/roles 201',
      'PATCH /api/users/:id/custom-data 200',
    ]);
    // The app's own handlers still answer.
    expect(await (await fetch('https://payments.example.test/customers/c1')).json()).toEqual({ id: 'c1', paid: true });
  });
});

// The README's call assertions (examples/readme/call-assertions.ts) run against a served mock API;
// here the same assertions run against the mock API inside the app's msw server.
describe('the call assertions, over msw', () => {
  test('passing: waitFor, assertCalled, assertOrder, assertNotCalled, assertAllMatched, waitAtMost', async () => {
    const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server.use(...(await mockApiHandlers(logto)));
    const hook = createDefaultRoleHook(hookOptions);
    const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));

    const mark = logto.calls.mark(); // look only at calls made from here on
    await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });

    // Resolves the moment the call arrives; throws after 2 s listing the calls that were made.
    await logto.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 2000, since: mark });
    logto.calls.assertCalled({ method: 'POST', path: '/api/users/:userId/roles', body: { roleIds: [expect.any(String)] } }, { times: 1, since: mark });
    logto.calls.assertOrder([{ path: '/oidc/token' }, { method: 'POST', path: '/api/users/:userId/roles' }], { since: mark });
    logto.calls.assertNotCalled({ method: 'DELETE' }, { since: mark });
    logto.calls.assertAllMatched(); // no call hit a route hooksim does not emulate (501)
    // "None within": waits out the bound and resolves with what came, never throws.
    expect(await logto.calls.waitAtMost({ method: 'DELETE' }, { timeoutMs: 100, since: mark })).toEqual([]);
    await Promise.all(hook.log.done);
  });

  test('failing: the messages list every call the hook made', async () => {
    const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    server.use(...(await mockApiHandlers(logto)));
    const hook = createDefaultRoleHook({ ...hookOptions, mistake: 'forgets-token' });
    const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
    await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });
    await Promise.all(hook.log.done);
    const message = (error: unknown) => (error as Error).message;
    expect(message(await logto.calls.waitFor({ method: 'POST', path: '/oidc/token' }, { timeoutMs: 50 }).catch((error: unknown) => error))).toBe(
      'Expected at least 1 call(s) POST /oidc/token within 50 ms, got 0.\nCalls made:\n  #0 GET /api/roles -> 401',
    );
    expect(() => logto.calls.assertOrder([{ path: '/oidc/token' }, { path: '/api/roles' }])).toThrow(
      'Expected calls in order: any method /oidc/token -> any method /api/roles; step 1 (any method /oidc/token) failed: no such call was made.\nCalls made:\n  #0 GET /api/roles -> 401',
    );
    expect(() => logto.calls.assertNotCalled({ path: '/api/roles' })).toThrow('Expected no call any method /api/roles, got 1.\nCalls made:\n  #0 GET /api/roles -> 401');
    expect(() => expect(logto).toHaveReceived('POST /api/users/:userId/roles')).toThrow(
      'expected the mock to have received at least 1 call(s) POST /api/users/:userId/roles, got 0.\nCalls made:\n  #0 GET /api/roles -> 401',
    );
  });
});

const scenario = 'scenarios/logto/callbacks/default-role.yaml';
const targets = { 'logto-default-role': createDefaultRoleHook(hookOptions).app };

describe('the same `serve: msw` scenario beside the app server', () => {
  test('runScenarios given the server: passes; afterwards the mock steps aside and the app server is untouched', async () => {
    const run = await runScenarios({ paths: [scenario], config: { targets }, msw: server, env: {} });
    const [result] = run.scenarios;
    expect(result?.status, result && describeFailure(result)).toBe('passed');
    // Detached: the Logto origin is unhandled again, which this app's server treats as an error.
    await expect(fetch('https://default.logto.app/api/roles')).rejects.toThrow();
    expect((await fetch('https://payments.example.test/customers/c2')).status).toBe(200);
  });

  test('runScenarios without the server: errored with the one-line reason, nothing intercepted twice', async () => {
    const run = await runScenarios({ paths: [scenario], config: { targets }, env: {} });
    const [result] = run.scenarios;
    expect(result?.status).toBe('errored');
    expect(result?.error?.message).toMatch(/hooksim: an msw server \(or nock\) already intercepts requests in this process; .*pass it as \{ msw: server \}/);
    expect(result?.error?.message).not.toContain('\n');
  });
});

// The same file under describeScenarios: one vitest test per scenario, given the same server.
describeScenarios(scenario, { targets, msw: server, env: {} });

import { afterAll, beforeAll, expect, test } from 'vitest';
import { prepareEvent, send } from 'hooksim';
import { CallAssertionError, createLogtoMockApi, DEFAULT_M2M_CLIENT, serveMockApi, type ServedMockApi } from 'hooksim/mock-apis';
import { createDefaultRoleHook } from '../callbacks/logto-default-role.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
let served: ServedMockApi;
beforeAll(async () => {
  served = await serveMockApi(logto); // or over msw: see "With your msw server"
});
afterAll(() => served.close());

test('what the hook called, in which order, and what it did not call', async () => {
  const { clientId, clientSecret } = DEFAULT_M2M_CLIENT;
  const hook = createDefaultRoleHook({ signingKey, logtoEndpoint: served.url, resource: 'https://default.logto.app/api', clientId, clientSecret, roleName: 'member' });
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

  // A failed assertion lists every call the hook made.
  expect(() => logto.calls.assertNotCalled({ method: 'POST', path: '/oidc/token' }, { since: mark })).toThrow(CallAssertionError);
  expect(() => logto.calls.assertNotCalled({ method: 'POST', path: '/oidc/token' }, { since: mark })).toThrow(/Calls made:\n {2}#\d+ POST \/oidc\/token -> 200/);
});

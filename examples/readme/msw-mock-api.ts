import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { prepareEvent, send } from 'hooksim';
import { createLogtoMockApi, DEFAULT_M2M_CLIENT, mockApiHandlers, userRoleNames } from 'hooksim/mock-apis';
import 'hooksim/vitest';
import { createDefaultRoleHook } from '../callbacks/logto-default-role.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
// Your tests' msw server, with your app's own handlers.
const server = setupServer(http.get('https://billing.example.test/plans/free', () => HttpResponse.json({ id: 'free' })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test('a new user gets the member role and a plan', async () => {
  const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
  server.use(...(await mockApiHandlers(logto))); // hooksim's Logto joins your msw server
  const hook = createDefaultRoleHook({
    signingKey,
    logtoEndpoint: 'https://default.logto.app', // the mock's origin (createLogtoMockApi({ baseUrl }) for another)
    resource: 'https://default.logto.app/api',
    clientId: DEFAULT_M2M_CLIENT.clientId,
    clientSecret: DEFAULT_M2M_CLIENT.clientSecret,
    roleName: 'member',
  });

  // The user the event speaks of exists in the tenant before the hook calls back.
  const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
  const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });

  expect(result).toHaveStatus(204);
  // The hook answered first and works in the background: wait for its last call.
  await logto.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 2000 });
  expect(logto).toHaveReceived('POST /api/users/:userId/roles', { body: { roleIds: [expect.any(String)] }, times: 1 });
  expect(logto).toHaveReceivedInOrder(['POST /oidc/token', 'GET /api/roles', 'POST /api/users/:userId/roles', 'PATCH /api/users/:userId/custom-data']);
  expect(logto).not.toHaveReceived('DELETE /api/users/:userId');
  expect(userRoleNames(logto.tenant, actor.user.id)).toEqual(['member']);

  // Your own handlers still answer, once.
  expect(await (await fetch('https://billing.example.test/plans/free')).json()).toEqual({ id: 'free' });
});

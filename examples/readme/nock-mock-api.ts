import nock from 'nock';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { prepareEvent, send } from 'hooksim';
import { createLogtoMockApi, DEFAULT_M2M_CLIENT, serveMockApi, userRoleNames, type ServedMockApi } from 'hooksim/mock-apis';
import { createDefaultRoleHook } from '../callbacks/logto-default-role.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
let served: ServedMockApi;

beforeAll(async () => {
  nock.disableNetConnect(); // your tests' rule: no real network
  nock.enableNetConnect('127.0.0.1'); // except the mock, served on loopback
  served = await serveMockApi(logto); // http://127.0.0.1:<port>
});
afterAll(async () => {
  await served.close();
  nock.enableNetConnect();
});

test('beside nock, the hook calls the mock over loopback', async () => {
  const hook = createDefaultRoleHook({
    signingKey,
    logtoEndpoint: served.url,
    resource: 'https://default.logto.app/api',
    clientId: DEFAULT_M2M_CLIENT.clientId,
    clientSecret: DEFAULT_M2M_CLIENT.clientSecret,
    roleName: 'member',
  });
  const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
  const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });

  expect(result.response?.status).toBe(204);
  await logto.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 2000 });
  expect(userRoleNames(logto.tenant, actor.user.id)).toEqual(['member']);
});

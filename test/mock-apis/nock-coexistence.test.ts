// The app's tests use nock here (nock only in this file: it shares interceptors with msw,
// ../shared/STACK.md). hooksim's mock API then runs over HTTP on 127.0.0.1, and nock lets it through.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createDefaultRoleHook } from '../../examples/callbacks/logto-default-role.js';
import { createLogtoMockApi, serveMockApi, startMockApis, type ServedMockApi } from '../../src/mock-apis/index.js';
import { prepareEvent, send } from '../../src/send.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
let served: ServedMockApi | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
  nock.cleanAll();
});

describe('beside nock', () => {
  test('README recipe: the mock served on 127.0.0.1, nock letting 127.0.0.1 through; the app keeps its own nock mocks', async () => {
    const payments = nock('https://payments.example.test').get('/customers/c1').reply(200, { paid: true });

    const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
    served = await serveMockApi(logto); // http://127.0.0.1:<port>
    const hook = createDefaultRoleHook({ signingKey, logtoEndpoint: served.url, resource: 'https://default.logto.app/api', clientId: 'hooksim-m2m', clientSecret: 'hooksim-m2m-secret', roleName: 'member' });

    const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
    const result = await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });

    expect(result.response?.status).toBe(204);
    await logto.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 5000 });
    logto.calls.assertOrder([{ path: '/oidc/token' }, { path: '/api/roles' }, { path: '/api/users/:id/roles' }, { path: '/api/users/:id/custom-data' }]);
    await Promise.all(hook.log.done);
    expect(hook.log.errors).toEqual([]);
    expect(await (await fetch('https://payments.example.test/customers/c1')).json()).toEqual({ paid: true });
    expect(payments.isDone()).toBe(true);
  });

  test('an in-process msw mock is refused in one line while nock intercepts requests', async () => {
    await expect(startMockApis(createLogtoMockApi())).rejects.toThrow(/^hooksim: an msw server \(or nock\) already intercepts requests in this process;.* or use mockApi\.serve: http$/);
  });

  test('without enableNetConnect for 127.0.0.1, nock blocks the hook: the mock sees no call and the hook logs why', async () => {
    nock.disableNetConnect();
    try {
      const logto = createLogtoMockApi();
      served = await serveMockApi(logto);
      const hook = createDefaultRoleHook({ signingKey, logtoEndpoint: served.url, resource: 'https://default.logto.app/api', clientId: 'hooksim-m2m', clientSecret: 'hooksim-m2m-secret', roleName: 'member' });
      const actor = logto.adopt(prepareEvent({ provider: 'logto', event: 'PostRegister' }));
      await send({ provider: 'logto', event: 'PostRegister', target: hook.app, signingKey, actor });
      await Promise.all(hook.log.done);
      expect(logto.calls.calls).toEqual([]);
      expect(hook.log.errors).toEqual([expect.stringMatching(/^Nock: Disallowed net connect for "127\.0\.0\.1:\d+\/oidc\/token"$/)]);
    } finally {
      nock.enableNetConnect('127.0.0.1');
    }
  });
});

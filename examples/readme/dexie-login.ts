import { expect, test } from 'vitest';
import { createLoginState, simulateDexieLogin } from 'hooksim';
import { createDexieDomainHook, demoDomainConfig } from '../dexie-cloud/domain-hook.js';

const app = createDexieDomainHook(demoDomainConfig); // your app

test('a login as the Dexie Cloud client sees it, and the database state between logins', async () => {
  const state = createLoginState(3); // 3 production seats, as the free edition
  const first = await simulateDexieLogin({
    state,
    target: app,
    attempt: { userId: 'ada@acme.test', email: 'ada@acme.test' },
    options: { policy: 'webhook', failurePolicy: 'webhook-error' },
  });
  expect(first.hookCalled).toBe(true);
  expect(first.outcome).toMatchObject({
    login: 'accepted',
    token: { type: 'tokens', claims: { sub: 'ada@acme.test', license: 'ok' } }, // the /token reply
    license: { type: 'prod', status: 'ok' }, // db.cloud.currentUser.value.license
  });

  // The user exists now: the next login never reaches the hook.
  const again = await simulateDexieLogin({ state, target: app, attempt: { userId: 'ada@acme.test', email: 'ada@acme.test' } });
  expect(again.hookCalled).toBe(false);
});

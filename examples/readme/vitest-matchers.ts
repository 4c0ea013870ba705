import { expect, test } from 'vitest';
import { send } from 'hooksim';
import 'hooksim/vitest'; // adds the matchers to expect
import { createDexieDomainHook, demoDomainConfig } from '../dexie-cloud/domain-hook.js';

const app = createDexieDomainHook(demoDomainConfig); // your Express app

test('a company email becomes a production user', async () => {
  const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: app, set: { userId: 'ada@acme.test', email: 'ada@acme.test' } });

  expect(result).toKeepContract();
  expect(result).toHaveStatus(200); // or '2xx', or [200, 204]
  expect(result).toHaveOutcome({ login: 'accepted', action: 'prod' });
});

test('a blocked domain is refused, and the failure message says why', async () => {
  const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: app, set: { userId: 'eve@spam.test', email: 'eve@spam.test' } });

  expect(result).toHaveOutcome({ login: 'refused' });
  expect(() => expect(result).toHaveOutcome({ login: 'accepted' })).toThrow(/login/);
});

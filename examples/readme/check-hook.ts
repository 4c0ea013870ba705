import { expect, test } from 'vitest';
import { checkHook } from 'hooksim/check';
import 'hooksim/vitest';
import { createCrashNoEmailHook } from '../dexie-cloud/broken/crash-no-email.js';
import { createDexieDomainHook, demoDomainConfig } from '../dexie-cloud/domain-hook.js';

test('the Dexie Cloud hook passes every check', async () => {
  const report = await checkHook({ provider: 'dexie-cloud', target: createDexieDomainHook(demoDomainConfig) });
  expect(report).toPass(); // on failure: each failed check with its why, fix and replay line
});

test('a hook that crashes without an email fails the checks that say so', async () => {
  const report = await checkHook({ provider: 'dexie-cloud', target: createCrashNoEmailHook({ prodDomain: 'acme.test' }) });
  expect(report).not.toPass();
  expect(report.checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual(['reply.contract.custom-auth', 'reply.fuzz']);
});

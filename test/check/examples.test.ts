import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createCrashNoEmailHook } from '../../examples/dexie-cloud/broken/crash-no-email.js';
import { createDexieDomainHook, demoDomainConfig } from '../../examples/dexie-cloud/domain-hook.js';
import { createEmailRequiredHook } from '../../examples/logto/broken/email-required.js';
import { createFailOpenSignatureHook } from '../../examples/logto/broken/fail-open-signature.js';
import { createHexDecodingCompareHook } from '../../examples/logto/broken/hex-decoding-compare.js';
import { createNoOpUserStoreHook } from '../../examples/logto/broken/no-op-user-store.js';
import { createStringifyBodyHmacHook } from '../../examples/logto/broken/stringify-body-hmac.js';
import { createTimingSafeThrowsHook } from '../../examples/logto/broken/timing-safe-throws.js';
import { createUnhandled400Hook } from '../../examples/logto/broken/unhandled-400.js';
import { createLogtoSignedHook } from '../../examples/logto/signed-hook.js';
import { checkHook, parseEffectsFile } from '../../src/check/index.js';
import type { CheckReport } from '../../src/check/types.js';
import type { Target } from '../../src/transports/target.js';

const signingKey = 'hooksimDemoSigningKey0123456789ab';
const statuses = (report: CheckReport) => Object.fromEntries(report.checks.map((check) => [check.id, check.status]));

describe('the good example hooks pass every check', () => {
  it('logto/signed-hook.ts (Express app), fuzzing included', async () => {
    const report = await checkHook({ provider: 'logto', target: createLogtoSignedHook({ signingKey }).app, signingKey });
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(70);
  });

  it('dexie-cloud/domain-hook.ts, fuzzing included', async () => {
    const report = await checkHook({ provider: 'dexie-cloud', target: createDexieDomainHook(demoDomainConfig) });
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });
});

describe('each broken example fails the check that names its mistake', () => {
  const cases: [string, string, () => Target, RegExp][] = [
    ['fail-open-signature', 'signature.missing', () => ({ fetch: createFailOpenSignatureHook({ signingKey }).fetch }), /^missing: accepted \(status 200\)$/],
    ['hex-decoding-compare', 'signature.trailing-junk', () => ({ fetch: createHexDecodingCompareHook({ signingKey }).fetch }), /^digest \+ "zz": accepted \(status 200\); digest \+ "0": accepted \(status 200\)$/],
    ['timing-safe-throws', 'signature.malformed', () => createTimingSafeThrowsHook({ signingKey }).app, /^wrong length \(32 hex digits\): crashed \(status 500\)/],
    ['stringify-body-hmac', 'signature.reencoded', () => createStringifyBodyHmacHook({ signingKey }).app, /^pretty-printed bytes refused \(status 401\); \\u-escaped bytes refused \(status 401\); integers as 1.0 bytes refused \(status 401\); integer-like keys last bytes refused \(status 401\)$/],
    ['email-required', 'events.User.Created.phone-only', () => ({ fetch: createEmailRequiredHook({ signingKey }).fetch }), /^status 400$/],
    ['email-required', 'events.PostRegister.username-only', () => ({ fetch: createEmailRequiredHook({ signingKey }).fetch }), /^status 400$/],
    ['unhandled-400', 'events.Role.Created', () => ({ fetch: createUnhandled400Hook({ signingKey }).fetch }), /^status 400$/],
  ];
  it.each(cases)('%s fails %s', async (_name, id, target, message) => {
    const report = await checkHook({ provider: 'logto', target: target(), signingKey, only: [id], fuzz: 0 });
    expect(statuses(report)).toEqual({ [id]: 'fail' });
    expect(report.checks[0]!.message).toMatch(message);
  });

  it('stringify-body-hmac passes every faithful delivery: only the re-encoded probe sees it', async () => {
    const report = await checkHook({ provider: 'logto', target: createStringifyBodyHmacHook({ signingKey }).app, signingKey, only: ['events.', 'signature.tampered'], fuzz: 0 });
    expect(report.checks.every((check) => check.status === 'pass')).toBe(true);
  });

  it('no-op-user-store answers 200 to everything and is caught by its effects file, over the app served on loopback', async () => {
    const effects = await parseEffectsFile(await readFile('examples/logto/broken/user-store.effects.yaml', 'utf8'), 'user-store.effects.yaml');
    const hook = createNoOpUserStoreHook({ signingKey });
    const report = await checkHook({ provider: 'logto', target: { app: hook.app, path: '/hook' }, signingKey, effects, only: ['events.User.Created', 'effects.'], fuzz: 0 });
    expect(report.checks.filter((c) => c.id.startsWith('events.')).every((c) => c.status === 'pass')).toBe(true);
    expect(statuses(report)).toMatchObject({ 'effects.User.Created': 'fail', 'effects.User.Deleted': 'pass' });
    expect(report.checks.find((c) => c.id === 'effects.User.Created')!.message).toMatch(/^status 200, but effect GET \/users\/\w+: expected status 200, got 404$/);
  });

  it('dexie-cloud crash-no-email fails reply.contract.custom-auth and reply.fuzz, shrunk to a user without email', async () => {
    const report = await checkHook({ provider: 'dexie-cloud', target: createCrashNoEmailHook({ prodDomain: 'acme.test' }), only: ['reply.'] });
    expect(statuses(report)).toMatchObject({ 'reply.contract.otp': 'pass', 'reply.contract.custom-auth': 'fail', 'reply.fuzz': 'fail' });
    expect(report.checks.find((c) => c.id === 'reply.fuzz')!.details?.counterexample).toEqual({ userId: expect.stringMatching(/^usr_/) });
  });
});

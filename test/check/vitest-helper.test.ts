import { describe, expect, it, type RunnerTestFile } from 'vitest';
import '../../src/vitest/index.js';
import { checkHook } from '../../src/check/index.js';
import { checkMatchers, describeCheck } from '../../src/vitest/check.js';
import { createFixtureHook } from './fixtures/logto-hook.js';
import { providerWithOwnChecks } from './fixtures/own-checks-provider.js';

const signingKey = 'check-test-signing-key-0123456789';

describe('expect(report).toPass()', () => {
  it('passes a report without failures', async () => {
    const hook = createFixtureHook({ signingKey });
    const report = await checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, only: ['signature.'], fuzz: 0 });
    expect(report).toPass();
  });

  it('fails with every failed check: id, message, why, fix and the replay line', async () => {
    const hook = createFixtureHook({ signingKey, fault: 'fail-open' });
    const report = await checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, only: ['signature.missing'], fuzz: 0 });
    const result = checkMatchers.toPass.call({ isNot: false }, report);
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/^expected every check to pass; 1 did not:\nFAIL signature.missing: missing: accepted \(status 200\)\n {2}why: Anyone .*\n {2}fix: Refuse .*\n {2}replay: printf %s '/);
    expect(() => expect(report).toPass()).toThrow(/FAIL signature.missing/);
    expect(report).not.toPass();
  });

  it('refuses what is not a report', () => {
    const result = checkMatchers.toPass.call({ isNot: false }, { verdict: {} });
    expect(result).toMatchObject({ pass: false });
    expect(result.message()).toBe('toPass expects a checkHook() report, got object');
  });
});

// One test per check of the catalogue, against the correct receiver (they all pass).
describeCheck('describeCheck against a correct Logto receiver', {
  provider: 'logto',
  target: { fetch: createFixtureHook({ signingKey }).fetch },
  signingKey,
  fuzz: 5,
  effects: { 'User.Created': () => true },
});

// The test names come from the provider's own catalogue, loaded while vitest collects.
describeCheck('describeCheck with a catalogue of the provider\'s own', {
  provider: providerWithOwnChecks(['own.first', 'own.expanding.']),
  target: { fetch: async () => new Response('{}', { status: 200 }) },
});

describe('describeCheck declares one test per check of the provider\'s catalogue', () => {
  const testsOf = (file: RunnerTestFile, suite: string) => {
    const found = file.tasks.find((task) => task.name === suite);
    return found?.type === 'suite' ? found.tasks.map((task) => task.name) : undefined;
  };

  it('a provider object with its own checks: its ids, an expanding one as `id*`', ({ task }) => {
    expect(testsOf(task.file, "describeCheck with a catalogue of the provider's own")).toEqual(['own.first', 'own.expanding.*']);
  });

  it("Logto's catalogue, by name: Logto's own checks (not the generic ones)", ({ task }) => {
    expect(testsOf(task.file, 'describeCheck against a correct Logto receiver')).toEqual([
      'events.*', 'signature.missing', 'signature.tampered', 'signature.wrong-key', 'signature.body-altered', 'signature.malformed', 'signature.trailing-junk',
      'signature.reencoded', 'body.not-an-event', 'delivery.duplicate', 'delivery.out-of-order', 'delivery.concurrent', 'console.test-payloads', 'effects.*',
      'fuzz.events', 'delivery.latency',
    ]);
  });
});

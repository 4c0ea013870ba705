/**
 * `hooksim check` asks the provider for its catalogue (`Provider.checks`) and falls back to the
 * generic one: a provider object of the test's own, the built-ins, and one without a catalogue.
 */
import { describe, expect, it } from 'vitest';
import { checkHook } from '../../src/check/index.js';
import { checksFor } from '../../src/check/registry.js';
import { getProvider } from '../../src/providers/registry.js';
import { providerWithOwnChecks } from './fixtures/own-checks-provider.js';

const target = { fetch: async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }) };

describe('a provider brings its check catalogue', () => {
  it('checkHook runs exactly the checks the provider contributes, in its order', async () => {
    const provider = providerWithOwnChecks(['own.first', 'own.second']);
    const report = await checkHook({ provider, target, fuzz: 0 });
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['own.first', 'pass'],
      ['own.second', 'pass'],
    ]);
    expect(provider.loads).toBe(1);
  });

  it('--only is matched against the provider\'s own ids, and a typo names them', async () => {
    const provider = providerWithOwnChecks(['own.first', 'own.second']);
    expect((await checkHook({ provider, target, only: ['own.second'] })).checks.map((check) => check.id)).toEqual(['own.second']);
    await expect(checkHook({ provider, target, only: ['signature.'] })).rejects.toThrow('--only signature.: no check id starts with it; ids start with own.first, own.second');
  });

  it('Logto and Dexie Cloud contribute their own catalogues; a provider without one gets the generic catalogue', async () => {
    const ids = async (name: string) => (await checksFor(getProvider(name))).map((check) => check.id);
    expect(await ids('logto')).toEqual(['events.', 'signature.missing', 'signature.tampered', 'signature.wrong-key', 'signature.body-altered', 'signature.malformed', 'signature.trailing-junk', 'signature.reencoded', 'body.not-an-event', 'delivery.duplicate', 'delivery.out-of-order', 'delivery.concurrent', 'console.test-payloads', 'effects.', 'fuzz.events', 'delivery.latency']);
    expect(await ids('dexie-cloud')).toEqual(['reply.contract.', 'reply.idempotent', 'reply.fuzz', 'delivery.latency']);
    const { genericChecks } = await import('../../src/check/generic.js');
    expect(getProvider('enrollment').checks).toBeUndefined();
    expect(await checksFor(getProvider('enrollment'))).toBe(genericChecks);
  });
});

describe('what the provider fixes for a run holds for the whole audit', () => {
  it("Logto's hookId (from runOptions, not given) is the same in every event the checks send", async () => {
    const { createFixtureHook } = await import('./fixtures/logto-hook.js');
    const signingKey = 'check-test-signing-key-0123456789';
    const report = await checkHook({ provider: 'logto', target: { fetch: createFixtureHook({ signingKey }).fetch }, signingKey, only: ['events.', 'delivery.'], fuzz: 0 });
    const hookIds = new Set(report.checks.flatMap((check) => check.exchanges.map((sent) => (JSON.parse(sent.request.body) as { hookId?: string }).hookId)));
    expect(hookIds.size).toBe(1);
    expect([...hookIds][0]).toMatch(/^[a-z0-9]{21}$/);
  });
});

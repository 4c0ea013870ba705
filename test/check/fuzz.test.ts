import { describe, expect, it } from 'vitest';
import { checkHook } from '../../src/check/index.js';
import { manualClock } from '../../src/core/clock.js';
import { createFixtureHook } from './fixtures/logto-hook.js';

const signingKey = 'check-test-signing-key-0123456789';
const clock = () => manualClock('2026-03-01T12:00:00Z');

async function fuzz(fault: 'email-required' | undefined, options: { seed?: number; replay?: string; fuzz?: number } = {}) {
  const hook = createFixtureHook({ signingKey, fault });
  const report = await checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, only: ['fuzz.events'], fuzz: options.fuzz ?? 40, seed: options.seed, replay: options.replay, clock: clock() });
  return report.checks[0]!;
}

describe('fuzz.events: generated users, shrunk to the minimal failing payload', () => {
  it('shrinks an email-required failure to the one field that matters, on the first event', async () => {
    const result = await fuzz('email-required');
    expect(result.status).toBe('fail');
    // Minimal: one event, one changed field, nothing else left from the random user.
    expect(result.details?.counterexample).toEqual({ event: 'PostRegister', user: { primaryEmail: null } });
    expect(result.message).toMatch(/^answered status 400, for \{"event":"PostRegister","user":\{"primaryEmail":null\}\} \(shrunk after \d+ steps\); reproduce with --seed 1 --replay [\d:]+$/);
    // The minimal request is in the report, with the null email in the bytes sent.
    const sent = result.exchanges[0]!;
    expect(sent.label).toBe('PostRegister (minimal failing payload)');
    expect(JSON.parse(sent.request.body).user.primaryEmail).toBeNull();
    expect(sent.response?.status).toBe(400);
  });

  it('replays the failure from the printed seed and path alone, in one run', async () => {
    const first = await fuzz('email-required');
    const replayed = await fuzz('email-required', { seed: first.details!.seed as number, replay: first.details!.path as string });
    expect(replayed.status).toBe('fail');
    expect(replayed.details?.counterexample).toEqual(first.details?.counterexample);
    expect(replayed.details?.runs).toBeLessThanOrEqual(2);
  });

  it('the same path against a fixed hook passes: the replay tests the code, not a recording', async () => {
    const first = await fuzz('email-required');
    const fixed = await fuzz(undefined, { replay: first.details!.path as string });
    expect(fixed.status).toBe('pass');
    expect(fixed.message).toBe(`replayed path ${first.details!.path as string}: the property holds`);
  });

  it('is deterministic for a seed and passes a correct hook', async () => {
    const a = await fuzz(undefined, { seed: 7, fuzz: 15 });
    const b = await fuzz(undefined, { seed: 7, fuzz: 15 });
    expect(a.status).toBe('pass');
    expect(a.message).toBe('15 payloads (seed 7): no 5xx, no timeout, reply contract kept');
    expect(b.message).toBe(a.message);
  });

  it('--fuzz 0 turns it off (skipped, saying so)', async () => {
    const result = await fuzz(undefined, { fuzz: 0 });
    expect(result).toMatchObject({ status: 'skip', message: 'fuzzing is off (--fuzz 0)' });
  });
});

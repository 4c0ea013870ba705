import { describe, expect, it } from 'vitest';
import { checkHook } from '../../src/check/index.js';
import type { CheckReport } from '../../src/check/types.js';
import { createDexieFixture, type DexieFault } from './fixtures/dexie-hook.js';

const run = (fault?: DexieFault, extra: Partial<Parameters<typeof checkHook>[0]> = {}) =>
  checkHook({ provider: 'dexie-cloud', target: { fetch: createDexieFixture(fault) }, fuzz: 5, ...extra });

const byId = (report: CheckReport, id: string) => report.checks.find((check) => check.id === id)!;

describe('Dexie Cloud checks', () => {
  it('a correct hook passes reply.contract for each identity variant, reply.idempotent, reply.fuzz and delivery.latency', async () => {
    const report = await run();
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['reply.contract.otp', 'pass'],
      ['reply.contract.opaque-id', 'pass'],
      ['reply.contract.custom-auth', 'pass'],
      ['reply.idempotent', 'pass'],
      ['reply.fuzz', 'pass'],
      ['delivery.latency', 'pass'],
    ]);
    expect(report.exitCode).toBe(0);
  });

  it('a hook that crashes without an email fails reply.contract.custom-auth only among the variants', async () => {
    const report = await run('crash-no-email', { only: ['reply.contract.'] });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['reply.contract.otp', 'pass'],
      ['reply.contract.opaque-id', 'pass'],
      ['reply.contract.custom-auth', 'fail'],
    ]);
    expect(byId(report, 'reply.contract.custom-auth').message).toBe(
      'status: expected status 200, got 500; body.ok: expected boolean, got nothing; body.action: expected one of "reject", "eval", "prod", got nothing',
    );
  });

  it('a reply as text/plain breaks the contract (the provider\'s own judgement, with its path)', async () => {
    const report = await run('text-plain', { only: ['reply.contract.otp'] });
    expect(byId(report, 'reply.contract.otp').message).toBe('headers.content-type: expected application/json, got "text/plain"');
  });

  it('reply.idempotent fails a hook whose answer changes on the second call', async () => {
    const report = await run('alternate', { only: ['reply.idempotent'] });
    expect(byId(report, 'reply.idempotent')).toMatchObject({ status: 'fail', message: 'action "eval", then "prod"' });
    expect(byId(report, 'reply.idempotent').exchanges).toHaveLength(2);
  });

  it('reply.fuzz finds a hook that crashes on a +tag, from the fixed email shapes tried first', async () => {
    const report = await run('crash-on-plus', { only: ['reply.fuzz'] });
    const fuzz = byId(report, 'reply.fuzz');
    expect(fuzz.status).toBe('fail');
    expect(fuzz.message).toMatch(/^status: expected status 200, got 500; .*, for \{"userId":"user\+tag@example.com","email":"user\+tag@example.com"\} \(shrunk after 0 steps\); reproduce with --seed 1 --replay 0$/);
    expect(fuzz.details).toMatchObject({ seed: 1 });
  });

  it('--signing-key does not apply to Dexie Cloud (a usage error)', async () => {
    await expect(run(undefined, { signingKey: 'k' })).rejects.toThrow('dexie-cloud does not sign its requests: --signing-key does not apply');
  });
});

import { describe, expect, it } from 'vitest';
import { checkHook } from '../../src/check/index.js';
import { UsageError } from '../../src/core/errors.js';

describe('check runs that cannot reach the hook, and typos', () => {
  it('stops sending after 3 requests without a reply: the rest fail as not sent, fast', async () => {
    let reached = 0;
    const hanging = () => {
      reached += 1;
      return new Promise<Response>(() => undefined);
    };
    const report = await checkHook({ provider: 'logto', target: { fetch: hanging }, signingKey: 'check-test-signing-key-0123456789', options: { timeoutMs: 20 }, fuzz: 3 });
    expect(reached).toBe(3);
    const first = report.checks[0]!;
    expect(first).toMatchObject({ id: 'events.PostRegister', status: 'fail' });
    expect(first.message).toMatch(/^no reply \(timeout: /);
    expect(report.checks.find((c) => c.id === 'signature.missing')!.message).toBe('missing: broke (no reply (network: not sent: the hook gave no reply to the last 3 requests))');
    expect(report.exitCode).toBe(1);
  });

  it('an --only prefix that matches no check is a usage error naming the ids', async () => {
    const run = checkHook({ provider: 'dexie-cloud', target: { fetch: async () => Response.json({ ok: true, action: 'eval' }) }, only: ['reply.contrat'], fuzz: 0 });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(checkHook({ provider: 'dexie-cloud', target: { fetch: async () => Response.json({ ok: true, action: 'eval' }) }, only: ['reply.contrat'], fuzz: 0 })).rejects.toThrow(
      '--only reply.contrat: no check id starts with it; ids start with reply.contract.…, reply.idempotent, reply.fuzz, delivery.latency',
    );
  });
});

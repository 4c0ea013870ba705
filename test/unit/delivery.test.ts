// Delivery as the provider does it: attempts, retry rules and back-off on an injected clock;
// Logto's signature.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import type { WireRequest } from '../../src/core/types.js';
import { deliver } from '../../src/delivery/deliver.js';
import { dexieCloud } from '../../src/providers/dexie-cloud/index.js';
import { LOGTO_RETRY_DELAYS_MS, logtoDeliveryPolicy } from '../../src/providers/logto/delivery.js';
import { logtoOptionsSchema } from '../../src/providers/logto/options.js';
import { SIGNATURE_HEADER, signLogtoBody } from '../../src/providers/logto/signing.js';
import { DEFAULT_BODY_GRACE_MS, totalCapMs, type AttemptResult, type DeliveryLimits, type Transport } from '../../src/transports/types.js';

const request: WireRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"User.Created"}' };

/** A transport that answers with `answers` in turn (the last one repeats) and records the limits it was given. */
function scripted(...answers: (number | 'timeout' | 'refused')[]): Transport & { limits: DeliveryLimits[] } {
  const limits: DeliveryLimits[] = [];
  return {
    description: 'scripted',
    limits,
    async send(_request, given): Promise<AttemptResult> {
      const answer = answers[Math.min(limits.length, answers.length - 1)]!;
      limits.push(given);
      if (answer === 'timeout') return { durationMs: given.timeoutMs, error: { kind: 'timeout', message: `no reply within ${given.timeoutMs} ms` } };
      if (answer === 'refused') return { durationMs: 1, error: { kind: 'connection-refused', message: 'refused' } };
      return { durationMs: 2, reply: { status: answer, headers: {}, body: '', bytes: 0 } };
    },
    async close() {},
  };
}

const logto = (retries: 'none' | '5xx-retry-3') => logtoDeliveryPolicy(logtoOptionsSchema.parse({ retries, timeoutMs: 1234 }));

describe('deliver', () => {
  it('makes one attempt when the policy asks for no retry, passing the timeout and reply cap', async () => {
    const transport = scripted(500);
    const clock = manualClock(0);
    const record = await deliver(transport, request, logto('none'), clock, 777);
    expect(record.attempts).toEqual([{ number: 1, durationMs: 2, reply: { status: 500, headers: {}, body: '', bytes: 0 } }]);
    expect(transport.limits).toStrictEqual([{ timeoutMs: 1234, maxReplyBytes: 777 }]);
    expect(clock.sleeps).toEqual([]);
  });

  it("passes hooksim's total-time cap on to the transport when given", async () => {
    const transport = scripted(200);
    await deliver(transport, request, logto('none'), manualClock(0), 777, 5000);
    expect(transport.limits).toEqual([{ timeoutMs: 1234, maxReplyBytes: 777, maxTotalMs: 5000 }]);
  });

  it('retries while the policy asks, waiting its back-off, numbering every attempt', async () => {
    const transport = scripted(503, 502, 200);
    const clock = manualClock(0);
    const record = await deliver(transport, request, logto('5xx-retry-3'), clock, 100);
    expect(record.attempts.map((a) => [a.number, a.reply?.status])).toEqual([
      [1, 503],
      [2, 502],
      [3, 200],
    ]);
    expect(clock.sleeps).toEqual([300, 600]);
  });
});

describe("hooksim's total-time cap on one attempt", () => {
  it("defaults to the provider's timeout plus 30 s for the body", () => {
    expect(DEFAULT_BODY_GRACE_MS).toBe(30_000);
    expect(totalCapMs({ timeoutMs: 10_000, maxReplyBytes: 1 })).toBe(40_000);
  });
  it('is the given cap, but never less than the timeout', () => {
    expect(totalCapMs({ timeoutMs: 10_000, maxReplyBytes: 1, maxTotalMs: 12_000 })).toBe(12_000);
    expect(totalCapMs({ timeoutMs: 10_000, maxReplyBytes: 1, maxTotalMs: 5_000 })).toBe(10_000);
  });
});

describe("Logto's retry rule", () => {
  it('1.42 (retries: none) never retries, not even a 5xx', async () => {
    const record = await deliver(scripted(500), request, logto('none'), manualClock(0), 100);
    expect(record.attempts).toHaveLength(1);
  });

  it('5xx-retry-3 retries a 5xx three times at 300, 600 and 1200 ms, then stops', async () => {
    const clock = manualClock(0);
    const record = await deliver(scripted(500), request, logto('5xx-retry-3'), clock, 100);
    expect(record.attempts).toHaveLength(4);
    expect(clock.sleeps).toEqual([300, 600, 1200]);
    expect(LOGTO_RETRY_DELAYS_MS).toEqual([300, 600, 1200]);
  });

  it.each([599, 500])('5xx-retry-3 retries status %i', async (status) => {
    expect((await deliver(scripted(status, 200), request, logto('5xx-retry-3'), manualClock(0), 100)).attempts).toHaveLength(2);
  });

  it.each([200, 204, 302, 400, 404, 499, 600])('5xx-retry-3 does not retry status %i', async (status) => {
    expect((await deliver(scripted(status), request, logto('5xx-retry-3'), manualClock(0), 100)).attempts).toHaveLength(1);
  });

  it.each(['timeout', 'refused'] as const)('5xx-retry-3 does not retry a %s', async (answer) => {
    expect((await deliver(scripted(answer), request, logto('5xx-retry-3'), manualClock(0), 100)).attempts).toHaveLength(1);
  });

  it('uses the timeout from the options', () => {
    expect(logto('none').timeoutMs).toBe(1234);
  });
});

describe("Dexie Cloud's delivery", () => {
  it('one attempt, never retried (the call sits in the login path)', async () => {
    const policy = dexieCloud.deliveryPolicy(dexieCloud.optionsSchema.parse({ timeoutMs: 2000 }));
    expect(policy.timeoutMs).toBe(2000);
    expect((await deliver(scripted(503), request, policy, manualClock(0), 100)).attempts).toHaveLength(1);
  });
});

describe("Logto's signature", () => {
  it('is the lowercase hex HMAC-SHA256 of the exact body, keyed with the signing key', () => {
    const body = '{"event":"PostRegister","note":"é"}';
    const signature = signLogtoBody('key-1', body);
    expect(signature).toBe(createHmac('sha256', Buffer.from('key-1', 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex'));
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the key and with any byte of the body', () => {
    const signature = signLogtoBody('key-1', '{"a":1}');
    expect(signLogtoBody('key-2', '{"a":1}')).not.toBe(signature);
    expect(signLogtoBody('key-1', '{"a": 1}')).not.toBe(signature);
  });

  it('a known vector', () => {
    expect(signLogtoBody('secret', 'hello')).toBe('88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b');
  });

  it('goes in the logto-signature-sha-256 header', () => {
    expect(SIGNATURE_HEADER).toBe('logto-signature-sha-256');
  });
});

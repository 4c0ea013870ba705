import { describe, expect, it } from 'vitest';
import { DeliveryLog, maskSignature, type DeliveryEntry } from '../../src/emulator/history.js';
import { getProvider } from '../../src/providers/registry.js';

const entry = (event: string): Omit<DeliveryEntry, 'id'> => ({
  at: '2026-03-01T10:00:00.000Z',
  source: 'trigger',
  provider: 'logto',
  event,
  variant: 'experience',
  target: 't',
  seed: 1,
  set: [],
  request: { method: 'POST', headers: {}, body: '{}' },
  attempts: [],
  verdict: { pass: true, violations: [] },
  outcome: {},
  latencyMs: 1,
  apiCalls: [],
});

describe('delivery history', () => {
  it('numbers deliveries and keeps the latest ones only, telling listeners of each', () => {
    const log = new DeliveryLog(2);
    const heard: number[] = [];
    const stop = log.subscribe((added) => heard.push(added.id));
    for (const event of ['A', 'B', 'C']) log.add(entry(event));
    stop();
    log.add(entry('D'));
    expect(log.list().map((kept) => [kept.id, kept.event])).toEqual([[3, 'C'], [4, 'D']]);
    expect(log.get(1)).toBeUndefined();
    expect(heard).toEqual([1, 2, 3]);
  });

  it('masks every signature header and leaves the others as sent; the provider\'s hex HMAC scheme says what it was', () => {
    const request = {
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', 'logto-signature-sha-256': 'a'.repeat(64), 'webhook-signature': 'v1,abc=', 'webhook-id': 'msg_1' },
      body: '{}',
    };
    expect(maskSignature(request, getProvider('logto')).headers).toEqual({ 'content-type': 'application/json', 'logto-signature-sha-256': '[redacted: HMAC-SHA256, 64 hex chars]', 'webhook-signature': '[redacted: 7 chars]', 'webhook-id': 'msg_1' });
    // Without the provider, nothing says which scheme it was.
    expect(maskSignature(request).headers['logto-signature-sha-256']).toBe('[redacted: 64 chars]');
  });
});

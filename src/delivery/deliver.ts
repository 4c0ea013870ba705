import type { Clock } from '../core/clock.js';
import type { DeliveryRecord, WireRequest } from '../core/types.js';
import type { DeliveryPolicy } from '../providers/types.js';
import type { Transport } from '../transports/types.js';

/**
 * Sends a request as the provider would: one attempt, then more while the provider's retry
 * rule asks for them, waiting its back-off on `clock`. Every attempt is kept.
 * `maxTotalMs` is hooksim's safety cap per attempt (see `DeliveryLimits`), not a provider rule.
 */
export async function deliver(
  transport: Transport,
  request: WireRequest,
  policy: DeliveryPolicy,
  clock: Clock,
  maxReplyBytes: number,
  maxTotalMs?: number,
): Promise<DeliveryRecord> {
  const record: DeliveryRecord = { attempts: [] };
  const limits = { timeoutMs: policy.timeoutMs, maxReplyBytes, ...(maxTotalMs !== undefined ? { maxTotalMs } : {}) };
  for (;;) {
    const result = await transport.send(request, limits);
    record.attempts.push({ number: record.attempts.length + 1, ...result });
    const delay = policy.retryDelay(record);
    if (delay === undefined) return record;
    await clock.sleep(delay);
  }
}

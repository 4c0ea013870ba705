import type { DeliveryPolicy } from '../types.js';
import type { LogtoOptions } from './options.js';

/** ky's default back-off, `0.3 s × 2^(n-1)`, for the 3 retries of `5xx-retry-3`. */
export const LOGTO_RETRY_DELAYS_MS = [300, 600, 1200] as const;

/**
 * Logto's delivery: one attempt in 1.42 (ky never retries POST); with `5xx-retry-3`, up to 3 more
 * attempts on a 5xx reply only. Timeouts and network errors are never retried in either mode.
 */
export function logtoDeliveryPolicy(options: LogtoOptions): DeliveryPolicy {
  return {
    timeoutMs: options.timeoutMs,
    retryDelay(record) {
      if (options.retries === 'none') return undefined;
      const last = record.attempts.at(-1);
      const status = last?.reply?.status;
      if (status === undefined || status < 500 || status > 599) return undefined;
      return LOGTO_RETRY_DELAYS_MS[record.attempts.length - 1];
    },
  };
}

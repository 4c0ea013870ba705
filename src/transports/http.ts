import type { WireRequest } from '../core/types.js';
import { AttemptTimeout, classifyNetworkError } from './errors.js';
import { attemptFromResponse, readCapped } from './read-capped.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';

/**
 * Delivers over HTTP(S) with Node's fetch, as Logto does through ky: the same client headers,
 * redirects followed, the timeout covering the whole exchange.
 */
export function httpTransport(url: URL): Transport {
  const where = url.host;
  return {
    description: url.href,
    async send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new AttemptTimeout(limits.timeoutMs)), limits.timeoutMs);
      const started = performance.now();
      try {
        const response = await fetch(url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
          redirect: 'follow',
        });
        const body = await readCapped(response.body, limits.maxReplyBytes);
        return attemptFromResponse(response, body, limits.maxReplyBytes, performance.now() - started);
      } catch (error) {
        const reason = controller.signal.aborted ? controller.signal.reason : error;
        return { durationMs: performance.now() - started, error: classifyNetworkError(reason, where) };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {},
  };
}

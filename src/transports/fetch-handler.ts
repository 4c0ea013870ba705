import type { WireRequest } from '../core/types.js';
import { AttemptTimeout } from './errors.js';
import { attemptFromResponse, readCapped } from './read-capped.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';

/** A fetch-style hook: Hono apps, Next.js route handlers, Cloudflare/Deno workers. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Calls a fetch-style handler in-process with a real `Request`. */
export function fetchHandlerTransport(handler: FetchHandler, path = '/'): Transport {
  const url = new URL(path, 'http://hooksim.localhost');
  return {
    description: `in-process fetch handler POST ${url.pathname}${url.search}`,
    async send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AttemptTimeout(limits.timeoutMs)), limits.timeoutMs);
      });
      try {
        const exchange = (async () => {
          const response = await handler(new Request(url, { method: request.method, headers: request.headers, body: request.body }));
          if (!(response instanceof Response)) throw new TypeError(`the handler returned ${typeof response}, not a Response`);
          return { response, body: await readCapped(response.body, limits.maxReplyBytes) };
        })();
        const { response, body } = await Promise.race([exchange, timeout]);
        return attemptFromResponse(response, body, limits.maxReplyBytes, performance.now() - started);
      } catch (error) {
        const durationMs = performance.now() - started;
        if (error instanceof AttemptTimeout) return { durationMs, error: { kind: 'timeout', message: `${error.message} from the fetch handler` } };
        const message = error instanceof Error ? error.message : String(error);
        return { durationMs, error: { kind: 'handler-threw', message: `the fetch handler threw: ${message}` } };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {},
  };
}

import { STATUS_CODES } from 'node:http';
import type { RedirectHop, TransportError, WireRequest } from '../core/types.js';
import { firstHop } from './http.js';
import { readCapped } from './read-capped.js';
import { totalCapMs, type AttemptResult, type DeliveryLimits, type Transport } from './types.js';
import { networkConnector } from './wire/connect.js';
import { exchange, freshLinks } from './wire/exchange.js';
import { redirectStep } from './wire/redirects.js';
import { fetchWireHeaders, type HopRequest } from './wire/request-bytes.js';

/** A fetch-style hook: Hono apps, Next.js route handlers, Cloudflare/Deno workers. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** The origin a fetch handler is addressed as. */
export const FETCH_HANDLER_ORIGIN = 'http://hooksim.localhost';

class Stop extends Error {
  constructor(readonly error: TransportError) {
    super(error.message);
  }
}

/** The `Request` a handler gets: the hop's method, URL, body and the headers fetch would send. */
function toRequest(hop: HopRequest): Request {
  // `connection` and `content-length` describe the wire, which a Request does not have.
  const headers = fetchWireHeaders(hop).filter(([name]) => name !== 'connection' && name !== 'content-length');
  return new Request(hop.url, { method: hop.method, headers, ...(hop.body !== undefined ? { body: hop.body } : {}) });
}

/**
 * Calls a fetch-style handler in-process with a real `Request`, with the URL transport's
 * meanings: the timeout ends when the handler returns its `Response` (the headers), the body is
 * then read whole under the total cap, redirects are followed as fetch does (in-process on the
 * same origin, over the network to another one).
 */
export function fetchHandlerTransport(handler: FetchHandler, path = '/'): Transport {
  const url = new URL(path, FETCH_HANDLER_ORIGIN);
  const network = networkConnector();
  return {
    description: `in-process fetch handler POST ${url.pathname}${url.search}`,
    async send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      const started = performance.now();
      const timers: NodeJS.Timeout[] = [];
      const after = (delay: number, error: () => TransportError) =>
        new Promise<never>((_, reject) => timers.push(setTimeout(() => reject(new Stop(error())), delay)));
      const headersDue = after(limits.timeoutMs, () => ({ kind: 'timeout', message: `no reply within ${limits.timeoutMs} ms from the fetch handler` }));
      let status = 0;
      const totalDue = after(totalCapMs(limits), () => ({
        kind: 'body-timeout',
        message: `the reply's headers arrived but its body was still arriving from the fetch handler after ${totalCapMs(limits)} ms, hooksim's total-time cap (maxTotalMs; the provider itself sets no limit on reading the body) (status ${status})`,
      }));
      headersDue.catch(() => undefined);
      totalDue.catch(() => undefined);
      const redirects: RedirectHop[] = [];
      let hop: HopRequest = firstHop(request, url);
      try {
        for (;;) {
          let response: Response;
          try {
            response = await Promise.race([Promise.resolve().then(() => handler(toRequest(hop))), headersDue]);
          } catch (error) {
            if (error instanceof Stop) throw error;
            const message = error instanceof Error ? error.message : String(error);
            throw new Stop({ kind: 'handler-threw', message: `the fetch handler threw: ${message}` });
          }
          if (!(response instanceof Response)) throw new Stop({ kind: 'handler-threw', message: `the fetch handler returned ${typeof response}, not a Response` });
          const step = redirectStep(hop, response.status, response.headers.get('location') ?? undefined, redirects.length);
          if (step.kind === 'error') throw new Stop({ kind: 'network', message: `fetch failed for the fetch handler: ${step.message}` });
          if (step.kind === 'follow') {
            await response.body?.cancel().catch(() => undefined);
            redirects.push({ status: response.status, location: step.next.url.href });
            hop = step.next;
            if (hop.url.origin === url.origin) continue;
            // Another origin: the rest of the chain happens on the network, in the time left.
            const left = (total: number) => Math.max(1, total - (performance.now() - started));
            const rest = await exchange(hop, freshLinks(network, (at) => at.host), {
              timeoutMs: left(limits.timeoutMs),
              maxReplyBytes: limits.maxReplyBytes,
              maxTotalMs: left(totalCapMs(limits)),
            });
            if (rest.reply) rest.reply.redirects = [...redirects, ...(rest.reply.redirects ?? [])];
            return Object.assign({}, rest, { durationMs: performance.now() - started });
          }
          status = response.status;
          let kept;
          try {
            kept = await readCapped(response.body, limits.maxReplyBytes, totalDue);
          } catch (error) {
            if (error instanceof Stop) throw error;
            const message = error instanceof Error ? error.message : String(error);
            throw new Stop({ kind: 'connection-reset', message: `the fetch handler's body failed before it was complete: ${message} (status ${status})` });
          }
          return {
            durationMs: performance.now() - started,
            reply: {
              status: response.status,
              // A server adapter (Node, Deno, workers) writes the standard phrase when the Response has none.
              statusText: response.statusText || STATUS_CODES[response.status] || '',
              headers: Object.fromEntries(response.headers),
              body: kept.text,
              bytes: kept.bytes,
              truncated: kept.truncated,
              ...(redirects.length > 0 ? { redirects } : {}),
            },
          };
        }
      } catch (error) {
        const durationMs = performance.now() - started;
        if (error instanceof Stop) return { durationMs, error: error.error };
        const message = error instanceof Error ? error.message : String(error);
        return { durationMs, error: { kind: 'handler-threw', message: `the fetch handler threw: ${message}` } };
      } finally {
        for (const timer of timers) clearTimeout(timer);
      }
    },
    async close() {},
  };
}

import type { WireRequest } from '../core/types.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';
import { networkConnector, type NetworkOptions } from './wire/connect.js';
import { exchange } from './wire/exchange.js';

/** The first hop of a delivery: the provider's request, at `url`. */
export function firstHop(request: WireRequest, url: URL) {
  return { method: request.method, url, headers: Object.entries(request.headers), body: request.body };
}

/**
 * Delivers over HTTP(S) as Logto does through ky and Node's fetch: the same bytes on the wire
 * (fetch's own headers included), `redirect: 'follow'`, the timeout ending when the reply's
 * headers arrive. It opens its sockets itself (no fetch, no http.request), so an msw or nock
 * set up in the same process neither sees nor blocks hooksim's delivery.
 */
export function httpTransport(url: URL, options: NetworkOptions = {}): Transport {
  const connect = networkConnector(options);
  return {
    description: url.href,
    send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      return exchange(firstHop(request, url), { connect, describe: (at) => at.host }, limits);
    },
    async close() {},
  };
}

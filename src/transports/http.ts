import { urlWithPath } from '../core/request-path.js';
import type { WireRequest } from '../core/types.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';
import { networkConnector, type Connector, type NetworkOptions } from './wire/connect.js';
import { exchange, firstHeader, type ExchangeRoute } from './wire/exchange.js';
import { Link } from './wire/link.js';
import type { ReplyHead } from './wire/response-parser.js';

/** The first hop of a delivery: the provider's request, at `url` (with the request's own path below it). */
export function firstHop(request: WireRequest, url: URL) {
  return { method: request.method, url: urlWithPath(url, request.path), headers: Object.entries(request.headers), body: request.body };
}

/**
 * How long an idle connection is kept when the server does not say (`keep-alive: timeout=`):
 * undici's default (4 s), below Node's server default of 5 s so that we drop it first.
 */
const DEFAULT_IDLE_MS = 4_000;
/** Margin under the server's announced keep-alive timeout (undici keeps 2 s). */
const IDLE_MARGIN_MS = 2_000;

const CLOSE = /(^|,)\s*close\s*(,|$)/i;

/**
 * Whether the connection a reply came on can carry the next request, by HTTP/1.1's rules as
 * undici applies them: HTTP/1.1, no `connection: close`, and a body whose end was framed (a
 * length, chunked, or no body) rather than marked by the server closing the connection.
 */
function reusable(reply: ReplyHead): boolean {
  if (reply.version !== '1.1') return false;
  const connection = firstHeader(reply.rawHeaders, 'connection');
  if (connection !== undefined && CLOSE.test(connection)) return false;
  if (reply.status === 204 || reply.status === 304) return true;
  return firstHeader(reply.rawHeaders, 'content-length') !== undefined || /chunked/i.test(firstHeader(reply.rawHeaders, 'transfer-encoding') ?? '');
}

/** Milliseconds a connection may idle: the server's `keep-alive: timeout=N` less a margin, else 4 s. */
function idleMs(reply: ReplyHead): number {
  const keepAlive = firstHeader(reply.rawHeaders, 'keep-alive');
  const announced = keepAlive === undefined ? undefined : /timeout=(\d+)/i.exec(keepAlive)?.[1];
  return announced === undefined ? DEFAULT_IDLE_MS : Math.max(0, Number(announced) * 1000 - IDLE_MARGIN_MS);
}

/** An idle link's timer: closes it once it has idled its time (a link reused meanwhile is left alone). */
function idleCheck(pool: ConnectionPool, link: Link): void {
  link.idleTimer = undefined;
  if (!link.pooled) return;
  const left = link.idleSince + link.idleMs - performance.now();
  if (left > 0) {
    link.idleTimer = setTimeout(idleCheck, left, pool, link);
    link.idleTimer.unref();
  } else pool.drop(link);
}

/**
 * Keep-alive connections by origin, as fetch's dispatcher keeps them: a connection whose reply
 * came complete waits idle for the next request to the same origin (the last one in first, as
 * undici picks the most recently used). An idle connection the server closes, or that sends
 * anything, is dropped; none keeps the process alive.
 */
class ConnectionPool {
  private readonly idle = new Map<string, Link[]>();
  private closed = false;
  private readonly onIdleLoss = (link: Link) => this.unlist(link);

  constructor(private readonly open: Connector) {}

  connect(url: URL, origin: string): Link {
    const list = this.idle.get(origin);
    while (list !== undefined && list.length > 0) {
      const link = list.pop()!;
      link.pooled = false;
      if (!link.usable) {
        link.destroy();
        continue;
      }
      link.hold(true);
      return link;
    }
    const link = new Link(this.open(url));
    link.idleLoss = this.onIdleLoss;
    // As undici does for fetch: no Nagle delay between a request's bytes and the next request's.
    link.stream.setNoDelay?.(true);
    return link;
  }

  release(origin: string, link: Link, reply: ReplyHead): boolean {
    if (this.closed || !link.usable || !reusable(reply)) return false;
    const ttl = idleMs(reply);
    if (ttl <= 0) return false;
    let list = this.idle.get(origin);
    if (list === undefined) {
      list = [];
      this.idle.set(origin, list);
    }
    link.pooled = true;
    link.idleSince = performance.now();
    link.idleMs = ttl;
    // One timer per link, not per request: when it fires it looks at how long the link has idled.
    if (link.idleTimer === undefined) {
      link.idleTimer = setTimeout(idleCheck, ttl, this, link);
      link.idleTimer.unref();
    }
    link.hold(false);
    list.push(link);
    return true;
  }

  /** Closes an idle link and forgets it. */
  drop(link: Link): void {
    this.unlist(link);
    link.destroy();
  }

  private unlist(link: Link): void {
    if (!link.pooled) return;
    link.pooled = false;
    for (const list of this.idle.values()) {
      const at = list.indexOf(link);
      if (at >= 0) list.splice(at, 1);
    }
  }

  close(): void {
    this.closed = true;
    for (const list of this.idle.values()) for (const link of list.splice(0)) {
      link.pooled = false;
      link.destroy();
    }
    this.idle.clear();
  }
}

/**
 * Delivers over HTTP(S) as Logto does through ky and Node's fetch: the same bytes on the wire
 * (fetch's own headers included), `redirect: 'follow'`, the timeout ending when the reply's
 * headers arrive, and connections kept alive between requests as fetch's pool keeps them. It
 * opens its sockets itself (no fetch, no http.request), so an msw or nock set up in the same
 * process neither sees nor blocks hooksim's delivery.
 */
export function httpTransport(url: URL, options: NetworkOptions = {}): Transport {
  const pool = new ConnectionPool(networkConnector(options));
  const home = url.origin;
  // The target's own origin is known; only a redirect elsewhere needs URL.origin worked out.
  const originOf = (at: URL) => (at === url ? home : at.origin);
  const route: ExchangeRoute = {
    connect: (at) => pool.connect(at, originOf(at)),
    describe: (at) => at.host,
    release: (at, link, reply) => pool.release(originOf(at), link, reply),
  };
  return {
    description: url.href,
    send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      return exchange(firstHop(request, url), route, limits);
    },
    async close() {
      pool.close();
    },
  };
}

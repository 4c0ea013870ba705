import type { Duplex } from 'node:stream';
import { urlWithPath } from '../core/request-path.js';
import type { WireRequest } from '../core/types.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';
import { networkConnector, type Connector, type NetworkOptions } from './wire/connect.js';
import { exchange, type ExchangeRoute } from './wire/exchange.js';
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

const header = (reply: ReplyHead, name: string) => reply.rawHeaders.find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * Whether the connection a reply came on can carry the next request, by HTTP/1.1's rules as
 * undici applies them: HTTP/1.1, no `connection: close`, and a body whose end was framed (a
 * length, chunked, or no body) rather than marked by the server closing the connection.
 */
function reusable(reply: ReplyHead): boolean {
  if (reply.version !== '1.1') return false;
  if (/(^|,)\s*close\s*(,|$)/i.test(header(reply, 'connection') ?? '')) return false;
  if (reply.status === 204 || reply.status === 304) return true;
  return header(reply, 'content-length') !== undefined || /chunked/i.test(header(reply, 'transfer-encoding') ?? '');
}

/** Milliseconds a connection may idle: the server's `keep-alive: timeout=N` less a margin, else 4 s. */
function idleMs(reply: ReplyHead): number {
  const announced = /timeout=(\d+)/i.exec(header(reply, 'keep-alive') ?? '')?.[1];
  return announced === undefined ? DEFAULT_IDLE_MS : Math.max(0, Number(announced) * 1000 - IDLE_MARGIN_MS);
}

interface Idle {
  stream: Duplex;
  timer: NodeJS.Timeout;
  drop: () => void;
}

/**
 * Keep-alive connections by origin, as fetch's dispatcher keeps them: a connection whose reply
 * came complete waits idle for the next request to the same origin. An idle connection the
 * server closes, or that sends anything, is dropped; none keeps the process alive.
 */
class ConnectionPool {
  private readonly idle = new Map<string, Idle[]>();
  private closed = false;

  constructor(private readonly open: Connector) {}

  connect(url: URL): Duplex {
    const list = this.idle.get(url.origin);
    while (list && list.length > 0) {
      const entry = list.pop()!;
      clearTimeout(entry.timer);
      entry.stream.removeListener('data', entry.drop).removeListener('end', entry.drop).removeListener('close', entry.drop).removeListener('error', entry.drop);
      if (entry.stream.destroyed || entry.stream.readableEnded) continue;
      (entry.stream as Duplex & { ref?: () => void }).ref?.();
      return entry.stream;
    }
    const stream = this.open(url);
    // As undici does for fetch: no Nagle delay between a request's bytes and the next request's.
    (stream as Duplex & { setNoDelay?: (noDelay: boolean) => void }).setNoDelay?.(true);
    return stream;
  }

  release(url: URL, stream: Duplex, reply: ReplyHead): boolean {
    if (this.closed || stream.destroyed || stream.readableEnded || !reusable(reply)) return false;
    const ttl = idleMs(reply);
    if (ttl <= 0) return false;
    const list = this.idle.get(url.origin) ?? [];
    this.idle.set(url.origin, list);
    const entry: Idle = {
      stream,
      timer: setTimeout(() => entry.drop(), ttl),
      drop: () => {
        clearTimeout(entry.timer);
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        stream.removeAllListeners();
        stream.on('error', () => undefined);
        stream.destroy();
      },
    };
    entry.timer.unref();
    // Unsolicited bytes or a close while idle: the connection cannot carry another exchange.
    stream.on('data', entry.drop).on('end', entry.drop).on('close', entry.drop).on('error', entry.drop);
    (stream as Duplex & { unref?: () => void }).unref?.();
    list.push(entry);
    return true;
  }

  close(): void {
    this.closed = true;
    for (const list of this.idle.values()) for (const entry of [...list]) entry.drop();
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
  const route: ExchangeRoute = {
    connect: (at) => pool.connect(at),
    describe: (at) => at.host,
    release: (at, stream, reply) => pool.release(at, stream, reply),
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

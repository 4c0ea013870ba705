import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WireRequest } from '../core/types.js';
import { firstHop } from './http.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';
import { networkConnector } from './wire/connect.js';
import { exchange } from './wire/exchange.js';
import { Link } from './wire/link.js';
import { memorySocketPair } from './wire/memory-socket.js';

/** An Express app or any Node `(req, res)` request handler. */
export type NodeHandler = RequestListener;

/** The origin an in-process app is addressed as (its `host` header, and where redirects must point to stay in-process). */
export const IN_PROCESS_ORIGIN = 'http://hooksim.localhost';

/**
 * Delivers to an Express app or Node handler in-process, opening no socket: the app is given to
 * Node's own HTTP server (`http.createServer(app)`, never listening), and each hop of a delivery
 * is a fresh in-memory connection carrying the exact bytes Logto's fetch would send. Node parses
 * the request as it would from the network; the reply bytes are parsed like the URL transport's.
 * The app and its prototypes are never touched.
 *
 * Redirects follow fetch's rules. One that stays on {@link IN_PROCESS_ORIGIN} (a relative
 * `location`, or the same host) is followed in-process; one to another origin leaves the process
 * over the network, as Logto would follow it.
 */
export function nodeHandlerTransport(handler: NodeHandler, path = '/'): Transport {
  const url = new URL(path, IN_PROCESS_ORIGIN);
  const origin = url.origin;
  let server: Server | undefined;
  // Which attempt a connection belongs to, so a throwing handler fails only that attempt.
  const onThrow = new WeakMap<Duplex, (error: unknown) => void>();
  const network = networkConnector();

  const serverFor = (): Server => {
    if (server) return server;
    // The user's handler runs unchanged; a wrapper only catches what it throws, which a
    // listening server would let crash the process.
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const report = (error: unknown) => {
        onThrow.get(req.socket)?.(error);
        res.destroy();
      };
      try {
        const result = (handler as (req: IncomingMessage, res: ServerResponse) => unknown)(req, res);
        if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, report);
      } catch (error) {
        report(error);
      }
    });
    return server;
  };

  return {
    description: `in-process app POST ${url.pathname}${url.search}`,
    send(request: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      let threw: unknown;
      let thrown = false;
      const connect = (at: URL): Link => {
        if (at.origin !== origin) return new Link(network(at));
        const { client, server: end } = memorySocketPair();
        onThrow.set(end, (error) => {
          thrown = true;
          threw = error;
        });
        serverFor().emit('connection', end);
        return new Link(client);
      };
      const describe = (at: URL) => (at.origin === origin ? 'the in-process app' : at.host);
      return exchange(firstHop(request, url), { connect, describe }, limits).then((result) => {
        if (!thrown) return result;
        const message = threw instanceof Error ? threw.message : String(threw);
        return { durationMs: result.durationMs, error: { kind: 'handler-threw', message: `the in-process app threw: ${message}` } };
      });
    },
    async close() {
      if (!server) return;
      const closing = server;
      server = undefined;
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}

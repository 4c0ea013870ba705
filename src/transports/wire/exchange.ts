import type { Duplex } from 'node:stream';
import type { RedirectHop, TransportError } from '../../core/types.js';
import { classifyNetworkError } from '../errors.js';
import { totalCapMs, type AttemptResult, type DeliveryLimits } from '../types.js';
import { BodySink } from './body-sink.js';
import type { Connector } from './connect.js';
import { redirectStep } from './redirects.js';
import { requestBytes, type HopRequest } from './request-bytes.js';
import { ReplyParser, type ReplyHead } from './response-parser.js';

/** How an exchange names the places it talks to, and where a hop's bytes go. */
export interface ExchangeRoute {
  /** The stream for a hop to `url` (a socket, or an in-memory pipe to an in-process app). */
  connect: Connector;
  /** `127.0.0.1:4005` or `the in-process app`, for messages. */
  describe(url: URL): string;
  /**
   * Takes back the stream of a hop whose reply came complete, to reuse it for the next request
   * (keep-alive, as fetch's connection pool does). Returns false to have it closed. Absent: closed.
   */
  release?(url: URL, stream: Duplex, reply: ReplyHead): boolean;
}

/** Lowercase names, duplicates joined with `, ` (as fetch's `Headers` reads them), sorted by name. */
function headerRecord(raw: [string, string][]): Record<string, string> {
  const merged = new Map<string, string>();
  for (const [name, value] of raw) {
    const key = name.toLowerCase();
    const before = merged.get(key);
    merged.set(key, before === undefined ? value.trim() : `${before}, ${value.trim()}`);
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const ms = (value: number) => `${Math.round(value)} ms`;

/**
 * One delivery attempt as Logto's client makes it (ky over Node's fetch, `redirect: 'follow'`):
 * writes the request's exact bytes, follows redirects hop by hop, and reads the reply.
 *
 * Timing, as the provider has it: `timeoutMs` runs from the start until the final reply's
 * headers arrive (redirects included); the body is then read with no timeout of its own, only
 * hooksim's total cap (`maxTotalMs`) so that a body that never ends still gets a verdict.
 * The body is counted to its end and kept up to `maxReplyBytes`. Never rejects.
 */
export function exchange(first: HopRequest, route: ExchangeRoute, limits: DeliveryLimits): Promise<AttemptResult> {
  return new Promise<AttemptResult>((resolve) => {
    const started = performance.now();
    const redirects: RedirectHop[] = [];
    let request = first;
    let socket: Duplex | undefined;
    let hop = 0;
    let head: ReplyHead | undefined;
    let headersAtMs = 0;
    let sink: BodySink | undefined;
    let settled = false;

    const finish = (outcome: { reply: NonNullable<AttemptResult['reply']> } | { error: TransportError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(headTimer);
      clearTimeout(totalTimer);
      sink?.dispose();
      if (socket && 'reply' in outcome && route.release) {
        socket.removeAllListeners();
        if (route.release(request.url, socket, head!)) socket = undefined;
      }
      if (socket) {
        socket.removeAllListeners('data');
        // A late error from a socket we are done with must not become an uncaught exception.
        socket.on('error', () => undefined);
        socket.destroy();
      }
      resolve({ durationMs: performance.now() - started, ...outcome });
    };
    const where = () => route.describe(request.url);
    const bodyState = () => {
      const length = head?.rawHeaders.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
      return `status ${head?.status}, headers after ${ms(headersAtMs)}, ${sink?.bytes ?? 0} body bytes received${length !== undefined ? ` of content-length ${length}` : ''}`;
    };
    const failBody = (kind: TransportError['kind'], what: string) => finish({ error: { kind, message: `${what} (${bodyState()})` } });

    const headTimer = setTimeout(() => {
      finish({ error: { kind: 'timeout', message: `no reply within ${limits.timeoutMs} ms from ${where()}` } });
    }, limits.timeoutMs);
    const cap = totalCapMs(limits);
    const totalTimer = setTimeout(() => {
      failBody(
        'body-timeout',
        `the reply's headers arrived but its body was still arriving from ${where()} after ${cap} ms, hooksim's total-time cap (maxTotalMs; the provider itself sets no limit on reading the body)`,
      );
    }, cap);

    const onHead = (reply: ReplyHead) => {
      const location = reply.rawHeaders.find(([name]) => name.toLowerCase() === 'location')?.[1];
      const step = redirectStep(request, reply.status, location, redirects.length);
      if (step.kind === 'error') return finish({ error: { kind: 'network', message: `fetch failed for ${where()}: ${step.message}` } });
      if (step.kind === 'follow') {
        redirects.push({ status: reply.status, location: step.next.url.href });
        request = step.next;
        return startHop();
      }
      head = reply;
      headersAtMs = performance.now() - started;
      clearTimeout(headTimer);
      const contentEncoding = reply.rawHeaders.find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
      const current = socket;
      sink = new BodySink(limits.maxReplyBytes, reply.status === 204 || reply.status === 304 ? undefined : contentEncoding, {
        pause: () => current?.pause(),
        resume: () => current?.resume(),
        failed: (error) => failBody('network', `the reply body could not be decoded (${contentEncoding}): ${error.message}`),
      });
    };

    const onComplete = () => {
      const body = sink!;
      body.end().then(
        (kept) => {
          finish({
            reply: {
              status: head!.status,
              statusText: head!.statusText,
              headers: headerRecord(head!.rawHeaders),
              body: kept.text,
              bytes: kept.bytes,
              truncated: kept.truncated,
              ...(redirects.length > 0 ? { redirects } : {}),
            },
          });
        },
        (error: Error) => failBody('network', `the reply body could not be decoded: ${error.message}`),
      );
    };

    function startHop() {
      if (socket) {
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.destroy();
      }
      const thisHop = ++hop;
      const live = () => !settled && thisHop === hop;
      const parser = new ReplyParser({
        head: (reply) => live() && onHead(reply),
        body: (chunk) => live() && sink?.write(chunk),
        complete: () => live() && onComplete(),
      });
      const stream = route.connect(request.url);
      socket = stream;
      const lost = (error?: Error) => {
        if (!live() || parser.complete) return;
        if (!head) {
          return finish({ error: error ? classifyNetworkError(error, where()) : { kind: 'connection-reset', message: `connection closed by ${where()} before a reply` } });
        }
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        failBody('connection-reset', `connection ${code ? `reset (${code})` : 'closed'} by ${where()} before the reply body was complete`);
      };
      stream.on('data', (chunk: Buffer) => {
        if (!live()) return;
        const problem = parser.feed(chunk);
        if (problem && live()) finish({ error: { kind: 'network', message: `invalid HTTP reply from ${where()}: ${problem.kind === 'invalid' ? problem.message : 'incomplete'}` } });
      });
      stream.on('end', () => {
        if (!live()) return;
        const problem = parser.end();
        if (problem && live()) lost();
      });
      stream.on('error', (error: Error) => lost(error));
      stream.on('close', () => lost());
      stream.write(requestBytes(request), (error) => {
        if (error) lost(error);
      });
    }

    startHop();
  });
}

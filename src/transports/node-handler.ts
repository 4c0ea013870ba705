import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import request from 'supertest';
import type { WireRequest } from '../core/types.js';
import { classifyNetworkError } from './errors.js';
import { tooLargeMessage } from './read-capped.js';
import type { AttemptResult, DeliveryLimits, Transport } from './types.js';

/** An Express app or any Node `(req, res)` request handler. */
export type NodeHandler = RequestListener;

interface ParsedBody {
  text: string;
  bytes: number;
  tooLarge: boolean;
}

/** A superagent parser that keeps the raw text and stops reading past the cap. */
function cappedParser(cap: number) {
  return (res: IncomingMessage, callback: (error: Error | null, body: ParsedBody) => void) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const finish = (tooLarge: boolean) => {
      if (done) return;
      done = true;
      callback(null, { text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), bytes, tooLarge });
    };
    res.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) {
        finish(true);
        res.destroy();
      } else chunks.push(chunk);
    });
    res.on('end', () => finish(false));
    res.on('error', () => finish(bytes > cap));
  };
}

/**
 * Delivers to an Express app or Node handler in-process through supertest. The app is served
 * on 127.0.0.1 at a port the OS picks (supertest alone would listen on every interface), and
 * the server is closed with the transport.
 */
export function nodeHandlerTransport(handler: NodeHandler, path = '/'): Transport {
  let server: Server | undefined;
  const listening = async (): Promise<Server> => {
    if (server) return server;
    const created = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(0, '127.0.0.1', () => resolve());
    });
    server = created;
    return created;
  };
  return {
    description: `in-process app POST ${path}`,
    async send(wire: WireRequest, limits: DeliveryLimits): Promise<AttemptResult> {
      const app = await listening();
      const started = performance.now();
      try {
        const response = await request(app)
          .post(path)
          .set(wire.headers)
          .send(wire.body)
          .timeout(limits.timeoutMs)
          .redirects(5)
          .ok(() => true)
          .buffer(true)
          // superagent hands the raw IncomingMessage to custom parsers; its types say otherwise.
          .parse(cappedParser(limits.maxReplyBytes) as unknown as Parameters<request.Test["parse"]>[0]);
        const durationMs = performance.now() - started;
        const body = response.body as ParsedBody;
        if (body.tooLarge) return { durationMs, error: { kind: 'reply-too-large', message: tooLargeMessage(limits.maxReplyBytes) } };
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers as Record<string, string | string[]>)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        return { durationMs, reply: { status: response.status, headers, body: body.text, bytes: body.bytes } };
      } catch (error) {
        const durationMs = performance.now() - started;
        if (error && typeof error === 'object' && 'timeout' in error) {
          return { durationMs, error: { kind: 'timeout', message: `no reply within ${limits.timeoutMs} ms from the in-process app` } };
        }
        return { durationMs, error: classifyNetworkError(error, 'the in-process app') };
      }
    },
    async close() {
      if (!server) return;
      const closing = server;
      server = undefined;
      // A hanging handler keeps its socket open; drop it so close() returns.
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}

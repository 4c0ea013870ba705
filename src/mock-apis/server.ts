import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRequestBody, serializeResponse } from './body.js';
import type { ApiResponse, MockApi } from './types.js';

/** A mock API served over HTTP. */
export interface ServedMockApi {
  url: string;
  close(): Promise<void>;
}

/** Request bodies above this are refused with 413 (a hook sending megabytes to an API is a bug). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The body as text, or undefined when it is over the limit (the rest is drained, not kept). */
async function readText(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
  }
  return size > BODY_LIMIT_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function headersOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
}

/**
 * Serves a mock API on 127.0.0.1 (port 0: the OS picks) for a hook running in another process.
 * The mock's `baseUrl` becomes the server's URL. Plain `node:http`: no framework to install.
 */
export async function serveMockApi(api: MockApi, options: { port?: number; host?: string } = {}): Promise<ServedMockApi> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await readText(req);
      let response: ApiResponse;
      if (text === undefined) {
        response = { status: 413, body: { code: 'hooksim.body_too_large', message: `request bodies over ${BODY_LIMIT_BYTES} bytes are refused` } };
      } else {
        const url = new URL(req.url ?? '/', 'http://mock.local');
        response = api.handle({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: headersOf(req),
          body: parseRequestBody(req.headers['content-type'], text),
        });
      }
      const { text: body, contentType } = serializeResponse(response);
      for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
      if (contentType) res.setHeader('content-type', contentType);
      res.statusCode = response.status;
      res.end(response.status === 204 ? undefined : body);
    })().catch((error: unknown) => {
      // A client that went away mid-body; nothing to answer.
      res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  api.baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url: api.baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

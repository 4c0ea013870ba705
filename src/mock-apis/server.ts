import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parseRequestBody, serializeResponse } from './body.js';
import type { MockApi } from './types.js';

/** A mock API served over HTTP. */
export interface ServedMockApi {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a mock API on 127.0.0.1 (port 0: the OS picks) for a hook running in another process.
 * The mock's `baseUrl` becomes the server's URL.
 */
export async function serveMockApi(api: MockApi, options: { port?: number; host?: string } = {}): Promise<ServedMockApi> {
  const app = express();
  app.use(express.text({ type: '*/*', limit: '1mb' }));
  app.use((req, res) => {
    const url = new URL(req.originalUrl, 'http://mock.local');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
    const response = api.handle({
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parseRequestBody(req.get('content-type'), typeof req.body === 'string' ? req.body : ''),
    });
    const { text, contentType } = serializeResponse(response);
    res.status(response.status);
    for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
    if (contentType) res.setHeader('content-type', contentType);
    res.end(text);
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  api.baseUrl = `http://${address}:${port}`;
  return {
    url: api.baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { parseRequestBody, serializeResponse } from './body.js';
import type { MockApi } from './types.js';

/**
 * msw handlers answering every request to the mock's `baseUrl` origin, for a hook running in
 * the same process as the test. Unknown routes get the mock's loud 501.
 */
export function mockApiHandlers(api: MockApi): HttpHandler[] {
  const origin = new URL(api.baseUrl).origin;
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const response = api.handle({
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body: parseRequestBody(request.headers.get('content-type') ?? undefined, await request.text()),
      });
      const { text, contentType } = serializeResponse(response);
      return new HttpResponse(response.status === 204 || text === '' ? null : text, {
        status: response.status,
        headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(response.headers ?? {}) },
      });
    }),
  ];
}

/**
 * Starts msw with the mocks (requests to other origins pass through untouched). Call `close()`
 * when done. msw and nock must not run in the same test file (../shared/STACK.md).
 */
export function startMockApis(...apis: MockApi[]): SetupServer {
  const server = setupServer(...apis.flatMap(mockApiHandlers));
  server.listen({ onUnhandledRequest: 'bypass' });
  return server;
}

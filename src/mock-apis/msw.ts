/**
 * Serving mock APIs through msw, in the test's own process. msw is an optional peer: it is
 * imported here, lazily, the first time one of these functions runs (types only at the top).
 */
import type { HttpHandler } from 'msw';
import type { SetupServer } from 'msw/node';
import { UsageError } from '../core/errors.js';
import { parseRequestBody, serializeResponse } from './body.js';
import { importOptional } from '../core/optional.js';
import type { MockApi, MswServerLike } from './types.js';

export type { MswServerLike } from './types.js';

const FEATURE = 'mock APIs over msw';

type MswModules = [typeof import('msw'), typeof import('msw/node')];
let loaded: Promise<MswModules> | undefined;

/** msw and msw/node, imported once; a one-line UsageError when msw is not installed. */
export function loadMsw(load: () => Promise<MswModules> = () => Promise.all([import('msw'), import('msw/node')])): Promise<MswModules> {
  if (!loaded) {
    loaded = importOptional('msw', FEATURE, load);
    // A failed load is not cached: installing msw and retrying in the same process then works.
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}


/**
 * Whether some @mswjs/interceptors instance (another msw server, or nock, which is built on the
 * same interceptors) already patches `fetch` or `node:http` in this process. A second msw server
 * on top of it runs hooksim's handlers twice (GETs recorded twice, POSTs failing with "Body is
 * unusable") and breaks the first server's own handlers. The interceptors keep their running
 * instance under these global symbols.
 */
export function requestsAlreadyIntercepted(): boolean {
  const global = globalThis as Record<symbol, unknown>;
  return global[Symbol.for('fetch-interceptor')] !== undefined || global[Symbol.for('client-request-interceptor')] !== undefined;
}

/** What {@link attachMockApis} returns: `detach()` makes hooksim's handlers step aside. */
export interface MswAttachment {
  /** The handlers that were added with `server.use(...)`. */
  handlers: HttpHandler[];
  /** From now on the handlers answer nothing: requests go on to the server's other handlers. */
  detach(): void;
}

async function createHandlers(apis: readonly MockApi[], isActive: () => boolean): Promise<HttpHandler[]> {
  const [{ http, HttpResponse }] = await loadMsw();
  return apis.map((api) => {
    const origin = new URL(api.baseUrl).origin;
    return http.all(`${origin}/*`, async ({ request }) => {
      // Inactive: return nothing, so msw tries the server's next handler (or its unhandled policy).
      if (!isActive()) return undefined;
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
    });
  });
}

/**
 * msw handlers answering every request to each mock's `baseUrl` origin (unknown routes get the
 * mock's loud 501). Add them to the msw server your tests already run; this is the way to use
 * hooksim's mock APIs beside your own msw mocks.
 *
 * @example
 * const logto = createLogtoMockApi({ tenant: { roles: [{ name: 'member' }] } });
 * server.use(...(await mockApiHandlers(logto)));
 */
export function mockApiHandlers(...apis: MockApi[]): Promise<HttpHandler[]> {
  return createHandlers(apis, () => true);
}

/**
 * Adds the mocks' handlers to an msw server that is already listening (`server.use(...)`).
 * `detach()` turns them off again without touching the server's other handlers; the scenario
 * runner uses this when it is given your server.
 */
export async function attachMockApis(server: MswServerLike, ...apis: MockApi[]): Promise<MswAttachment> {
  let active = true;
  const handlers = await createHandlers(apis, () => active);
  // MswServerLike spells no msw types (see types.ts); these are msw's own handlers.
  server.use(...(handlers as never[]));
  return {
    handlers,
    detach: () => {
      active = false;
    },
  };
}

/**
 * Starts an msw server of hooksim's own with the mocks (requests to other origins pass through
 * untouched). Call `close()` when done. When msw or nock already intercepts requests in this
 * process, this refuses with a one-line UsageError: add the handlers to your server instead
 * ({@link mockApiHandlers}), since a second server would answer every request twice.
 */
export async function startMockApis(...apis: MockApi[]): Promise<SetupServer> {
  const [, { setupServer }] = await loadMsw();
  if (requestsAlreadyIntercepted()) throw new UsageError(ALREADY_INTERCEPTED);
  const server = setupServer(...(await createHandlers(apis, () => true)));
  server.listen({ onUnhandledRequest: 'bypass' });
  return server;
}

/** The one line for a second msw server; names both ways out. */
export const ALREADY_INTERCEPTED =
  'hooksim: an msw server (or nock) already intercepts requests in this process; add the mock APIs to it with server.use(...(await mockApiHandlers(api))), pass it as { msw: server } to describeScenarios/runScenarios, or use mockApi.serve: http';

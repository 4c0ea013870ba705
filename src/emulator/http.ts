/**
 * The emulator's HTTP layer: a small route table over `node:http`, with the guards every request
 * passes (Host header, JSON content type, the per-start token when there is one). `node:http`
 * rather than express: `npx hooksim serve` / `ui` then work in any project, express installed or
 * not, and a dozen JSON routes need no framework.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { isUsageError, UsageError } from '../core/errors.js';
import type { Emulator, TriggerInput } from './emulator.js';
import { parseState } from './state.js';

/** One request as routes see it. */
export interface RouteRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** The JSON body (undefined for GET). */
  body: unknown;
  raw: IncomingMessage;
  res: ServerResponse;
}

/** A route answers JSON (an object), or takes over the response itself (`undefined`: already answered). */
export interface Route {
  method: string;
  /** `/api/deliveries/:id` */
  pattern: string;
  handle(request: RouteRequest): Promise<unknown> | unknown;
}

/** An error that becomes a status and a `{ error }` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const BODY_LIMIT = 2 * 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new HttpError(413, `request bodies over ${BODY_LIMIT} bytes are refused`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(':')) params[want[i]!.slice(1)] = decodeURIComponent(got[i]!);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** Same length and same bytes, in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How requests are guarded. */
export interface Guard {
  /** The per-start token the dashboard's URL carries; every `/api/` call must present it (header or `?token=`). */
  token?: string;
}

/**
 * Host names a local server answers to. Any other Host is a DNS-rebinding page (evil.test
 * resolving to 127.0.0.1) and is refused.
 */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

/** Why a request is refused, or undefined when it may pass. */
export function refusal(req: IncomingMessage, url: URL, port: number, guard: Guard): HttpError | undefined {
  if (!hostAllowed(req.headers.host, port)) return new HttpError(403, `refused: Host "${req.headers.host ?? ''}" is not this local server (DNS rebinding guard)`);
  if (!url.pathname.startsWith('/api/')) return undefined;
  if (guard.token !== undefined) {
    const given = String(req.headers['x-hooksim-token'] ?? url.searchParams.get('token') ?? '');
    if (!sameSecret(given, guard.token)) return new HttpError(401, 'refused: missing or wrong token (open the URL hooksim printed, with its ?token=)');
  }
  // A cross-site form or fetch can send text/plain without asking; application/json needs a CORS
  // preflight this server never grants.
  if (req.method !== 'GET' && req.method !== 'HEAD' && !/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
    return new HttpError(415, 'refused: send the body as application/json');
  }
  return undefined;
}

/** A started HTTP server. */
export interface StartedServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves routes (and `fallback` for everything else, e.g. the page) on 127.0.0.1. Route errors:
 * UsageError → 400 with its message; HttpError → its status; anything else → 500, one line.
 */
export async function startServer(routes: readonly Route[], options: { port?: number; host?: string; guard?: Guard; fallback?: (req: IncomingMessage, res: ServerResponse, url: URL) => void }): Promise<StartedServer> {
  let port = 0;
  const guard = options.guard ?? {};
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const refused = refusal(req, url, port, guard);
      if (refused) throw refused;
      const method = req.method ?? 'GET';
      for (const route of routes) {
        if (route.method !== method) continue;
        const params = match(route.pattern, url.pathname);
        if (!params) continue;
        const body = method === 'GET' ? undefined : await readJson(req);
        const answer = await route.handle({ method, path: url.pathname, query: url.searchParams, params, body, raw: req, res });
        if (answer !== undefined) sendJson(res, 200, answer);
        return;
      }
      if (options.fallback && !url.pathname.startsWith('/api/')) return options.fallback(req, res, url);
      throw new HttpError(404, `no route ${method} ${url.pathname}`);
    })().catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      if (isUsageError(error)) return sendJson(res, 400, { error: error.message.replace(/^hooksim: /, '') });
      sendJson(res, 500, { error: `unexpected error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${options.port} is in use: pick another with --port, or 0 for any`) : error));
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringList = (value: unknown, name: string): string[] | undefined => {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  if (isObject(value)) return Object.entries(value).map(([path, item]) => `${path}=${typeof item === 'string' ? item : JSON.stringify(item)}`);
  throw new UsageError(`${name} must be a list of "path=value" lines or an object of path: value`);
};

/** The body of a trigger request, checked. `set` may be lines or an object of path → value. */
export function triggerInputOf(body: unknown, requireTarget = true): TriggerInput {
  if (!isObject(body)) throw new UsageError('expected a JSON object { provider, event, target, variant?, set?, seed?, user? }');
  const text = (key: string, required: boolean): string | undefined => {
    const value = body[key];
    if (value === undefined || value === '') {
      if (required) throw new UsageError(`missing "${key}"`);
      return undefined;
    }
    if (typeof value !== 'string') throw new UsageError(`"${key}" must be a string`);
    return value;
  };
  const seed = body.seed;
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0)) throw new UsageError('"seed" must be a whole number >= 0');
  return {
    provider: text('provider', true)!,
    event: text('event', true)!,
    target: text('target', requireTarget) ?? '',
    ...(text('variant', false) ? { variant: text('variant', false) } : {}),
    ...(body.set !== undefined ? { set: stringList(body.set, 'set') } : {}),
    ...(seed !== undefined ? { seed: seed as number } : {}),
    ...(text('user', false) ? { user: text('user', false) } : {}),
  };
}

/** The control API `hooksim trigger` and scripts use; the dashboard adds its own routes to these. */
export function controlRoutes(emulator: Emulator): Route[] {
  const withCalls = (id: number) => {
    const entry = emulator.deliveries.get(id);
    if (!entry) throw new HttpError(404, `no delivery #${id}`);
    return { ...entry, apiCalls: emulator.callsOf(id) };
  };
  return [
    { method: 'GET', pattern: '/api/health', handle: () => ({ ok: true, mockApis: emulator.urls }) },
    { method: 'POST', pattern: '/api/trigger', handle: async ({ body }) => withCalls((await emulator.trigger(triggerInputOf(body), 'trigger')).id) },
    { method: 'GET', pattern: '/api/deliveries', handle: () => ({ deliveries: emulator.deliveries.list().map((entry) => ({ ...entry, apiCalls: emulator.callsOf(entry.id) })) }) },
    { method: 'GET', pattern: '/api/deliveries/:id', handle: ({ params }) => withCalls(Number(params.id)) },
    { method: 'GET', pattern: '/api/state', handle: () => emulator.publicSnapshot() },
    {
      method: 'PUT',
      pattern: '/api/state',
      handle: ({ body }) => {
        emulator.load(parseState(body, 'state'));
        return emulator.publicSnapshot();
      },
    },
  ];
}

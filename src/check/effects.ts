import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { getPath, type JsonObject } from '../core/json.js';
import type { Target } from '../transports/target.js';
import type { CheckContext, EffectPhase, EffectSpec, Effects } from './types.js';

/** An effect's verdict and the request it made (if any), for the report. */
export interface EffectOutcome {
  ok: boolean;
  message: string;
  request?: string;
}

const METHOD_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE)\s+(\S+)$/;

const effectSpecSchema = z
  .object({
    request: z.string().regex(METHOD_LINE, 'expected "METHOD /path", e.g. "GET /users/${data.id}"'),
    expect: z.object({ status: z.number().int().min(100).max(599).optional(), body: z.unknown().optional() }).strict().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const effectsFileSchema = z.record(z.string(), effectSpecSchema);

/**
 * Parses an effects file (YAML or JSON: data only, nothing is evaluated; `${…}` are
 * placeholders filled from the payload, not code).
 */
export async function parseEffectsFile(text: string, file: string): Promise<Record<string, EffectSpec>> {
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = effectsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data as Record<string, EffectSpec>;
}

/**
 * Fills `${path}` placeholders from the payload. `encode` URL-encodes each value (for the
 * request line). A path the payload lacks is an error naming it.
 */
export function template(text: string, payload: JsonObject, encode = false): string {
  return text.replace(/\$\{([^}]+)\}/g, (_, path: string) => {
    const value = getPath(payload, path.trim());
    if (value === undefined || value === null || typeof value === 'object') {
      throw new Error(`the payload has no value at ${path.trim()} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
    }
    return encode ? encodeURIComponent(String(value)) : String(value);
  });
}

function templateDeep(value: unknown, payload: JsonObject): unknown {
  if (typeof value === 'string') return template(value, payload);
  if (Array.isArray(value)) return value.map((item) => templateDeep(item, payload));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, templateDeep(item, payload)]));
  return value;
}

/** True when `actual` contains `expected` (objects: every expected key, recursively; arrays and scalars: equal). */
export function contains(actual: unknown, expected: unknown): boolean {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => contains((actual as Record<string, unknown>)[key], value));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** Sends effect requests to the app behind the target: its URL's origin, or the in-process app served on a loopback port. */
export interface EffectClient {
  fetch(method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** The client for a target, or undefined when effects cannot reach it (a bare Transport). */
export function effectClient(target: Target): EffectClient | undefined {
  if (typeof target === 'string' || target instanceof URL || (typeof target === 'object' && 'url' in target)) {
    const base = new URL(typeof target === 'object' && 'url' in target ? target.url : target);
    return {
      async fetch(method, path, headers) {
        const response = await fetch(new URL(path, base), { method, headers });
        return { status: response.status, body: await response.text() };
      },
      close: async () => undefined,
    };
  }
  if (typeof target === 'object' && 'fetch' in target && typeof target.fetch === 'function') {
    const handler = target.fetch;
    return {
      async fetch(method, path, headers) {
        const response = await handler(new Request(new URL(path, 'http://hooksim.localhost'), { method, headers }));
        return { status: response.status, body: await response.text() };
      },
      close: async () => undefined,
    };
  }
  const handler = typeof target === 'function' ? target : typeof target === 'object' && 'app' in target ? target.app : undefined;
  if (!handler) return undefined;
  // The app answers effect requests over a loopback socket, served only while the check runs.
  let server: Promise<Server> | undefined;
  const serve = () =>
    (server ??= new Promise<Server>((resolve, reject) => {
      const created = createServer(handler);
      created.once('error', reject);
      created.listen(0, '127.0.0.1', () => resolve(created));
    }));
  return {
    async fetch(method, path, headers) {
      const running = await serve();
      const { port } = running.address() as AddressInfo;
      const response = await fetch(new URL(path, `http://127.0.0.1:${port}`), { method, headers });
      return { status: response.status, body: await response.text() };
    },
    async close() {
      if (!server) return;
      const running = await server;
      await new Promise<void>((resolve) => running.close(() => resolve()));
      running.closeAllConnections();
    },
  };
}

async function runSpec(spec: EffectSpec, payload: JsonObject, client: EffectClient | undefined): Promise<EffectOutcome> {
  let method: string;
  let path: string;
  let headers: Record<string, string>;
  let expectedBody: unknown;
  try {
    const [, verb, raw] = METHOD_LINE.exec(spec.request.trim()) ?? [];
    method = verb!;
    path = template(raw!, payload, true);
    headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name, template(value, payload)]));
    expectedBody = spec.expect?.body === undefined ? undefined : templateDeep(spec.expect.body, payload);
  } catch (error) {
    return { ok: false, message: `effect ${spec.request}: ${(error as Error).message}` };
  }
  const line = `${method} ${path}`;
  if (!client) return { ok: false, message: `effect ${line}: this target has no address to send it to (use a URL, an app or a fetch handler)`, request: line };
  let reply: { status: number; body: string };
  try {
    reply = await client.fetch(method, path, headers);
  } catch (error) {
    return { ok: false, message: `effect ${line}: ${(error as Error).message}`, request: line };
  }
  const status = spec.expect?.status ?? 200;
  if (reply.status !== status) return { ok: false, message: `effect ${line}: expected status ${status}, got ${reply.status}`, request: line };
  if (expectedBody !== undefined) {
    let body: unknown;
    try {
      body = JSON.parse(reply.body);
    } catch {
      return { ok: false, message: `effect ${line}: expected a JSON body containing ${JSON.stringify(expectedBody)}, got ${JSON.stringify(reply.body.slice(0, 80))}`, request: line };
    }
    if (!contains(body, expectedBody)) {
      return { ok: false, message: `effect ${line}: expected the body to contain ${JSON.stringify(expectedBody)}, got ${JSON.stringify(body).slice(0, 200)}`, request: line };
    }
  }
  return { ok: true, message: `effect ${line}: ${reply.status}${expectedBody !== undefined ? ', body as expected' : ''}`, request: line };
}

/** Runs the effect declared for `event`, or undefined when there is none. */
export async function runEffect(context: CheckContext, event: string, payload: JsonObject, phase: EffectPhase): Promise<EffectOutcome | undefined> {
  const effect = context.effects[event];
  if (effect === undefined) return undefined;
  if (typeof effect !== 'function') return runSpec(effect, payload, context.effectClient());
  try {
    const verdict = await effect(payload, { event, phase });
    if (verdict === false) return { ok: false, message: `effect callback for ${event} (${phase}) returned false` };
    if (typeof verdict === 'string') return { ok: false, message: `effect callback for ${event} (${phase}): ${verdict}` };
    return { ok: true, message: `effect callback for ${event} (${phase}) passed` };
  } catch (error) {
    return { ok: false, message: `effect callback for ${event} (${phase}) threw: ${(error as Error).message}` };
  }
}

/** Effect names that are not events of the provider: a typo would silently check nothing. */
export function unknownEffectEvents(effects: Effects, events: readonly string[]): string[] {
  return Object.keys(effects).filter((name) => !events.includes(name));
}

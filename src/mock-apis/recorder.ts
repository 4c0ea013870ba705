import { isDeepStrictEqual } from 'node:util';
import { matchPattern } from './router.js';
import type { ApiRequest, ApiResponse, RecordedCall } from './types.js';

/** Which calls to look for: method, a path pattern (`/api/users/:id/roles`), a body subset. */
export interface CallMatcher {
  method?: string;
  path?: string;
  /** Every key given must be present with an equal value (deeply; lists must contain the given items). */
  body?: unknown;
}

function subset(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((item) => actual.some((candidate) => subset(candidate, item)));
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => subset((actual as Record<string, unknown>)[key], value));
  }
  return isDeepStrictEqual(actual, expected);
}

/** True when a call matches. */
export function callMatches(call: RecordedCall, matcher: CallMatcher): boolean {
  if (matcher.method && call.method !== matcher.method.toUpperCase()) return false;
  if (matcher.path && !matchPattern(matcher.path, call.path)) return false;
  if (matcher.body !== undefined && !subset(call.body, matcher.body)) return false;
  return true;
}

/** `POST /api/users/x/roles -> 201`, for failure messages. */
export function describeCall(call: RecordedCall): string {
  return `${call.method} ${call.path} -> ${call.status}${call.body === undefined ? '' : ` ${JSON.stringify(call.body)}`}`;
}

/**
 * Every call a hook made, in order. Waiting is event-driven: `waitFor` resolves the moment a
 * matching call is recorded, or when the bounded wait ends.
 */
export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  private readonly listeners = new Set<() => void>();

  record(call: Omit<RecordedCall, 'index'>): RecordedCall {
    const recorded = { ...call, index: this.calls.length };
    this.calls.push(recorded);
    for (const listener of [...this.listeners]) listener();
    return recorded;
  }

  /** Calls matching `matcher`, from call index `since` on. */
  find(matcher: CallMatcher, since = 0): RecordedCall[] {
    return this.calls.slice(since).filter((call) => callMatches(call, matcher));
  }

  /**
   * Waits until at least `count` calls match (from index `since`), for at most `timeoutMs`.
   * Resolves with the matching calls either way; the caller judges the count.
   */
  waitFor(matcher: CallMatcher, options: { count?: number; timeoutMs: number; since?: number }): Promise<RecordedCall[]> {
    const want = options.count ?? 1;
    const since = options.since ?? 0;
    const found = () => this.find(matcher, since);
    if (found().length >= want) return Promise.resolve(found());
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(found());
      };
      const check = () => {
        if (found().length >= want) done();
      };
      const timer = setTimeout(done, options.timeoutMs);
      this.listeners.add(check);
    });
  }

  clear(): void {
    this.calls.length = 0;
  }
}

/** Body keys that carry client secrets (OIDC and Dexie token requests). */
const SECRET_BODY_KEYS = ['client_secret'];

/**
 * Records a call with its credentials redacted: the `authorization` header keeps only its scheme,
 * and client secrets in a token request body are masked.
 */
export function recordCall(recorder: CallRecorder, request: ApiRequest, response: ApiResponse, route: string | undefined, at: number): RecordedCall {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, name === 'authorization' ? value.replace(/^(\w+) .*/, '$1 [redacted]') : value]),
  );
  const body =
    request.body && typeof request.body === 'object' && !Array.isArray(request.body) && SECRET_BODY_KEYS.some((key) => key in (request.body as object))
      ? Object.fromEntries(Object.entries(request.body as object).map(([key, value]) => [key, SECRET_BODY_KEYS.includes(key) ? '[redacted]' : value]))
      : request.body;
  return recorder.record({ method: request.method.toUpperCase(), path: request.path, query: request.query, headers, body, status: response.status, route, at });
}

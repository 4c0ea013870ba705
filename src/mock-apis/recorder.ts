import { isDeepStrictEqual } from 'node:util';
import { matchPattern } from './router.js';
import type { ApiRequest, ApiResponse, RecordedCall } from './types.js';

/** Which calls to look for: method, a path pattern (`/api/users/:id/roles`), a body subset, a status. */
export interface CallMatcher {
  method?: string;
  path?: string;
  /** Every key given must be present with an equal value (deeply; lists must contain the given items). */
  body?: unknown;
  /** Query parameters that must be present with these values. */
  query?: Record<string, string>;
  /** The status the mock answered. */
  status?: number;
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
  if (matcher.query && !Object.entries(matcher.query).every(([key, value]) => call.query[key] === value)) return false;
  if (matcher.status !== undefined && call.status !== matcher.status) return false;
  return true;
}

/** `POST /api/users/x/roles -> 201 {"roleIds":[...]}`, for failure messages. */
export function describeCall(call: RecordedCall): string {
  return `${call.method} ${call.path} -> ${call.status}${call.route === undefined ? ' (not emulated)' : ''}${call.body === undefined ? '' : ` ${JSON.stringify(call.body)}`}`;
}

/** `POST /api/users/:id/roles with a body containing {...}`, for failure messages. */
export function describeMatcher(matcher: CallMatcher): string {
  const parts = [`${matcher.method?.toUpperCase() ?? 'any method'} ${matcher.path ?? 'any path'}`];
  if (matcher.body !== undefined) parts.push(`with a body containing ${JSON.stringify(matcher.body)}`);
  if (matcher.query) parts.push(`with query ${JSON.stringify(matcher.query)}`);
  if (matcher.status !== undefined) parts.push(`answered ${matcher.status}`);
  return parts.join(' ');
}

/** A call assertion that failed; the message lists every call that was made. */
export class CallAssertionError extends Error {
  constructor(
    message: string,
    readonly calls: readonly RecordedCall[],
  ) {
    super(`${message}\n${listCalls(calls)}`);
    this.name = 'CallAssertionError';
  }
}

function listCalls(calls: readonly RecordedCall[]): string {
  return calls.length === 0 ? 'No calls were made to the mock API.' : `Calls made:\n${calls.map((call) => `  #${call.index} ${describeCall(call)}`).join('\n')}`;
}

/** How many calls an assertion wants: exactly `times`, or at least `atLeast` (default: at least one). */
export interface CountOptions {
  times?: number;
  atLeast?: number;
  /** Only calls from this index on (e.g. `recorder.mark()` taken before a step). */
  since?: number;
}

function countOk(found: number, options: CountOptions): boolean {
  return options.times !== undefined ? found === options.times : found >= (options.atLeast ?? 1);
}

function countText(options: CountOptions): string {
  if (options.times === 0) return 'no call';
  return options.times !== undefined ? `exactly ${options.times} call(s)` : `at least ${options.atLeast ?? 1} call(s)`;
}

/**
 * Every call a hook made, in order, with assertions over them. Waiting is event-driven: it ends
 * the moment the recorder sees the awaited call, or when the bounded wait runs out.
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

  /** The index the next call will get: pass it as `since` to look only at later calls. */
  mark(): number {
    return this.calls.length;
  }

  /** Calls matching `matcher`, from call index `since` on. */
  find(matcher: CallMatcher, since = 0): RecordedCall[] {
    return this.calls.slice(since).filter((call) => callMatches(call, matcher));
  }

  /** How many calls match. */
  count(matcher: CallMatcher, since = 0): number {
    return this.find(matcher, since).length;
  }

  /** Calls to routes the mock does not emulate (answered 501). */
  unmatched(since = 0): RecordedCall[] {
    return this.calls.slice(since).filter((call) => call.route === undefined);
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

  /**
   * Waits for calls a hook makes after it replied: resolves with the matching calls as soon as
   * `count` (default 1) have arrived; rejects with a {@link CallAssertionError} listing the calls
   * made if they have not within `timeoutMs`.
   */
  async waitForCalls(matcher: CallMatcher, options: { timeoutMs: number; count?: number; since?: number }): Promise<RecordedCall[]> {
    const want = options.count ?? 1;
    const found = await this.waitFor(matcher, options);
    if (found.length >= want) return found;
    throw new CallAssertionError(
      `Expected at least ${want} call(s) ${describeMatcher(matcher)} within ${options.timeoutMs} ms, got ${found.length}.`,
      this.calls.slice(options.since ?? 0),
    );
  }

  /** Asserts how many calls match (now, without waiting); returns them. */
  assertCalled(matcher: CallMatcher, options: CountOptions = {}): RecordedCall[] {
    const found = this.find(matcher, options.since);
    if (!countOk(found.length, options)) {
      throw new CallAssertionError(`Expected ${countText(options)} ${describeMatcher(matcher)}, got ${found.length}.`, this.calls.slice(options.since ?? 0));
    }
    return found;
  }

  /** Asserts no call matches. */
  assertNotCalled(matcher: CallMatcher, options: { since?: number } = {}): void {
    this.assertCalled(matcher, { times: 0, since: options.since });
  }

  /**
   * Asserts calls matching each matcher were made in this order: each one after the one matched
   * for the previous matcher (other calls may come between). Returns the calls matched.
   */
  assertOrder(matchers: readonly CallMatcher[], options: { since?: number } = {}): RecordedCall[] {
    const since = options.since ?? 0;
    const matched: RecordedCall[] = [];
    let from = since;
    for (const [position, matcher] of matchers.entries()) {
      const next = this.calls.slice(from).find((call) => callMatches(call, matcher));
      if (!next) {
        const anywhere = this.find(matcher, since).length > 0;
        const why = anywhere ? 'it was made, but not after the previous one' : 'no such call was made';
        throw new CallAssertionError(
          `Expected calls in order: ${matchers.map(describeMatcher).join(' -> ')}; step ${position + 1} (${describeMatcher(matcher)}) failed: ${why}.`,
          this.calls.slice(since),
        );
      }
      matched.push(next);
      from = next.index + 1;
    }
    return matched;
  }

  /** Asserts every call reached an emulated route (a hook calling a wrong route fails here). */
  assertAllMatched(options: { since?: number } = {}): void {
    const unmatched = this.unmatched(options.since);
    if (unmatched.length) {
      throw new CallAssertionError(`Expected every call to reach an emulated route; ${unmatched.map((call) => `${call.method} ${call.path}`).join(', ')} did not.`, this.calls.slice(options.since ?? 0));
    }
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
    Object.entries(request.headers).map(([name, value]) => [name, name.toLowerCase() === 'authorization' ? value.replace(/^(\S+)(\s.*)?$/s, '$1 [redacted]') : value]),
  );
  const body =
    request.body && typeof request.body === 'object' && !Array.isArray(request.body) && SECRET_BODY_KEYS.some((key) => key in (request.body as object))
      ? Object.fromEntries(Object.entries(request.body as object).map(([key, value]) => [key, SECRET_BODY_KEYS.includes(key) ? '[redacted]' : value]))
      : request.body;
  return recorder.record({ method: request.method.toUpperCase(), path: request.path, query: request.query, headers, body, status: response.status, route, at });
}

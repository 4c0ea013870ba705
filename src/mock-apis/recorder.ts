import { isDeepStrictEqual } from 'node:util';
import { matchPattern } from './router.js';
import type { ApiRequest, ApiResponse, RecordedCall } from './types.js';

/**
 * An asymmetric matcher such as vitest's `expect.any(String)` or `expect.objectContaining({...})`
 * (anything with an `asymmetricMatch` method). Recognised by shape, so hooksim needs no vitest
 * at run time and jest's matchers work the same.
 */
export interface AsymmetricMatcherLike {
  asymmetricMatch(actual: unknown): boolean;
}

/** True for an asymmetric matcher (see {@link AsymmetricMatcherLike}). */
export function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcherLike {
  return typeof value === 'object' && value !== null && typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function';
}

/** Which calls to look for: method, a path pattern (`/api/users/:id/roles`), a body subset, a status. */
export interface CallMatcher {
  /** Case-insensitive. */
  method?: string;
  /** A path pattern: `:name` segments match any one segment. */
  path?: string;
  /**
   * Every key given must be present with an equal value (deeply; lists must contain the given
   * items). Any value may be an asymmetric matcher: `{ roleIds: expect.any(Array) }`.
   */
  body?: unknown;
  /** Query parameters that must be present with these values (or matching these matchers). */
  query?: Record<string, string | AsymmetricMatcherLike>;
  /** The status the mock answered. */
  status?: number;
}

function subset(actual: unknown, expected: unknown): boolean {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual);
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((item) => actual.some((candidate) => subset(candidate, item)));
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => subset((actual as Record<string, unknown>)[key], value));
  }
  return isDeepStrictEqual(actual, expected);
}

/** An asymmetric matcher as vitest prints it (`Any<String>`), else its name and sample. */
function showAsymmetric(matcher: AsymmetricMatcherLike): string {
  const named = matcher as { toAsymmetricMatcher?: () => string; sample?: unknown };
  if (typeof named.toAsymmetricMatcher === 'function') return named.toAsymmetricMatcher();
  const name = String(matcher);
  return named.sample === undefined ? name : `${name} ${showExpected(named.sample)}`;
}

/** JSON text of an expected value, with asymmetric matchers shown by name, for failure messages. */
export function showExpected(value: unknown): string {
  if (isAsymmetricMatcher(value)) return showAsymmetric(value);
  if (Array.isArray(value)) return `[${value.map(showExpected).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${showExpected(item)}`).join(',')}}`;
  return JSON.stringify(value) ?? String(value);
}

/** True when a call matches. */
export function callMatches(call: RecordedCall, matcher: CallMatcher): boolean {
  if (matcher.method && call.method !== matcher.method.toUpperCase()) return false;
  if (matcher.path && !matchPattern(matcher.path, call.path)) return false;
  if (matcher.body !== undefined && !subset(call.body, matcher.body)) return false;
  if (matcher.query && !Object.entries(matcher.query).every(([key, value]) => (isAsymmetricMatcher(value) ? value.asymmetricMatch(call.query[key]) : call.query[key] === value))) return false;
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
  if (matcher.body !== undefined) parts.push(`with a body containing ${showExpected(matcher.body)}`);
  if (matcher.query) parts.push(`with query ${showExpected(matcher.query)}`);
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

/** Every call made, one per line (`  #0 POST /oidc/token -> 200 {...}`), or a line saying there was none. */
export function listCalls(calls: readonly RecordedCall[]): string {
  return calls.length === 0 ? 'No calls were made to the mock API.' : `Calls made:\n${calls.map((call) => `  #${call.index} ${describeCall(call)}`).join('\n')}`;
}

/** How many calls an assertion wants: exactly `times`, or at least `atLeast` (default: at least one). */
export interface CountOptions {
  times?: number;
  atLeast?: number;
  /** Only calls from this index on (e.g. `recorder.mark()` taken before a step). */
  since?: number;
}

/** True when `found` calls satisfy the count asked for. */
export function countOk(found: number, options: CountOptions): boolean {
  return options.times !== undefined ? found === options.times : found >= (options.atLeast ?? 1);
}

/** `at least 1 call(s)`, `exactly 2 call(s)`, `no call`: the count asked for, in words. */
export function countText(options: CountOptions): string {
  if (options.times === 0) return 'no call';
  return options.times !== undefined ? `exactly ${options.times} call(s)` : `at least ${options.atLeast ?? 1} call(s)`;
}

/** How to wait for calls: how many (default 1), for how long, from which call index on. */
export interface WaitOptions {
  /** The longest wait, in ms. Waiting ends earlier, the moment enough calls have arrived. */
  timeoutMs: number;
  /** How many matching calls to wait for. Default 1. */
  count?: number;
  /** Only calls from this index on (`recorder.mark()` taken before the step). */
  since?: number;
}

/**
 * Every call a hook made to a mock API, in arrival order, with assertions over them. The
 * `assert*` methods and `waitFor` throw a {@link CallAssertionError} whose message lists every
 * call that was made, so a failing test shows what the hook did instead.
 *
 * Waiting is event-driven: it ends the moment the recorder sees the awaited call, or when the
 * bounded wait runs out; nothing polls or sleeps.
 *
 * @example
 * const mark = logto.calls.mark();
 * await send({ provider: 'logto', event: 'PostRegister', target: app, signingKey, actor });
 * await logto.calls.waitFor({ method: 'PATCH', path: '/api/users/:userId/custom-data' }, { timeoutMs: 2000, since: mark });
 * logto.calls.assertCalled({ method: 'POST', path: '/api/users/:userId/roles', body: { roleIds: expect.any(Array) } }, { times: 1 });
 */
export class CallRecorder {
  /** The calls so far, oldest first; `index` is the position here. */
  readonly calls: RecordedCall[] = [];
  private readonly listeners = new Set<() => void>();

  /** Adds a call (the mock does this for every request it answers) and wakes the waiters. */
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

  /** Calls matching `matcher`, from call index `since` on. Never throws. */
  find(matcher: CallMatcher, since = 0): RecordedCall[] {
    return this.calls.slice(since).filter((call) => callMatches(call, matcher));
  }

  /** How many calls match, from call index `since` on. Never throws. */
  count(matcher: CallMatcher, since = 0): number {
    return this.find(matcher, since).length;
  }

  /** Calls to routes the mock does not emulate (answered 501). */
  unmatched(since = 0): RecordedCall[] {
    return this.calls.slice(since).filter((call) => call.route === undefined);
  }

  /**
   * Waits at most `timeoutMs` for `count` (default 1) matching calls and resolves with the
   * matching calls that arrived, however many: it never throws. For "exactly n" or "none within"
   * checks, where running out the clock is the expected ending. To require the calls, use
   * {@link CallRecorder.waitFor}.
   */
  waitAtMost(matcher: CallMatcher, options: WaitOptions): Promise<RecordedCall[]> {
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
   * `count` (default 1) have arrived.
   *
   * @throws {CallAssertionError} when they have not arrived within `timeoutMs`; the message
   *   lists the calls that were made (from `since`), e.g.
   *   `Expected at least 1 call(s) POST /api/users/:id/roles within 2000 ms, got 0.`
   */
  async waitFor(matcher: CallMatcher, options: WaitOptions): Promise<RecordedCall[]> {
    const want = options.count ?? 1;
    const found = await this.waitAtMost(matcher, options);
    if (found.length >= want) return found;
    throw new CallAssertionError(
      `Expected at least ${want} call(s) ${describeMatcher(matcher)} within ${options.timeoutMs} ms, got ${found.length}.`,
      this.calls.slice(options.since ?? 0),
    );
  }

  /** The same as {@link CallRecorder.waitFor} (its earlier name). */
  waitForCalls(matcher: CallMatcher, options: WaitOptions): Promise<RecordedCall[]> {
    return this.waitFor(matcher, options);
  }

  /**
   * Asserts how many calls match, now, without waiting: at least one by default, exactly
   * `times`, or at least `atLeast`. Returns the matching calls.
   *
   * @throws {CallAssertionError} naming the matcher, the count found and every call made.
   */
  assertCalled(matcher: CallMatcher, options: CountOptions = {}): RecordedCall[] {
    const found = this.find(matcher, options.since);
    if (!countOk(found.length, options)) {
      throw new CallAssertionError(`Expected ${countText(options)} ${describeMatcher(matcher)}, got ${found.length}.`, this.calls.slice(options.since ?? 0));
    }
    return found;
  }

  /**
   * Asserts no call matches (now). To be sure a late call is caught too, wait first:
   * `await calls.waitAtMost(matcher, { timeoutMs })`, then assert.
   *
   * @throws {CallAssertionError} listing the calls made when one matches.
   */
  assertNotCalled(matcher: CallMatcher, options: { since?: number } = {}): void {
    this.assertCalled(matcher, { times: 0, since: options.since });
  }

  /**
   * Asserts calls matching each matcher were made in this order: each one after the one matched
   * for the previous matcher (other calls may come between). Returns the calls matched.
   *
   * @throws {CallAssertionError} naming the step that failed and whether its call was missing or
   *   came too early, with every call made.
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

  /**
   * Asserts every call reached an emulated route (a hook calling a wrong route fails here).
   *
   * @throws {CallAssertionError} naming the calls the mock answered 501.
   */
  assertAllMatched(options: { since?: number } = {}): void {
    const unmatched = this.unmatched(options.since);
    if (unmatched.length) {
      throw new CallAssertionError(`Expected every call to reach an emulated route; ${unmatched.map((call) => `${call.method} ${call.path}`).join(', ')} did not.`, this.calls.slice(options.since ?? 0));
    }
  }

  /** Forgets every call (indexes start again at 0). */
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

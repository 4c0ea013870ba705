/**
 * vitest matchers for the calls a hook made to hooksim's mock APIs:
 * `expect(logto).toHaveReceived('POST /api/users/:userId/roles', { body })` and
 * `expect(logto).toHaveReceivedInOrder([...])`. They read the mock's call recorder; the rules
 * are those of `calls.assertCalled` / `calls.assertOrder` (body = a subset, asymmetric matchers
 * allowed), and a failure lists every call the hook made.
 */
import { CallAssertionError, countOk, countText, describeMatcher, listCalls, type CallMatcher, type CallRecorder, type CountOptions } from '../mock-apis/recorder.js';

/** A call by method and path pattern (`'POST /api/users/:userId/roles'`), or by path alone (`'/oidc/token'`: any method). */
export type CallRoute = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'} /${string}` | `/${string}`;

/** What else a received call must have, and how many are wanted (default: at least one). */
export type ReceivedOptions = Omit<CallMatcher, 'method' | 'path'> & CountOptions;

interface MatcherContext {
  isNot: boolean;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The recorder of a mock API (`createLogtoMockApi()`'s result) or a recorder itself. */
function recorderOf(name: string, received: unknown): CallRecorder {
  // By shape, not instanceof: hooksim/vitest and hooksim/mock-apis may be loaded as separate copies.
  const isRecorder = (value: unknown): value is CallRecorder => typeof (value as CallRecorder | null)?.find === 'function' && Array.isArray((value as CallRecorder).calls);
  if (isRecorder(received)) return received;
  const calls = (received as { calls?: unknown } | null)?.calls;
  if (isRecorder(calls)) return calls;
  // Throwing (not pass: false) keeps `.not` from passing silently on the wrong object.
  throw new TypeError(`${name} expects a hooksim mock API (createLogtoMockApi(), createDexieMockApi()) or its .calls, got ${received === null ? 'null' : typeof received}`);
}

function parseRoute(name: string, route: CallRoute | CallMatcher): CallMatcher {
  if (typeof route !== 'string') return route;
  const match = /^(?:([A-Za-z]+)\s+)?(\/\S*)$/.exec(route.trim());
  if (!match) throw new TypeError(`${name}: expected "METHOD /path" or "/path", got ${JSON.stringify(route)}`);
  return { ...(match[1] ? { method: match[1].toUpperCase() } : {}), path: match[2]! };
}

/** The matchers, for `expect.extend` (importing `hooksim/vitest` does it). */
export const hooksimMockMatchers = {
  /**
   * The mock received calls matching the route (and `body`, `query`, `status`): at least one,
   * or exactly `times`, or at least `atLeast`, from call index `since`. Does not wait: after
   * `send()` resolves, a hook may still be calling; `await mock.calls.waitFor(...)` first.
   */
  toHaveReceived(this: MatcherContext, received: unknown, route: CallRoute | CallMatcher, options: ReceivedOptions = {}): MatcherResult {
    const recorder = recorderOf('toHaveReceived', received);
    const { times, atLeast, since, ...rest } = options;
    const matcher: CallMatcher = { ...parseRoute('toHaveReceived', route), ...rest };
    const count: CountOptions = { times, atLeast, since };
    const found = recorder.find(matcher, since ?? 0).length;
    const made = listCalls(recorder.calls.slice(since ?? 0));
    return {
      pass: countOk(found, count),
      message: () =>
        this.isNot
          ? `expected the mock not to have received ${countText(count)} ${describeMatcher(matcher)}, but it got ${found}.\n${made}`
          : `expected the mock to have received ${countText(count)} ${describeMatcher(matcher)}, got ${found}.\n${made}`,
    };
  },

  /**
   * The mock received calls matching each item in this order (each after the previous match;
   * other calls may come between).
   */
  toHaveReceivedInOrder(this: MatcherContext, received: unknown, routes: readonly (CallRoute | CallMatcher)[], options: { since?: number } = {}): MatcherResult {
    const recorder = recorderOf('toHaveReceivedInOrder', received);
    const matchers = routes.map((route) => parseRoute('toHaveReceivedInOrder', route));
    let failure: string | undefined;
    try {
      recorder.assertOrder(matchers, options);
    } catch (error) {
      // By name, not instanceof: the recorder may come from another copy of hooksim (src and dist, two installs).
      if (!(error instanceof Error && error.name === CallAssertionError.name)) throw error;
      failure = error.message;
    }
    return {
      pass: failure === undefined,
      message: () =>
        failure ?? `expected the mock not to have received in order: ${matchers.map(describeMatcher).join(' -> ')}, but it did.\n${listCalls(recorder.calls.slice(options.since ?? 0))}`,
    };
  },
};

/** Types of the mock matchers, for `declare module 'vitest'`. */
export interface HooksimMockMatchers<R = unknown> {
  /** See {@link hooksimMockMatchers}.toHaveReceived. */
  toHaveReceived(route: CallRoute | CallMatcher, options?: ReceivedOptions): R;
  /** See {@link hooksimMockMatchers}.toHaveReceivedInOrder. */
  toHaveReceivedInOrder(routes: readonly (CallRoute | CallMatcher)[], options?: { since?: number }): R;
}

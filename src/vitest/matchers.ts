import type { SendResult } from '../send.js';

/** The part of a send result the matchers read (a scenario delivery has the same fields). */
export interface JudgedDelivery {
  response?: { status: number };
  error?: { kind: string; message: string };
  verdict: { pass: boolean; violations: { path: string; message: string }[] };
  outcome: unknown;
}

interface MatcherContext {
  isNot: boolean;
  equals(a: unknown, b: unknown): boolean;
  utils: {
    printReceived(value: unknown): string;
    printExpected(value: unknown): string;
    diff(expected: unknown, received: unknown): string | null | undefined;
  };
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

function isDelivery(value: unknown): value is JudgedDelivery {
  return typeof value === 'object' && value !== null && 'verdict' in value && 'outcome' in value;
}

/**
 * A matcher given something else is misused: an error, never a verdict (a `pass: false` would
 * make `expect(x).not.toKeepContract()` pass silently).
 */
function notADelivery(name: string, received: unknown): never {
  throw new TypeError(`${name} expects the result of send() or a scenario delivery, got ${received === null ? 'null' : typeof received}`);
}

function replyOf(result: JudgedDelivery): string {
  if (result.response) return `status ${result.response.status}`;
  return result.error ? `no reply (${result.error.kind}: ${result.error.message})` : 'no reply';
}

/**
 * Matchers for vitest's `expect`: `expect(result).toKeepContract()`,
 * `.toHaveStatus(200 | '2xx' | [200, 204])`, `.toHaveOutcome({ login: 'accepted' })`.
 */
export const hooksimMatchers = {
  /** The hook kept the provider's contract; on failure, lists every violation with its path. */
  toKeepContract(this: MatcherContext, received: unknown): MatcherResult {
    if (!isDelivery(received)) return notADelivery('toKeepContract', received);
    const { violations } = received.verdict;
    return {
      pass: received.verdict.pass,
      message: () =>
        this.isNot
          ? `expected the hook to break the contract, but it kept it (${replyOf(received)})`
          : `expected the hook to keep the contract, but it broke it:\n${violations.map((v) => `  - ${v.path}: ${v.message}`).join('\n')}`,
    };
  },

  /** The reply status: exact, a class such as `'2xx'`, or one of a list. */
  toHaveStatus(this: MatcherContext, received: unknown, expected: number | string | number[]): MatcherResult {
    if (!isDelivery(received)) return notADelivery('toHaveStatus', received);
    const status = received.response?.status;
    const pass =
      status !== undefined &&
      (Array.isArray(expected)
        ? expected.includes(status)
        : typeof expected === 'number'
          ? status === expected
          : /^[1-5]xx$/.test(expected) && Math.floor(status / 100) === Number(expected[0]));
    return {
      pass,
      actual: status,
      expected,
      // JSON, as scenario reports write it: `[200,204]`, not a multi-line `Array [...]`.
      message: () => `expected ${this.isNot ? 'not ' : ''}status ${JSON.stringify(expected)}, got ${replyOf(received)}`,
    };
  },

  /**
   * What the provider would do, compared as a subset: every key given must be equal (use
   * `expect.objectContaining` inside for nested subsets).
   */
  toHaveOutcome(this: MatcherContext, received: unknown, expected: Record<string, unknown>): MatcherResult {
    if (!isDelivery(received)) return notADelivery('toHaveOutcome', received);
    const outcome = (received.outcome ?? {}) as Record<string, unknown>;
    const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, outcome[key]]));
    const pass = this.equals(picked, expected);
    return {
      pass,
      actual: picked,
      expected,
      message: () =>
        `expected the outcome ${this.isNot ? 'not ' : ''}to match:\n${this.utils.diff(expected, picked) ?? this.utils.printReceived(outcome)}`,
    };
  },
};

/** Types of the matchers, for `declare module 'vitest'`. */
export interface HooksimMatchers<R = unknown> {
  toKeepContract(): R;
  toHaveStatus(expected: number | `${1 | 2 | 3 | 4 | 5}xx` | number[]): R;
  /** Keys are checked against the provider's outcome type when the received value is a typed send result. */
  toHaveOutcome(expected: R extends { outcome: infer O extends object } ? { [K in keyof O]?: unknown } : Record<string, unknown>): R;
}

export type { SendResult };

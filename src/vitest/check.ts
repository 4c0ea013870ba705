/**
 * `hooksim check` in vitest: `expect(report).toPass()` on a {@link checkHook} report, or
 * {@link describeCheck} for one test per check (the event sweep and effects as one test each).
 *
 * @example
 * describeCheck('my Logto hook', { provider: 'logto', target: app, signingKey });
 * // or
 * const report = await checkHook({ provider: 'logto', target: app, signingKey });
 * expect(report).toPass();
 */
import { beforeAll, describe, test } from 'vitest';
import type { CheckOptions, CheckReport, CheckResult } from '../check/types.js';

/** One check for a failure message: status, id, what happened, why, fix and how to replay. */
export function describeCheckResult(check: CheckResult): string {
  const replay = check.exchanges.find((sent) => sent.verdict === check.status) ?? check.exchanges.at(-1);
  return [
    `${check.status.toUpperCase()} ${check.id}: ${check.message}`,
    `  why: ${check.why}`,
    `  fix: ${check.fix}`,
    ...(replay ? [`  replay: ${replay.curl.length > 400 ? `${replay.curl.slice(0, 400)}…` : replay.curl}`] : []),
  ].join('\n');
}

function isReport(value: unknown): value is CheckReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as CheckReport).checks) && 'exitCode' in value;
}

/** `expect(report).toPass()`: no check failed (nor warned, when the report was made with `strict`). */
export const checkMatchers = {
  toPass(this: { isNot: boolean }, received: unknown) {
    if (!isReport(received)) return { pass: false, message: () => `toPass expects a checkHook() report, got ${typeof received}` };
    const failing = received.checks.filter((check) => check.status === 'fail' || (received.strict && check.status === 'warn'));
    return {
      pass: received.exitCode === 0,
      message: () =>
        this.isNot
          ? `expected the hook to fail a check, but all ${received.checks.length} passed`
          : `expected every check to pass; ${failing.length} did not:\n${failing.map(describeCheckResult).join('\n')}`,
    };
  },
};

/** The matcher's type, for `declare module 'vitest'`. */
export interface CheckMatchers<R = unknown> {
  /** The check report has no failed check (no warning either under `strict`). */
  toPass(): R;
}

/**
 * One `describe` with a test per check of the provider's catalogue. The checks run once, in
 * `beforeAll`; each test reads its results (checks that expand, `events.*` and `effects.*`, are
 * one test). A check that was skipped (no signing key, fuzzing off) is reported as skipped.
 */
export function describeCheck(name: string, options: CheckOptions & { timeoutMs?: number }): void {
  // The catalogue loads while vitest collects: vitest awaits an async describe body before it
  // runs anything, so the tests below are declared in time and no caller has to await.
  describe(name, async () => {
    let report: CheckReport;
    beforeAll(async () => {
      const { checkHook } = await import('../check/index.js');
      report = await checkHook(options);
    }, options.timeoutMs ?? 120_000);
    const [{ getProvider }, { checksFor }] = await Promise.all([import('../providers/registry.js'), import('../check/registry.js')]);
    const provider = typeof options.provider === 'string' ? getProvider(options.provider) : options.provider;
    for (const definition of await checksFor(provider)) {
      const expands = definition.id.endsWith('.');
      test(expands ? `${definition.id}*` : definition.id, (context) => {
        const results = report.checks.filter((check) => (expands ? check.id.startsWith(definition.id) : check.id === definition.id));
        if (results.length === 0 || results.every((check) => check.status === 'skip')) {
          context.skip(results[0]?.message ?? 'not run');
          return;
        }
        const failing = results.filter((check) => check.status === 'fail' || (report.strict && check.status === 'warn'));
        if (failing.length > 0) throw new Error(failing.map(describeCheckResult).join('\n'));
      });
    }
  });
}

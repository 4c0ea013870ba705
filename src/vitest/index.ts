/**
 * hooksim's vitest entry point (`hooksim/vitest`): importing it adds the matchers to `expect`.
 *
 * @example
 * import { describeScenarios } from 'hooksim/vitest';
 * const result = await send({ provider: 'dexie-cloud', event: 'new-user', target: app });
 * expect(result).toKeepContract();
 * expect(result).toHaveOutcome({ login: 'accepted', action: 'prod' });
 */
import { expect } from 'vitest';
import { hooksimMatchers, type HooksimMatchers } from './matchers.js';
import { hooksimMockMatchers, type HooksimMockMatchers } from './mock-matchers.js';
import { checkMatchers, type CheckMatchers } from './check.js';

expect.extend(hooksimMatchers);
expect.extend(hooksimMockMatchers);
expect.extend(checkMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends HooksimMatchers<T>, HooksimMockMatchers<T>, CheckMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends HooksimMatchers {}
}

export { hooksimMatchers, type HooksimMatchers, type JudgedDelivery } from './matchers.js';
export { hooksimMockMatchers, type HooksimMockMatchers, type CallRoute, type ReceivedOptions } from './mock-matchers.js';
export { describeScenarios, describeFailure, type DescribeScenariosOptions } from './scenarios.js';
export { checkMatchers, describeCheck, describeCheckResult, type CheckMatchers } from './check.js';

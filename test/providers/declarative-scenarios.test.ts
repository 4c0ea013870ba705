import { describe, expect, it } from 'vitest';
import { createEnrollmentHook } from '../../examples/enrollment/hook.js';
import { createDoubleProvisioningHook } from '../../examples/enrollment/broken/double-provisioning.js';
import { createUnverifiedHook } from '../../examples/enrollment/broken/signature-not-verified.js';
import { createCrashOnDeleteHook } from '../../examples/standard-webhooks/broken/crash-on-delete.js';
import { createConflictOnRetryHook } from '../../examples/standard-webhooks/broken/conflict-on-retry.js';
import { createUserSyncHook } from '../../examples/standard-webhooks/user-sync.js';
import { runScenarios } from '../../src/scenarios/run-all.js';
import type { ScenarioResult } from '../../src/scenarios/result.js';

const KEY = 'whsec_aG9va3NpbURlbW9FbnJvbGxtZW50S2V5MDE=';
const NOW = Date.UTC(2026, 10, 26, 12);

/** The bundled enrollment scenarios against one hook; the hook's clock is the scenarios' clock. */
async function run(nodeHandler: ReturnType<typeof createEnrollmentHook>['nodeHandler']) {
  const result = await runScenarios({ paths: ['scenarios/enrollment'], target: nodeHandler, now: NOW, env: {}, reporters: [] });
  return Object.fromEntries(result.scenarios.map((scenario) => [scenario.file.replace(/^.*\//, ''), scenario])) as Record<string, ScenarioResult>;
}

const failedSteps = (scenario: ScenarioResult | undefined) => scenario?.steps.filter((step) => step.status !== 'passed').map((step) => step.name);

describe('bundled enrollment scenarios', () => {
  it('the hook done right passes all four', async () => {
    const scenarios = await run(createEnrollmentHook({ signingKey: KEY, now: () => NOW }).nodeHandler);
    expect(Object.keys(scenarios).sort()).toEqual(['first-enrollment.yaml', 'per-device-provisioning.yaml', 're-enrollment-idempotency.yaml', 'second-device.yaml']);
    for (const scenario of Object.values(scenarios)) expect({ name: scenario.name, status: scenario.status, failed: failedSteps(scenario) }).toEqual({ name: scenario.name, status: 'passed', failed: [] });
  });

  it('double provisioning: re-enrollment, the retry and the replay are provisioned again', async () => {
    const scenarios = await run(createDoubleProvisioningHook({ signingKey: KEY, now: () => NOW }).nodeHandler);
    expect(failedSteps(scenarios['re-enrollment-idempotency.yaml'])).toEqual(['same device again', 'the platform retries a delivery', 'an old message id replayed with a valid signature']);
    const step = scenarios['re-enrollment-idempotency.yaml']!.steps[1]!;
    expect(step.expectations.filter((expectation) => !expectation.pass).map((expectation) => [expectation.expected, expectation.actual])).toEqual([
      ['"skip"', '"provision"'],
      ['"device already provisioned"', '"device provisioned"'],
    ]);
    expect(scenarios['first-enrollment.yaml']!.status).toBe('passed');
  });

  it('signature not verified: every forged request is accepted instead of refused with 401', async () => {
    const scenarios = await run(createUnverifiedHook().nodeHandler);
    expect(failedSteps(scenarios['per-device-provisioning.yaml'])).toEqual([
      'forged, no signature',
      'forged, tampered signature',
      'signed with another key',
      'a captured request, 15 minutes old',
      'a timestamp from the future',
    ]);
  });
});

describe('bundled standard-webhooks scenarios (the hooks verify with the standardwebhooks library, on the real clock)', () => {
  const SW_KEY = 'whsec_aG9va3NpbURlbW9TdGFuZGFyZFdlYmhvb2tzMDE=';
  async function runSw(nodeHandler: ReturnType<typeof createUserSyncHook>['nodeHandler']) {
    const result = await runScenarios({ paths: ['scenarios/standard-webhooks'], target: nodeHandler, env: {}, reporters: [] });
    return Object.fromEntries(result.scenarios.map((scenario) => [scenario.file.replace(/^.*\//, ''), scenario])) as Record<string, ScenarioResult>;
  }

  it('the user sync done right passes all three', async () => {
    const scenarios = await runSw(createUserSyncHook({ signingKey: SW_KEY }).nodeHandler);
    expect(Object.keys(scenarios).sort()).toEqual(['duplicate-delivery.yaml', 'signatures.yaml', 'user-lifecycle.yaml']);
    for (const scenario of Object.values(scenarios)) expect({ name: scenario.name, failed: failedSteps(scenario) }).toEqual({ name: scenario.name, failed: [] });
  });

  it('crash on delete: user.deleted gets 500', async () => {
    const scenarios = await runSw(createCrashOnDeleteHook({ signingKey: SW_KEY }).nodeHandler);
    expect(failedSteps(scenarios['user-lifecycle.yaml'])).toEqual(['user.deleted #3']);
    expect(scenarios['user-lifecycle.yaml']!.steps[2]!.deliveries[0]!.response?.status).toBe(500);
  });

  it('conflict on retry: the second copy of user.created gets 409', async () => {
    const scenarios = await runSw(createConflictOnRetryHook({ signingKey: SW_KEY }).nodeHandler);
    expect(failedSteps(scenarios['duplicate-delivery.yaml'])).toEqual(['user.created, delivered twice']);
    expect(scenarios['duplicate-delivery.yaml']!.steps[0]!.deliveries.map((delivery) => delivery.response?.status)).toEqual([200, 409]);
  });
});

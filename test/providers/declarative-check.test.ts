import { describe, expect, it } from 'vitest';
import { createEnrollmentHook } from '../../examples/enrollment/hook.js';
import { createDoubleProvisioningHook } from '../../examples/enrollment/broken/double-provisioning.js';
import { createUnverifiedHook } from '../../examples/enrollment/broken/signature-not-verified.js';
import { createUserSyncHook } from '../../examples/standard-webhooks/user-sync.js';
import { checkHook } from '../../src/check/index.js';
import type { CheckReport } from '../../src/check/types.js';

const KEY = 'whsec_aG9va3NpbURlbW9FbnJvbGxtZW50S2V5MDE=';
const statuses = (report: CheckReport) => Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
const messageOf = (report: CheckReport, id: string) => report.checks.find((check) => check.id === id)?.message;

/** What the hook did, read through its own API: exactly once per device. */
const effects = (base: string) => ({ enrollment: { request: `GET ${base}/devices/\${data.user.id}/\${data.deviceIdentifier}`, expect: { status: 200, body: { provisions: 1 } } } });

describe('hooksim check on the enrollment provider (generic checks from the provider data)', () => {
  it('the hook done right passes every check', async () => {
    const report = await checkHook({ provider: 'enrollment', target: createEnrollmentHook({ signingKey: KEY }).nodeHandler, signingKey: KEY, fuzz: 0 });
    expect(statuses(report)).toEqual({
      'events.enrollment.first-device': 'pass',
      'events.enrollment.new-device': 'pass',
      'events.enrollment.re-enrollment': 'pass',
      'signature.missing': 'pass',
      'signature.tampered': 'pass',
      'signature.wrong-key': 'pass',
      'signature.body-altered': 'pass',
      'signature.stale-timestamp': 'pass',
      'signature.future-timestamp': 'pass',
      'signature.replayed-id': 'pass',
      'delivery.duplicate': 'pass',
      'delivery.repeat.re-enrollment': 'pass',
      'delivery.latency': 'pass',
    });
    expect(report.exitCode).toBe(0);
  });

  it('double provisioning: the duplicate, the replayed id and the re-enrollment are processed again', async () => {
    const report = await checkHook({ provider: 'enrollment', target: createDoubleProvisioningHook({ signingKey: KEY }).nodeHandler, signingKey: KEY, fuzz: 0 });
    const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.id);
    expect(failed).toEqual(['signature.replayed-id', 'delivery.duplicate', 'delivery.repeat.re-enrollment']);
    expect(messageOf(report, 'delivery.repeat.re-enrollment')).toBe(
      'enrollment (re-enrollment): status 200 → device provisioned, where a repeat must get "device already provisioned" (it was processed again)',
    );
    expect(report.exitCode).toBe(1);
  });

  it('an effect proves it through the app: provisioned twice after the duplicate', async () => {
    const hook = createDoubleProvisioningHook({ signingKey: KEY });
    const report = await checkHook({ provider: 'enrollment', target: hook.nodeHandler, signingKey: KEY, fuzz: 0, only: ['delivery.duplicate'], effects: effects('') });
    expect(messageOf(report, 'delivery.duplicate')).toMatch(/after the duplicate: effect GET \/devices\/usr_[a-z0-9]+\/[0-9a-f-]+: expected the body to contain \{"provisions":1\}, got \{"provisions":2\}/);
  });

  it('signature not verified: every forged request is accepted', async () => {
    const report = await checkHook({ provider: 'enrollment', target: createUnverifiedHook().nodeHandler, signingKey: KEY, fuzz: 0, only: ['signature.'] });
    expect(statuses(report)).toEqual({
      'signature.missing': 'fail',
      'signature.tampered': 'fail',
      'signature.wrong-key': 'fail',
      'signature.body-altered': 'fail',
      'signature.stale-timestamp': 'fail',
      'signature.future-timestamp': 'fail',
      'signature.replayed-id': 'fail',
    });
    expect(messageOf(report, 'signature.missing')).toBe('missing: accepted (status 200)');
  });

  it('without a signing key the signature checks are skipped, saying why', async () => {
    const report = await checkHook({ provider: 'enrollment', target: createEnrollmentHook({ signingKey: KEY }).nodeHandler, fuzz: 0, only: ['signature.missing'] });
    expect(report.checks[0]).toMatchObject({ status: 'skip', message: 'no signing key given (--signing-key): the requests are unsigned, so verification cannot be probed' });
  });
});

describe('hooksim check on standard-webhooks', () => {
  it('the user sync passes; a scheme without repeats declared still checks duplicates by status', async () => {
    const key = 'whsec_aG9va3NpbURlbW9TdGFuZGFyZFdlYmhvb2tzMDE=';
    const report = await checkHook({ provider: 'standard-webhooks', target: createUserSyncHook({ signingKey: key }).nodeHandler, signingKey: key, fuzz: 0 });
    expect(report.checks.filter((check) => check.status !== 'pass').map((check) => [check.id, check.status, check.message])).toEqual([]);
    expect(report.checks.map((check) => check.id)).toContain('events.user.updated.name-changed');
  });
});
